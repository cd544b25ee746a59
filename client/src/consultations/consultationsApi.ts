import { query, request } from '../api';

export type ConsultationState = 'open' | 'upcoming' | 'closed';

export interface Consultation {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  state: ConsultationState;
  artefactIds: string[];
  createdAt: string;
  revision: number;
  history: WindowChange[];
}

export interface WindowChange {
  kind: 'close' | 'extend' | 'shorten' | 'reopen';
  by: string | null;
  at: string;
  fromClosesAt: string;
  toClosesAt: string;
  reason: string;
}

export interface NewConsultation {
  title: string;
  opensAt: string;
  closesAt: string;
  /** Artefact ids or slugs. */
  artefacts: string[];
}

export const listConsultations = (
  filters: { state?: ConsultationState; artefactId?: string },
  signal?: AbortSignal,
) =>
  request<{ data: Consultation[] }>(`/api/consultations${query({ ...filters })}`, {
    signal,
  }).then((r) => r.data);

export const createConsultation = (consultation: NewConsultation) =>
  request<{ data: Consultation }>('/api/consultations', {
    method: 'POST',
    body: consultation,
  }).then((r) => r.data);

export const closeConsultation = (consultation: Consultation, reason: string) =>
  request<{ data: Consultation }>(
    `/api/consultations/${encodeURIComponent(consultation.id)}/close`,
    {
      method: 'POST',
      body: { reason, revision: consultation.revision },
    },
  ).then((r) => r.data);

export const changeClosing = (consultation: Consultation, closesAt: string, reason: string) =>
  request<{ data: Consultation }>(`/api/consultations/${encodeURIComponent(consultation.id)}`, {
    method: 'PATCH',
    body: { closesAt, reason, revision: consultation.revision },
  }).then((r) => r.data);
