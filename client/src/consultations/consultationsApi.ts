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
