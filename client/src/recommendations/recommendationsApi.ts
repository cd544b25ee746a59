import { ApiError, getToken, request, segment } from '../api';
import type { DueProcessSummary } from '../dueProcess/dueProcessApi';
import type { Readiness } from '../readiness/readinessApi';

export type Verdict = 'ready' | 'not-ready';
export type DecisionBody = 'CCAG' | 'SRO';
export type Outcome = 'recommended' | 'not-recommended' | 'approved' | 'rejected';

export const OUTCOMES: Record<DecisionBody, { value: Outcome; label: string }[]> = {
  CCAG: [
    { value: 'recommended', label: 'Recommended' },
    { value: 'not-recommended', label: 'Not recommended' },
  ],
  SRO: [
    { value: 'approved', label: 'Approved' },
    { value: 'rejected', label: 'Rejected' },
  ],
};

export interface Person {
  id: string;
  name: string;
}

export interface PaperSummary {
  id: string;
  verdict: Verdict;
  createdAt: string;
  /** The author's name (the list sends a name) or the author. */
  createdBy: string | Person | null;
  /** The latest decision of each body on the paper, if any (the list sends them). */
  ccag?: Outcome | null;
  sro?: Outcome | null;
}

/** An outcome in words, or that the body has not decided yet. */
export const outcomeLabel = (body: DecisionBody, outcome: Outcome | null | undefined): string =>
  OUTCOMES[body].find((o) => o.value === outcome)?.label ?? 'Not yet decided';

export interface PaperDecision {
  id: string;
  body: DecisionBody;
  outcome: Outcome;
  notes: string;
  decidedBy: Person | null;
  decidedAt: string;
}

export interface Paper {
  id: string;
  /** What readers cite the paper by, in every page's header; also its files' names. */
  reference: string;
  verdict: Verdict;
  createdAt: string;
  createdBy: Person | null;
  /** Frozen when the paper was generated. */
  readiness: Readiness;
  dueProcess: DueProcessSummary;
  decisions: PaperDecision[];
  baselineId: string | null;
  formats: { html: string; md: string; docx: string };
}

export interface Baseline {
  id: string;
  recommendationId: string;
  createdAt: string;
  versions: {
    artefactId: string;
    slug: string;
    code: string;
    reference: string;
    title: string;
    versionId: string;
    label: string;
  }[];
  /** Deferred comments; a confidential one the reader may not see has no ref, clause or response. */
  workOff: {
    id: string;
    commentId: string | null;
    ref: string | null;
    reference: string;
    clauseRef: string | null;
    response: string | null;
  }[];
}

export const personName = (p: string | Person | null) =>
  p === null ? 'unknown' : typeof p === 'string' ? p : p.name;

export const listPapers = (signal?: AbortSignal) =>
  request<{ data: PaperSummary[] }>('/api/recommendations', { signal }).then((r) => r.data);

export const getPaper = (id: string, signal?: AbortSignal) =>
  request<{ data: Paper }>(`/api/recommendations/${segment(id)}`, { signal }).then((r) => r.data);

export const generatePaper = () =>
  request<{ data: Paper }>('/api/recommendations', { method: 'POST' }).then((r) => r.data);

export const recordDecision = (
  id: string,
  decision: { body: DecisionBody; outcome: Outcome; notes: string },
) =>
  request<{ data: Paper }>(`/api/recommendations/${segment(id)}/decisions`, {
    method: 'POST',
    body: decision,
  }).then((r) => r.data);

/** The baseline, or null before M6 is baselined (the server answers 404). */
export const getBaseline = (signal?: AbortSignal) =>
  request<{ data: Baseline }>('/api/baseline', { signal }).then(
    (r) => r.data,
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    },
  );

/** The print-ready paper as HTML text, fetched with the token (an iframe src could not send it). */
export async function fetchPaperHtml(path: string, signal?: AbortSignal): Promise<string> {
  const token = getToken();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal,
  });
  if (!response.ok)
    throw new ApiError(
      response.status,
      'http_error',
      `The paper could not be loaded (${response.status}).`,
    );
  return response.text();
}
