import { query, request, segment } from '../api';

export interface Trace {
  artefactId: string;
  slug: string;
  reference: string;
  code: string;
  clauseRef: string;
  /** The clause is no longer in the artefact's current version. */
  broken: boolean;
}

export interface Requirement {
  id: string;
  text: string;
  source: string;
  traces: Trace[];
}

type One = { data: Requirement };
const tracesPath = (id: string) => `/api/requirements/${segment(id)}/traces`;

export const listRequirements = (filters: { artefactId?: string }, signal?: AbortSignal) =>
  request<{ data: Requirement[] }>(`/api/requirements${query(filters)}`, { signal }).then(
    (r) => r.data,
  );

export const createRequirement = (requirement: { id: string; text: string; source: string }) =>
  request<One>('/api/requirements', { method: 'POST', body: requirement }).then((r) => r.data);

export const addTrace = (id: string, trace: { artefactId: string; clauseRef: string }) =>
  request<One>(tracesPath(id), { method: 'POST', body: trace }).then((r) => r.data);

export const removeTrace = (id: string, trace: { artefactId: string; clauseRef: string }) =>
  request<One>(`${tracesPath(id)}${query(trace)}`, { method: 'DELETE' }).then((r) => r.data);

export interface NoRequirementsStatement {
  reason: string;
  at: string;
  by: string | null;
}

type Statement = { data: { artefactId: string; noRequirements: NoRequirementsStatement | null } };
const statementPath = (artefactId: string) =>
  `/api/artefacts/${segment(artefactId)}/no-requirements`;

export const getStatement = (artefactId: string, signal?: AbortSignal) =>
  request<{ data: { noRequirements?: NoRequirementsStatement | null } }>(
    `/api/artefacts/${segment(artefactId)}`,
    { signal },
  ).then((r) => r.data.noRequirements ?? null);

export const stateNoRequirements = (artefactId: string, reason: string) =>
  request<Statement>(statementPath(artefactId), { method: 'POST', body: { reason } }).then(
    (r) => r.data.noRequirements,
  );

export const withdrawNoRequirements = (artefactId: string) =>
  request<Statement>(statementPath(artefactId), { method: 'DELETE' }).then(
    (r) => r.data.noRequirements,
  );
