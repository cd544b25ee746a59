import { query, request, segment } from '../api';

export type FindingKind = 'undefined-term' | 'broken-reference' | 'vague-wording' | 'long-sentence';
export type FindingStatus = 'open' | 'waived' | 'raised';

/** A plain-English check's finding on one clause of one version. */
export interface Finding {
  id: string;
  versionId: string;
  artefactId: string;
  clauseRef: string;
  kind: FindingKind;
  excerpt: string;
  message: string;
  status: FindingStatus;
  reason: string | null;
  commentId: string | null;
  commentRef: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** A waiver carried from the previous version of an unchanged clause: that version's label. */
  carriedFrom: string | null;
}

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  'undefined-term': 'Undefined term',
  'broken-reference': 'Broken reference',
  'vague-wording': 'Vague wording',
  'long-sentence': 'Long sentence',
};

export const listFindings = (
  artefactId: string,
  filters: { versionId?: string; status?: FindingStatus },
  signal?: AbortSignal,
) =>
  request<{ data: Finding[] }>(
    `/api/artefacts/${segment(artefactId)}/findings${query({ ...filters })}`,
    { signal },
  ).then((r) => r.data);

export const waiveFinding = (id: string, reason: string) =>
  request<{ data: Finding }>(`/api/findings/${segment(id)}/waive`, {
    method: 'POST',
    body: { reason },
  }).then((r) => r.data);

export const raiseFinding = (id: string) =>
  request<{ data: Finding }>(`/api/findings/${segment(id)}/raise`, { method: 'POST' }).then(
    (r) => r.data,
  );

/** A term added to the configured glossary from a finding, and what re-checking closed. */
export interface DefinedTerm {
  definition: { term: string; definition: string; findingId: string };
  rechecked: { versions: number; closed: number };
}

export const defineFindingTerm = (id: string, definition: string) =>
  request<{ data: DefinedTerm }>(`/api/findings/${segment(id)}/define`, {
    method: 'POST',
    body: { definition },
  }).then((r) => r.data);
