import type { RequirementRow } from '../db/queries/requirements.js';

export function presentRequirement(row: RequirementRow) {
  return {
    id: row.id,
    text: row.text,
    source: row.source,
    traces: row.traces.map((t) => ({
      artefactId: t.artefactId,
      slug: t.slug,
      reference: t.reference,
      code: t.code,
      clauseRef: t.clauseRef,
      broken: t.broken,
    })),
    createdAt: row.createdAt,
  };
}
