import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/database.js';
import type { NotificationCategory } from '../../server/db/schema.js';

export interface NotificationInput {
  category?: NotificationCategory;
  kind?: string;
  title?: string;
  body?: string;
  link?: string;
  createdAt?: string;
}

/**
 * Inserts inbox rows for a recipient directly, as the event fan-out would (its email already
 * settled), so in-app tests need no event. Rows are inserted one by one, oldest first, so their
 * ids follow the order given; returns the ids.
 */
export async function insertNotifications(
  db: Db,
  recipientId: string,
  items: NotificationInput[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const item of items) {
    const at = item.createdAt ?? new Date().toISOString();
    const row = await db.kysely
      .insertInto('notifications')
      .values({
        recipientId,
        eventKey: `test:${randomBytes(8).toString('hex')}`,
        category: item.category ?? 'consultations',
        kind: item.kind ?? 'consultation.opened',
        title: item.title ?? 'A consultation opened',
        body: item.body ?? '',
        link: item.link ?? '/consultations',
        entity: 'test',
        entityId: 'test',
        createdAt: at,
        updatedAt: at,
        count: 1,
        emailStatus: 'skipped',
        emailAttempts: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  return ids;
}
