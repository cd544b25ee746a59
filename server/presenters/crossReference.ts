import type { CrossReferenceRow } from '../db/queries/crossReferences.js';

/** The anchor a clause ref takes when it is not a duplicate (see domain/parseClauses.ts). */
export function clauseAnchor(ref: string): string {
  const slug = ref
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `clause-${slug}` : 'clause';
}

function link(slug: string | null, clauseRef: string | null): string | null {
  if (slug === null) return null;
  return `/artefacts/${slug}${clauseRef === null ? '' : `#${clauseAnchor(clauseRef)}`}`;
}

export function presentCrossReference(row: CrossReferenceRow) {
  return {
    text: row.raw,
    resolved: row.resolved === 1,
    withinArtefact: row.sourceArtefactId === row.targetArtefactId,
    source: {
      artefactId: row.sourceArtefactId,
      reference: row.sourceReference,
      slug: row.sourceSlug,
      code: row.sourceCode,
      clauseRef: row.sourceClauseRef,
      href: link(row.sourceSlug, row.sourceClauseRef),
    },
    target: {
      artefactId: row.targetArtefactId,
      reference: row.targetReference,
      slug: row.targetSlug,
      code: row.targetCode,
      /** How the text names an artefact not in the registry ('bscp501'). */
      document: row.targetDocument,
      clauseRef: row.targetClauseRef,
      href: link(row.targetSlug, row.targetClauseRef),
    },
  };
}

export type PresentedCrossReference = ReturnType<typeof presentCrossReference>;

/**
 * How many citations come from each code, for "Referenced by". An artefact citing its own clauses
 * is counted apart: "paragraph 2.1.3" within Section S says nothing about who else depends on it.
 */
export function countsByCode(rows: readonly CrossReferenceRow[]): {
  countsByCode: Record<string, number>;
  withinArtefact: number;
} {
  const counts: Record<string, number> = {};
  let withinArtefact = 0;
  for (const row of rows) {
    if (row.sourceArtefactId === row.targetArtefactId) withinArtefact++;
    else counts[row.sourceCode] = (counts[row.sourceCode] ?? 0) + 1;
  }
  return { countsByCode: counts, withinArtefact };
}
