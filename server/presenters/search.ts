import type { ClauseHitRow, CommentHitRow } from '../db/queries/search.js';
import { highlightPlain, type SearchTerm } from '../domain/searchQuery.js';

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
export function presentClauseHit(row: ClauseHitRow, terms: SearchTerm[]) {
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

export function presentCommentHit(row: CommentHitRow, terms: SearchTerm[]) {
  const inBody = highlightPlain(row.body, terms);
  const matched = inBody.some((p) => p.hit) || !row.proposedText;
  return {
    type: 'comment' as const,
    artefact: artefactOf(row),
    version: { id: row.versionId, label: row.versionLabel },
    comment: {
      id: row.id,
      ref: row.ref,
      status: row.status,
      confidential: row.confidential === 1,
      createdAt: row.createdAt,
    },
    clauseRef: row.clauseRef,
    /** Where the hit is: the comment itself or the text it proposes. */
    field: matched ? ('body' as const) : ('proposedText' as const),
    snippet: matched ? inBody : highlightPlain(row.proposedText ?? '', terms),
  };
}
