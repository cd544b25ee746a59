import { request, segment, type Brag } from '../api';
import type {
  ArtefactReadiness as ArtefactResult,
  CodeReadiness as CodeResult,
  CriterionResult,
  Readiness as ReadinessResult,
} from '../../../server/domain/readiness';

// The readiness model is the server's own pure domain module, so the two can't drift.
export { GATING, type Blocker, type CriterionId } from '../../../server/domain/readiness';

/** The M6 baseline as the readiness endpoint carries it (server/db/queries/baseline.ts). */
export interface M6Baseline {
  id: string;
  createdAt: string;
  recommendationId: string;
}

/** A criterion as the API sends it: `blockers` holds the first 100 at most, `blockerCount` all. */
export interface Criterion extends CriterionResult {
  blockerCount: number;
}

type WithPresentedCriteria<T extends { criteria: CriterionResult[] }> = Omit<T, 'criteria'> & {
  criteria: Criterion[];
};

export type CodeReadiness = WithPresentedCriteria<CodeResult>;
export type ArtefactReadiness = WithPresentedCriteria<ArtefactResult>;
export type Readiness = WithPresentedCriteria<Omit<ReadinessResult, 'byCode' | 'artefacts'>> & {
  byCode: CodeReadiness[];
  artefacts: ArtefactReadiness[];
};

/** The readiness endpoint's answer: the evaluation, and the M6 baseline once the SRO approved it. */
export type ReadinessNow = Readiness & { baseline: M6Baseline | null };

export const BRAG_ORDER: readonly Brag[] = ['blue', 'green', 'amber', 'red'];

export const getReadiness = (signal?: AbortSignal) =>
  request<ReadinessNow>('/api/readiness', { signal });

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
