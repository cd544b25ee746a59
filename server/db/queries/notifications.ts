import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { NotificationCategory, NotificationTable } from '../schema.js';

export type NotificationRow = Pick<
  Selectable<NotificationTable>,
  'id' | 'kind' | 'category' | 'title' | 'body' | 'link' | 'count' | 'createdAt' | 'readAt'
>;

export interface InboxFilters {
  unreadOnly: boolean;
  category?: NotificationCategory;
  /** Rows older than this id (the previous page's last). */
  beforeId?: number;
  limit: number;
}

/** One page of a user's inbox, newest first; one row more than asked shows there is another page. */
export async function listInbox(
  db: Db,
  recipientId: string,
  filters: InboxFilters,
): Promise<NotificationRow[]> {
  let query = db.kysely
    .selectFrom('notifications')
    .select(['id', 'kind', 'category', 'title', 'body', 'link', 'count', 'createdAt', 'readAt'])
    .where('recipientId', '=', recipientId);
  if (filters.unreadOnly) query = query.where('readAt', 'is', null);
  if (filters.category) query = query.where('category', '=', filters.category);
  if (filters.beforeId !== undefined) query = query.where('id', '<', filters.beforeId);
  return query
    .orderBy('id', 'desc')
    .limit(filters.limit + 1)
    .execute();
}

/** Served by the partial index notifications_unread_idx: only unread rows are read. */
export async function countUnread(db: Db, recipientId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('unread'))
    .where('recipientId', '=', recipientId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.unread);
}
