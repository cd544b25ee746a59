import type { Kysely } from 'kysely';
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
 */
export async function writeAudit(trx: Kysely<Database>, event: AuditInput): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      actorId: event.actorId,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      at: nowIso(),
    })
    .execute();
  await bumpDataVersion(trx);
}
