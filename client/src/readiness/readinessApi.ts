import { request, segment, type Brag } from '../api';

export type CriterionId = 'SC1' | 'SC2' | 'SC3' | 'SC4' | 'SC5' | 'KD1' | 'KD2' | 'KD3';

export interface Blocker {
  kind:
    | 'comment'
    | 'change'
    | 'requirement'
    | 'clause'
    | 'finding'
    | 'artefact'
    | 'consultation'
    | 'due-process'
    | 'decision';
  id: string;
  artefactId?: string;
  clauseRef?: string;
  message: string;
}

export interface Criterion {
  id: CriterionId;
  text: string;
  met: boolean;
  evidence: Record<string, number | string | string[]>;
  /** The first 100 at most; `blockerCount` says how many there are. */
  blockers: Blocker[];
  blockerCount: number;
}

export interface CodeReadiness {
  code: string;
  ready: boolean;
  brag: Record<Brag, number>;
  outstandingComments: number;
  criteria: Criterion[];
}

export interface ArtefactReadiness {
  id: string;
  slug: string;
  code: string;
  reference: string;
  title: string;
  topicArea: string;
  status: string;
  brag: Brag;
  bragSource: 'computed' | 'override';
  bragOverrideReason: string | null;
  outstandingComments: number;
  totalComments: number;
  currentVersion: { id: string; label: string } | null;
  baselined: boolean;
  /** The seed pack's "Current status and issues" column. */
  statusText: string;
  criteria: Criterion[];
}

export interface Readiness {
  ready: boolean;
  evaluatedAt: string;
  criteria: Criterion[];
  byCode: CodeReadiness[];
  artefacts: ArtefactReadiness[];
}

/** The criteria CDWG's recommendation rests on; SC5 follows from CCAG's and the SRO's decisions. */
export const GATING: readonly CriterionId[] = ['SC1', 'SC2', 'SC3', 'SC4', 'KD1', 'KD2', 'KD3'];

export const BRAG_ORDER: readonly Brag[] = ['blue', 'green', 'amber', 'red'];

export const getReadiness = (signal?: AbortSignal) =>
  request<Readiness>('/api/readiness', { signal });

export interface BragOverride {
  brag: Brag | null;
  reason: string;
}

export const overrideBrag = (artefactId: string, override: BragOverride) =>
  request<{
    data: Pick<ArtefactReadiness, 'brag' | 'bragSource' | 'bragOverrideReason'>;
  }>(`/api/artefacts/${segment(artefactId)}/brag`, { method: 'POST', body: override }).then(
    (r) => r.data,
  );
