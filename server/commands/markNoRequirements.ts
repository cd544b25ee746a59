import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { writeAudit } from '../db/audit.js';
import type { Database } from '../db/schema.js';
import { badRequest } from '../errors.js';
import { nowIso } from '../lib/ids.js';
import { authorize, type Actor } from '../policies/index.js';

interface Artefact {
  id: string;
  code: string;
  reference: string;
}

export interface NoRequirementsStatement {
  reason: string;
  at: string;
  by: string | null;
}

async function loadStatement(trx: Kysely<Database>, artefactId: string) {
  const row = await trx
    .selectFrom('artefacts')
    .select(['noRequirementsReason', 'noRequirementsAt', 'noRequirementsBy'])
    .where('id', '=', artefactId)
    .executeTakeFirstOrThrow();
  return row.noRequirementsReason === null
    ? null
    : { reason: row.noRequirementsReason, at: row.noRequirementsAt, by: row.noRequirementsBy };
}

async function writeStatement(
  trx: Kysely<Database>,
  actor: Actor,
  artefact: Artefact,
  statement: NoRequirementsStatement | null,
  action: 'artefact.markNoRequirements' | 'artefact.withdrawNoRequirements',
): Promise<void> {
  const before = await loadStatement(trx, artefact.id);
  await trx
    .updateTable('artefacts')
    .set({
      noRequirementsReason: statement?.reason ?? null,
      noRequirementsAt: statement?.at ?? null,
      noRequirementsBy: statement?.by ?? null,
      updatedAt: nowIso(),
    })
    .where('id', '=', artefact.id)
    .execute();
  await writeAudit(trx, {
    actorId: actor.id,
    action,
    entity: 'artefact',
    entityId: artefact.id,
    before: { noRequirements: before },
    after: { noRequirements: statement },
  });
}

/**
 * States, with the reason, that no design requirements apply to an artefact: SC1 then takes the
 * statement as its evidence for that artefact in place of traces. Restating replaces the reason.
 */
export async function markNoRequirements(
  db: Db,
  actor: Actor,
  artefact: Artefact,
  reason: string,
): Promise<NoRequirementsStatement> {
  authorize(actor, 'requirement.markNone', artefact);
  const trimmed = reason.trim();
  if (!trimmed) throw badRequest('body.reason: say why no design requirements apply');
  const statement = { reason: trimmed, at: nowIso(), by: actor.id };
  await db.kysely.transaction().execute(async (trx) => {
    await writeStatement(trx, actor, artefact, statement, 'artefact.markNoRequirements');
  });
  return statement;
}

/** Withdraws the statement; a no-op (nothing audited) when there is none. */
export async function withdrawNoRequirements(
  db: Db,
  actor: Actor,
  artefact: Artefact,
): Promise<void> {
  authorize(actor, 'requirement.markNone', artefact);
  await db.kysely.transaction().execute(async (trx) => {
    if (!(await loadStatement(trx, artefact.id))) return;
    await writeStatement(trx, actor, artefact, null, 'artefact.withdrawNoRequirements');
  });
}
