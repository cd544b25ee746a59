import type { Kysely } from 'kysely';
import type { Actor } from '../policies/index.js';
import { writeAudit } from './audit.js';
import type { Database } from './schema.js';

export const CLOSED_BY_BASELINE = 'Closed by the M6 baseline';

/**
 * Closes, at the moment of the SRO's approval, every consultation over an artefact in this
 * baseline that is still open or yet to open: the baselined text takes no more comments, and the
 * consultations page, readiness and the registry then agree that consultation is over. Each
 * closing is a `consultation.close` in the consultation's history, with the reason. A window that
 * had not opened yet is closed as never opened (it opens and closes at the approval), since a
 * window cannot close before it opens. Runs in the approval's transaction, under the M6 lock.
 */
export async function closeConsultationsAtBaseline(
  trx: Kysely<Database>,
  actor: Actor,
  baselineId: string,
  at: string,
): Promise<number> {
  const open = await trx
    .selectFrom('consultations')
    .select(['id', 'opensAt', 'closesAt', 'revision'])
    .where('closesAt', '>', at)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('consultationArtefacts as ka')
        .innerJoin('baselineVersions as bv', 'bv.artefactId', 'ka.artefactId')
        .select('ka.consultationId')
        .where('bv.baselineId', '=', baselineId),
    )
    .orderBy('id')
    .execute();
  for (const c of open) {
    const opensAt = c.opensAt > at ? at : c.opensAt;
    const after = { opensAt, closesAt: at, revision: c.revision + 1 };
    await trx.updateTable('consultations').set(after).where('id', '=', c.id).execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'consultation.close',
      entity: 'consultation',
      entityId: c.id,
      before: { opensAt: c.opensAt, closesAt: c.closesAt, revision: c.revision },
      after: { ...after, reason: CLOSED_BY_BASELINE, baselineId },
    });
  }
  return open.length;
}
