import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { Database } from '../db/schema.js';
import { badRequest, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

interface Target {
  changeId: string;
  artefact: { id: string; code: string; reference: string };
}

async function loadLink(trx: Kysely<Database>, { changeId, artefact }: Target) {
  const change = await trx
    .selectFrom('changes')
    .select('id')
    .where('id', '=', changeId)
    .executeTakeFirst();
  if (!change) throw notFound(`No change with id "${changeId}"`);
  const link = await trx
    .selectFrom('changeArtefacts')
    .select(['noCodeImpact', 'noImpactReason'])
    .where('changeId', '=', changeId)
    .where('artefactId', '=', artefact.id)
    .executeTakeFirst();
  if (!link) throw badRequest(`${changeId} does not affect ${artefact.reference}`);
  return { noCodeImpact: Number(link.noCodeImpact) === 1, noImpactReason: link.noImpactReason };
}

/** Writes the mark (or its withdrawal) with the change's timestamp and one audit event. */
async function writeMark(
  trx: Kysely<Database>,
  actor: Actor,
  target: Target,
  before: Awaited<ReturnType<typeof loadLink>>,
  mark: { noCodeImpact: boolean; noImpactReason: string | null },
  action: 'change.markNoImpact' | 'change.withdrawNoImpact',
): Promise<void> {
  await trx
    .updateTable('changeArtefacts')
    .set({ noCodeImpact: mark.noCodeImpact ? 1 : 0, noImpactReason: mark.noImpactReason })
    .where('changeId', '=', target.changeId)
    .where('artefactId', '=', target.artefact.id)
    .execute();
  await trx
    .updateTable('changes')
    .set({ updatedAt: nowIso() })
    .where('id', '=', target.changeId)
    .execute();
  await writeAudit(trx, {
    actorId: actor.id,
    action,
    entity: 'change',
    entityId: target.changeId,
    before: { artefactId: target.artefact.id, ...before },
    after: { artefactId: target.artefact.id, ...mark },
  });
}

/**
 * Says that a change needs no code change in one artefact it affects, with the reason: the change
 * then counts as dealt with for that artefact without being incorporated in a version.
 */
export async function markNoCodeImpact(
  db: Db,
  actor: Actor,
  target: Target,
  reason: string,
): Promise<void> {
  authorize(actor, 'change.markNoImpact', target.artefact);
  const trimmed = reason.trim();
  if (!trimmed) throw badRequest('body.reason: say why the change has no code impact');
  await db.kysely.transaction().execute(async (trx) => {
    const before = await loadLink(trx, target);
    await writeMark(
      trx,
      actor,
      target,
      before,
      { noCodeImpact: true, noImpactReason: trimmed },
      'change.markNoImpact',
    );
  });
}

/** Withdraws a no-code-impact mark; a no-op (nothing audited) when there is none. */
export async function withdrawNoCodeImpact(db: Db, actor: Actor, target: Target): Promise<void> {
  authorize(actor, 'change.markNoImpact', target.artefact);
  await db.kysely.transaction().execute(async (trx) => {
    const before = await loadLink(trx, target);
    if (!before.noCodeImpact) return;
    await writeMark(
      trx,
      actor,
      target,
      before,
      { noCodeImpact: false, noImpactReason: null },
      'change.withdrawNoImpact',
    );
  });
}
