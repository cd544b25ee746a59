import { request } from '../api';

export const DUE_PROCESS_KEYS = [
  'engaged',
  'input',
  'commentsAddressed',
  'designTranslated',
  'artefactsMakeSense',
] as const;
export type DueProcessKey = (typeof DUE_PROCESS_KEYS)[number];

export interface DueProcessAnswer {
  confirmed: boolean;
  text?: string | null;
}

export type DueProcessAnswers = Record<DueProcessKey, DueProcessAnswer>;

export interface DueProcessConfirmation {
  key: DueProcessKey;
  text: string;
  confirmed: number;
  /** 0 to 1; 0 when nobody has responded. */
  share: number;
}

export interface DueProcessSummary {
  responses: number;
  confirmations: DueProcessConfirmation[];
  lessonsLearnt: string[];
}

export interface DueProcessResponse {
  id: string;
  organisation: { id: string; name: string };
  answers: DueProcessAnswers;
  lessonsLearnt: string;
  submittedBy: { id: string; name: string } | null;
  submittedAt: string;
}

export const getDueProcessSummary = (signal?: AbortSignal) =>
  request<{ data: DueProcessSummary }>('/api/due-process/summary', { signal }).then((r) => r.data);

/** The programme sees every organisation's response; anyone else their own organisation's. */
export const listDueProcessResponses = (signal?: AbortSignal) =>
  request<{ data: DueProcessResponse[] }>('/api/due-process/responses', { signal }).then(
    (r) => r.data,
  );

export const submitDueProcessResponse = (answers: DueProcessAnswers, lessonsLearnt: string) =>
  request<{ data: DueProcessResponse }>('/api/due-process/responses', {
    method: 'POST',
    body: { answers, lessonsLearnt },
  }).then((r) => r.data);
