import { windowState, type ConsultationWindow } from './consultationWindow.js';

/** The registry's "Status" column (the seed pack's), in the order an artefact passes through. */
export const LIFECYCLE_STAGES = [
  'Drafting',
  'Consultation',
  'Triage and Action',
  'Finalisation',
  'Baselined',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface LifecycleFacts {
  hasCurrentVersion: boolean;
  /** The artefact has a version in the M6 baseline (its current one, or one a post-M6 version followed). */
  baselined: boolean;
  consultations: readonly ConsultationWindow[];
  /** Open or triaged comments, confidential ones included. */
  outstandingComments: number;
}

/**
 * Where an artefact is in its life, computed from what the system holds rather than typed in, so
 * that the registry, readiness and the paper say the same thing:
 * - Drafting: no version yet, or no consultation on it has opened;
 * - Consultation: a consultation covering it is open now;
 * - Triage and Action: its consultations have closed and comments are outstanding;
 * - Finalisation: its consultations have closed and nothing is outstanding;
 * - Baselined: the SRO's M6 approval baselined it. It stays Baselined after a post-M6 version: that
 *   version changes the baseline through change control (the Changes page), not a new pass through
 *   drafting and consultation, and the baseline remains what is in force.
 */
export function artefactLifecycle(facts: LifecycleFacts, now: string): LifecycleStage {
  if (facts.baselined) return 'Baselined';
  if (!facts.hasCurrentVersion) return 'Drafting';
  const states = facts.consultations.map((w) => windowState(w, now));
  if (states.includes('open')) return 'Consultation';
  if (!states.includes('closed')) return 'Drafting';
  return facts.outstandingComments > 0 ? 'Triage and Action' : 'Finalisation';
}
