import type { Db } from '../../../server/db/database.js';
import type { Selectable } from 'kysely';
import type { NotificationTable } from '../../../server/db/schema.js';
import { nowIso } from '../../../server/lib/ids.js';

export type Row = Selectable<NotificationTable>;

/** Every notification of a kind, straight from the table (the in-app API is another helper's). */
export async function rowsOf(db: Db, kind: string): Promise<Row[]> {
  return db.kysely.selectFrom('notifications').selectAll().where('kind', '=', kind).execute();
}

/** Recipients of the rows, sorted, with a repeat showing as a repeat. */
export const recipients = (rows: Row[]) => rows.map((r) => r.recipientId).sort();

export const ids = (...users: { id: string }[]) => users.map((u) => u.id).sort();

export async function follow(
  db: Db,
  userId: string,
  entity: 'artefact' | 'comment',
  entityId: string,
  following = 1,
): Promise<void> {
  const now = nowIso();
  await db.kysely
    .insertInto('follows')
    .values({
      userId,
      entity,
      entityId,
      following,
      source: 'explicit',
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) =>
      oc.columns(['userId', 'entity', 'entityId']).doUpdateSet({ following, source: 'explicit' }),
    )
    .execute();
}

/** Everything a user's inbox holds, as text, to look for what must not be there. */
export async function inboxText(db: Db, userId: string): Promise<string> {
  const rows = await db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('recipientId', '=', userId)
    .execute();
  return JSON.stringify(rows);
}
