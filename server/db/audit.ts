import type { Kysely } from 'kysely';
import { auditEventHash } from '../domain/auditChain.js';
import { nowIso } from '../lib/ids.js';
import { bumpDataVersion } from './readCache.js';
import type { Database } from './schema.js';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The one audit writer: call it inside the same transaction as the change it records. It also
 * bumps the data version that cached reads are checked against.
 *
 * Each event is chained to the one before it (domain/auditChain.ts). The head row is updated
 * first so that its lock (PostgreSQL row lock; SQLite's write lock) is held until commit:
 * concurrent writers take turns at the head instead of both linking to it and forking the chain,
 * and each takes its event id after the previous writer's, so id order is chain order.
 */
export async function writeAudit(trx: Kysely<Database>, event: AuditInput): Promise<void> {
  const head = await trx
    .updateTable('auditHead')
    .set((eb) => ({ count: eb('count', '+', 1) }))
    .where('id', '=', 1)
    .returning('hash')
    .executeTakeFirst();
  if (!head)
    throw new Error('The audit chain head is missing: the audit log has been tampered with');
  const values = {
    actorId: event.actorId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    at: nowIso(),
    prevHash: head.hash,
  };
  const { id } = await trx
    .insertInto('auditEvents')
    .values({ ...values, hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = auditEventHash({ id, ...values });
  await trx.updateTable('auditEvents').set({ hash }).where('id', '=', id).execute();
  await trx.updateTable('auditHead').set({ hash, lastId: id }).where('id', '=', 1).execute();
  await bumpDataVersion(trx);
}
