import type { Db } from '../db/database.js';
import { changeConsultationWindow } from '../db/consultationChange.js';
import { closeEarlyProblem } from '../domain/consultationControl.js';
import type { Actor } from '../policies/index.js';

/** Closes an open consultation now: comments on its artefacts close with it. */
export async function closeConsultation(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason: string; revision?: number },
) {
  return changeConsultationWindow(db, actor, id, {
    action: 'consultation.close',
    ...input,
    decide(consultation, now) {
      const problem = closeEarlyProblem(consultation, now);
      return problem ? { conflict: problem } : { closesAt: now };
    },
  });
}
