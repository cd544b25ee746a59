import { query, request } from '../api';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

interface HitArtefact {
  id: string;
  reference: string;
  slug: string;
  code: string;
  title: string;
}

export interface ClauseHit {
  type: 'clause';
  artefact: HitArtefact;
  version: { id: string; label: string; current: boolean };
  clauseRef: string;
  heading: string | null;
  anchor: string;
  snippet: SnippetPart[];
}

export interface CommentHit {
  type: 'comment';
  artefact: HitArtefact;
  version: { id: string; label: string | null };
  comment: { id: string; ref: string; status: string; confidential: boolean; createdAt: string };
  clauseRef: string;
  field: 'body' | 'proposedText';
  snippet: SnippetPart[];
}

export type SearchHit = ClauseHit | CommentHit;

export interface SearchParams {
  q: string;
  code?: string;
  scope?: 'clauses' | 'comments';
  version?: 'current' | 'all';
  cursor?: string;
}

export interface SearchResults {
  data: SearchHit[];
  nextCursor: string | null;
  /** More clauses match than are ranked: the first `rankedMatches` come best first, then the rest. */
  broad: boolean;
  rankedMatches: number;
}

export const searchText = (params: SearchParams, signal?: AbortSignal) =>
  request<SearchResults>(`/api/search${query({ ...params })}`, { signal });

/** Where a hit opens: its version of the artefact, at the clause. */
export function hitLink(hit: SearchHit): string {
  const page = `/artefacts/${encodeURIComponent(hit.artefact.slug)}`;
  if (hit.type === 'clause')
    return `${page}?version=${encodeURIComponent(hit.version.id)}#${encodeURIComponent(hit.anchor)}`;
  return `${page}?version=${encodeURIComponent(hit.version.id)}&clause=${encodeURIComponent(hit.clauseRef)}`;
}
