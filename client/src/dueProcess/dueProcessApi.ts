import { request } from '../api';
import type {
  DueProcessOrganisation,
  DueProcessRefusal,
  DueProcessSummary,
} from '../../../server/domain/dueProcess';

export type { DueProcessOrganisation, DueProcessRefusal, DueProcessSummary };

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

export type DueProcessConfirmation = DueProcessSummary['confirmations'][number];

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

export const respondToRefusal = (responseId: string, key: DueProcessKey, text: string) =>
  request<{ data: { text: string; respondedAt: string } }>(
    `/api/due-process/responses/${encodeURIComponent(responseId)}/refusals/${key}`,
    { method: 'PUT', body: { text } },
  ).then((r) => r.data);
