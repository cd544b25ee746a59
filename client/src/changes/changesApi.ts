import { query, request, segment } from '../api';

export const CHANGE_STATUSES = [
  'raised',
  'impact-assessment',
  'approved',
  'rejected',
  'implemented',
  'withdrawn',
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export interface AffectedArtefact {
  artefactId: string;
  slug: string;
  reference: string;
  code: string;
  noCodeImpact: boolean;
  noImpactReason: string | null;
}

export interface Change {
  id: string;
  type: 'CR' | 'DIN';
  title: string;
  status: ChangeStatus;
  decidedAt: string | null;
  postM6: boolean;
  affects: AffectedArtefact[];
}

export interface ChangeFields {
  title: string;
  status: ChangeStatus;
  decidedAt: string | null;
  postM6: boolean;
  /** Artefact ids or slugs: the whole set the change affects. */
  artefacts: string[];
}

type One = { data: Change };
const changePath = (id: string) => `/api/changes/${segment(id)}`;
const noImpactPath = (id: string, artefactId: string) =>
  `${changePath(id)}/artefacts/${segment(artefactId)}/no-impact`;

export const listChanges = (
  filters: { status?: string; artefactId?: string },
  signal?: AbortSignal,
) => request<{ data: Change[] }>(`/api/changes${query(filters)}`, { signal }).then((r) => r.data);

export const createChange = (change: ChangeFields & { id: string }) =>
  request<One>('/api/changes', { method: 'POST', body: change }).then((r) => r.data);

export const updateChange = (id: string, edit: Partial<ChangeFields>) =>
  request<One>(changePath(id), { method: 'PATCH', body: edit }).then((r) => r.data);

export const markNoImpact = (id: string, artefactId: string, reason: string) =>
  request<One>(noImpactPath(id, artefactId), { method: 'POST', body: { reason } }).then(
    (r) => r.data,
  );

export const withdrawNoImpact = (id: string, artefactId: string) =>
  request<One>(noImpactPath(id, artefactId), { method: 'DELETE' }).then((r) => r.data);
