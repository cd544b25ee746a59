import type { Brag } from './vocabulary.js';

export interface BragInputs {
  hasCurrentVersion: boolean;
  outstandingComments: number;
  /** Approved changes affecting the artefact that its current version does not incorporate. */
  unincorporatedApprovedChanges: number;
  consultationClosed: boolean;
  overdueHighSeverityComments: number;
  /** Outstanding plain-English comments and open plain-English findings. */
  openPlainEnglish: number;
}

/**
 * DESIGN section 3: Red beats Amber beats Blue; Green is "in progress, nothing wrong yet". Blue
 * means complete: a consultation covering the artefact has closed, nothing is outstanding, every
 * approved change is incorporated and no plain-English finding is open. A drafted but unreviewed
 * artefact is Green at best. Being baselined is no exception: the SRO's approval closes every
 * consultation over the baselined artefacts (db/closeAtBaseline.ts), and readiness could not be
 * "ready" for approval with an artefact never consulted on.
 */
export function computeBrag(input: BragInputs): Brag {
  if (!input.hasCurrentVersion) return 'red';
  if (input.consultationClosed && input.unincorporatedApprovedChanges > 0) return 'red';
  if (input.overdueHighSeverityComments > 0) return 'red';
  if (input.consultationClosed && input.outstandingComments > 0) return 'amber';
  const complete =
    input.consultationClosed &&
    input.outstandingComments === 0 &&
    input.unincorporatedApprovedChanges === 0 &&
    input.openPlainEnglish === 0;
  if (complete) return 'blue';
  return 'green';
}

export function effectiveBrag(
  computed: Brag,
  override: string | null,
): { brag: Brag; bragSource: 'computed' | 'override' } {
  return override
    ? { brag: override as Brag, bragSource: 'override' }
    : { brag: computed, bragSource: 'computed' };
}
