import type { Brag } from './vocabulary.js';

export interface BragInputs {
  hasCurrentVersion: boolean;
  outstandingComments: number;
  /** Approved changes affecting the artefact that its current version does not incorporate. */
  unincorporatedApprovedChanges: number;
  consultationClosed: boolean;
  overdueHighSeverityComments: number;
}

/** DESIGN section 3: Red beats Amber beats Blue; Green is "in progress, nothing wrong yet". */
export function computeBrag(input: BragInputs): Brag {
  if (!input.hasCurrentVersion) return 'red';
  if (input.consultationClosed && input.unincorporatedApprovedChanges > 0) return 'red';
  if (input.overdueHighSeverityComments > 0) return 'red';
  if (input.consultationClosed && input.outstandingComments > 0) return 'amber';
  if (input.outstandingComments === 0 && input.unincorporatedApprovedChanges === 0) return 'blue';
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
