import type { Db } from '../db/database.js';
import { changeConsultationWindow } from '../db/consultationChange.js';
import { newClosingProblem } from '../domain/consultationControl.js';
import type { Actor } from '../policies/index.js';

/** Extends or shortens a consultation, or reopens a closed one, to a future closing time. */
export async function changeConsultationClosing(
  db: Db,
  actor: Actor,
  id: string,
  input: { closesAt: string; reason: string; revision: number },
) {
  return changeConsultationWindow(db, actor, id, {
    action: 'consultation.reschedule',
    reason: input.reason,
    revision: input.revision,
    decide(consultation, now) {
      const problem = newClosingProblem(consultation, input.closesAt, now);
      return problem ? { badRequest: problem } : { closesAt: input.closesAt };
    },
  });
}
