import type { VersionRow, VersionSummaryRow } from '../db/queries/artefacts.js';

export function presentVersionSummary(row: VersionSummaryRow) {
  return {
    id: row.id,
    artefactId: row.artefactId,
    label: row.label,
    changeNote: row.changeNote,
    incorporates: JSON.parse(row.incorporates) as string[],
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    baseline: row.isBaseline === 1,
    createdAt: row.createdAt,
  };
}

export function presentVersion(
  row: VersionSummaryRow & Pick<VersionRow, 'body' | 'html' | 'clauses'>,
) {
  return {
    ...presentVersionSummary(row),
    body: row.body,
    html: row.html,
    clauses: JSON.parse(row.clauses) as unknown[],
  };
}
