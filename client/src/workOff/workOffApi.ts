import { downloadFile, query, request, segment } from '../api';

export const WORK_OFF_TARGETS = ['M7', 'M8', 'Later'] as const;
export type WorkOffTarget = (typeof WORK_OFF_TARGETS)[number];
export const WORK_OFF_STATUSES = ['open', 'in-progress', 'done', 'withdrawn'] as const;
export type WorkOffStatus = (typeof WORK_OFF_STATUSES)[number];

interface SourceArtefact {
  slug: string;
  code: string;
  reference: string;
  title: string;
}

/** Where an item came from; a confidential comment the reader may not see is `hidden`. */
export type WorkOffSource =
  | { kind: 'change'; id: string; type: 'CR' | 'DIN' | null; title: string; status: string | null }
  | { kind: 'comment'; hidden: true; artefact: SourceArtefact }
  | {
      kind: 'comment';
      hidden: false;
      id: string;
      ref: string;
      artefact: SourceArtefact;
      clauseRef: string;
      quote: string | null;
      body: string;
      response: string | null;
      confidential: boolean;
    };

export interface WorkOffItem {
  id: string;
  source: WorkOffSource;
  owner: { code: string; name: string } | null;
  target: WorkOffTarget | null;
  status: WorkOffStatus;
  notes: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface WorkOffFilters {
  code?: string;
  status?: string;
  target?: string;
}

export interface WorkOffEdit {
  owner: string | null;
  target: WorkOffTarget | null;
  status: WorkOffStatus;
  notes: string;
  revision: number;
}

export const listWorkOff = (filters: WorkOffFilters, signal?: AbortSignal) =>
  request<{ data: WorkOffItem[] }>(`/api/work-off${query({ ...filters })}`, { signal }).then(
    (r) => r.data,
  );

export const updateWorkOff = (id: string, edit: WorkOffEdit) =>
  request<{ data: WorkOffItem }>(`/api/work-off/${segment(id)}`, {
    method: 'PATCH',
    body: edit,
  }).then((r) => r.data);

export const exportWorkOff = (filters: WorkOffFilters, format: 'csv' | 'xlsx') =>
  downloadFile(`/api/work-off/export.${format}${query({ ...filters })}`, `work-off.${format}`);
