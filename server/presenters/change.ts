import type { ChangeRow } from '../db/queries/changes.js';

export function presentChange(row: ChangeRow) {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    status: row.status,
    decidedAt: row.decidedAt,
    postM6: Number(row.postM6) === 1,
    affects: row.affects.map((a) => ({
      artefactId: a.artefactId,
      slug: a.slug,
      reference: a.reference,
      code: a.code,
      noCodeImpact: a.noCodeImpact,
      noImpactReason: a.noImpactReason,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
