import type { Db } from '../db/database.js';
import { nowIso } from '../lib/ids.js';
import type { Actor } from '../policies/index.js';

export type ReadTarget = { ids: number[] } | { all: true };

/**
 * Marks the actor's own unread notifications read and says how many changed. Only the actor's
 * rows are touched, so ids of anyone else's are ignored without saying whether they exist, and
 * marking twice changes nothing. Not audited: reading one's inbox is personal bookkeeping, not a
 * step of the review, and an audit event per click would also expire every cached read.
 */
export async function markNotificationsRead(
  db: Db,
  actor: Actor,
  target: ReadTarget,
): Promise<number> {
  if ('ids' in target && target.ids.length === 0) return 0;
  let update = db.kysely
    .updateTable('notifications')
    .set({ readAt: nowIso() })
    .where('recipientId', '=', actor.id)
    .where('readAt', 'is', null);
  if ('ids' in target) update = update.where('id', 'in', target.ids);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
