import type { Kysely, Selectable } from 'kysely';
import { ukDateTime } from '../domain/ukDateTime.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';
import { writeAudit } from './audit.js';
import type { Db } from './database.js';
import { lockM6State } from './m6Lock.js';
import type { ConsultationTable, Database } from './schema.js';
import { announceConsultation } from '../notifications/consultationEvents.js';

type Consultation = Selectable<ConsultationTable>;

export interface WindowChange {
  action: 'consultation.close' | 'consultation.reschedule';
  reason: string;
  /** The revision the caller read; omitted, the change applies to whatever is current. */
  revision?: number;
  /** The new closing time, or a 400 or 409 message for why there is none. */
  decide(
    consultation: Consultation,
    now: string,
  ): { closesAt: string } | { badRequest: string } | { conflict: string };
}

/**
 * A consultation from before the M6 baseline stays as the approval left it (closed, see
 * db/closeAtBaseline.ts); one opened after it, over post-M6 versions, is the programme's to control.
 */
async function refuseAfterBaseline(trx: Kysely<Database>, before: Consultation): Promise<void> {
  const baseline = await trx.selectFrom('baselines').select('createdAt').executeTakeFirst();
  if (baseline && before.createdAt <= baseline.createdAt) {
    throw conflict(
      `Consultation "${before.title}" cannot change: the M6 baseline was approved on ${ukDateTime(baseline.createdAt)} and closed the consultations before it; changes now go through a post-M6 change request on the Changes page`,
    );
  }
}

/**
 * Moves a consultation's closing time under the M6 state lock, so that it cannot slip past the
 * SRO's approval (which creates the baseline and closes consultations), and audits it with the
 * reason. Of two writers with the same revision, the second gets a 409.
 */
export async function changeConsultationWindow(
  db: Db,
  actor: Actor,
  id: string,
  change: WindowChange,
): Promise<Consultation> {
  return db.kysely.transaction().execute(async (trx) => {
    await lockM6State(trx, db.dialect, 'exclusive');
    const before = await trx
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound(`Consultation ${id} not found`);
    if (change.revision !== undefined && change.revision !== before.revision) {
      throw conflict(
        `Consultation "${before.title}" was changed by someone else since you loaded it (you had revision ${change.revision}); reload it and try again`,
      );
    }
    await refuseAfterBaseline(trx, before);
    const now = nowIso();
    const decided = change.decide(before, now);
    if ('badRequest' in decided) throw badRequest(decided.badRequest);
    if ('conflict' in decided) throw conflict(decided.conflict);
    const after = { ...before, closesAt: decided.closesAt, revision: before.revision + 1 };
    await trx
      .updateTable('consultations')
      .set({ closesAt: after.closesAt, revision: after.revision })
      .where('id', '=', id)
      .execute();
    // Closed early: announced with the closing, not at the scheduler's next tick.
    if (after.closesAt <= now) await announceConsultation(trx, 'closed', after, actor.id, now);
    await writeAudit(trx, {
      actorId: actor.id,
      action: change.action,
      entity: 'consultation',
      entityId: id,
      before: { closesAt: before.closesAt, revision: before.revision },
      after: { closesAt: after.closesAt, revision: after.revision, reason: change.reason },
    });
    return after;
  });
}
