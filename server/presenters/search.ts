import { z } from 'zod';
import type { ClauseHitRow, CommentHitRow } from '../db/queries/search.js';
import { COMMENT_STATUSES, type CommentStatus } from '../domain/commentLifecycle.js';
import { highlightPlain, type SearchTerm } from '../domain/searchQuery.js';

const hitArtefactSchema = z.object({
  id: z.string(),
  reference: z.string(),
  slug: z.string(),
  code: z.string(),
  title: z.string(),
});

const snippetSchema = z
  .array(z.object({ text: z.string(), hit: z.boolean().describe('A part that matched') }))
  .describe('Plain-text parts of the matched text: show the `hit` parts marked');

export const clauseHitSchema = z.object({
  type: z.literal('clause'),
  artefact: hitArtefactSchema,
  version: z.object({
    id: z.string(),
    label: z.string(),
    current: z.boolean().describe("Whether it is the artefact's current version"),
  }),
  clauseRef: z.string(),
  heading: z.string().nullable(),
  anchor: z.string(),
  snippet: snippetSchema,
});

export const commentHitSchema = z.object({
  type: z.literal('comment'),
  artefact: hitArtefactSchema,
  version: z.object({ id: z.string(), label: z.string().nullable() }),
  comment: z.object({
    id: z.string(),
    ref: z.string(),
    status: z.enum(COMMENT_STATUSES),
    confidential: z.boolean(),
    createdAt: z.string(),
  }),
  clauseRef: z.string(),
  field: z
    .enum(['body', 'proposedText'])
    .describe('Where the hit is: the comment itself or the text it proposes'),
  snippet: snippetSchema,
});

export const searchHitSchema = z.discriminatedUnion('type', [clauseHitSchema, commentHitSchema]);

const artefactOf = (row: {
  artefactId: string;
  reference: string;
  slug: string;
  code: string;
  title: string;
}) => ({
  id: row.artefactId,
  reference: row.reference,
  slug: row.slug,
  code: row.code,
  title: row.title,
});

/** Snippets leave as parts, never markup: the client renders hits as <mark> around plain text. */
export function presentClauseHit(
  row: ClauseHitRow,
  terms: SearchTerm[],
): z.infer<typeof clauseHitSchema> {
  return {
    type: 'clause' as const,
    artefact: artefactOf(row),
    version: { id: row.versionId, label: row.versionLabel, current: row.isCurrent },
    clauseRef: row.clauseRef,
    heading: row.heading,
    anchor: row.anchor,
    snippet: highlightPlain(row.text, terms),
  };
}

export function presentCommentHit(
  row: CommentHitRow,
  terms: SearchTerm[],
): z.infer<typeof commentHitSchema> {
  const inBody = highlightPlain(row.body, terms);
  const matched = inBody.some((p) => p.hit) || !row.proposedText;
  return {
    type: 'comment' as const,
    artefact: artefactOf(row),
    version: { id: row.versionId, label: row.versionLabel },
    comment: {
      id: row.id,
      ref: row.ref,
      status: row.status as CommentStatus,
      confidential: row.confidential === 1,
      createdAt: row.createdAt,
    },
    clauseRef: row.clauseRef,
    field: matched ? ('body' as const) : ('proposedText' as const),
    snippet: matched ? inBody : highlightPlain(row.proposedText ?? '', terms),
  };
}
