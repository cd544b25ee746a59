import { z } from 'zod';
import type { CrossReferenceRow } from '../db/queries/crossReferences.js';

const hrefSchema = z.string().nullable().describe('Link to the clause in the web client');

export const crossReferenceSchema = z.object({
  text: z.string().describe('The citation as written'),
  resolved: z.boolean().describe('Whether the target was found in the registry'),
  withinArtefact: z.boolean(),
  source: z.object({
    artefactId: z.string(),
    reference: z.string(),
    slug: z.string(),
    code: z.string(),
    clauseRef: z.string(),
    href: hrefSchema,
  }),
  target: z.object({
    artefactId: z.string().nullable(),
    reference: z.string().nullable(),
    slug: z.string().nullable(),
    code: z.string().nullable(),
    document: z
      .string()
      .nullable()
      .describe("How the text names an artefact not in the registry ('bscp501')"),
    clauseRef: z.string().nullable(),
    href: hrefSchema,
  }),
});

/** With `direction=in`: how many citations come from each code, and from within the artefact. */
export const citationCountsSchema = z.object({
  countsByCode: z.record(z.string(), z.number().int()),
  withinArtefact: z.number().int(),
});

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

export function presentCrossReference(
  row: CrossReferenceRow,
): z.infer<typeof crossReferenceSchema> {
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
      document: row.targetDocument,
      clauseRef: row.targetClauseRef,
      href: link(row.targetSlug, row.targetClauseRef),
    },
  };
}

export type PresentedCrossReference = z.infer<typeof crossReferenceSchema>;

/**
 * How many citations come from each code, for "Referenced by". An artefact citing its own clauses
 * is counted apart: "paragraph 2.1.3" within Section S says nothing about who else depends on it.
 */
export function countsByCode(
  rows: readonly CrossReferenceRow[],
): z.infer<typeof citationCountsSchema> {
  const counts: Record<string, number> = {};
  let withinArtefact = 0;
  for (const row of rows) {
    if (row.sourceArtefactId === row.targetArtefactId) withinArtefact++;
    else counts[row.sourceCode] = (counts[row.sourceCode] ?? 0) + 1;
  }
  return { countsByCode: counts, withinArtefact };
}
