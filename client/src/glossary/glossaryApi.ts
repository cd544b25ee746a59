import { query, request } from '../api';

/** A clause of a published version, and where it opens. */
export interface GlossaryPlace {
  code: string;
  reference: string;
  slug: string;
  version: { id: string; label: string };
  clauseRef: string;
  anchor: string;
  href: string;
}

export type DefinitionSource =
  | ({ kind: 'artefact' } & GlossaryPlace)
  | { kind: 'configured'; definedAt: string | null; from: GlossaryPlace | null };

export interface GlossaryDefinition {
  /** Plain text: always rendered as text, never as markup. */
  text: string;
  source: DefinitionSource;
}

export interface GlossaryEntry {
  term: string;
  conflicting: boolean;
  configured: boolean;
  definitions: GlossaryDefinition[];
}

export const listGlossary = (params: { q?: string; conflicting?: boolean }, signal?: AbortSignal) =>
  request<{ data: GlossaryEntry[] }>(
    `/api/glossary${query({ q: params.q, conflicting: params.conflicting ? 'true' : undefined })}`,
    { signal },
  ).then((body) => body.data);

/** "BSC Section X Annex X-1 1.1.2" or "Configured list". */
export function sourceLabel(source: DefinitionSource): string {
  return source.kind === 'artefact'
    ? `${source.code} ${source.reference} ${source.clauseRef}`
    : 'Configured list';
}
