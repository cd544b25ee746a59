import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/database.js';
import type { EmailStatus, NotificationCategory } from '../../server/db/schema.js';

export interface NotificationInput {
  category?: NotificationCategory;
  kind?: string;
  title?: string;
  body?: string;
  link?: string;
  eventKey?: string;
  emailStatus?: EmailStatus;
  emailDueAt?: string | null;
  emailError?: string | null;
  emailAttempts?: number;
  createdAt?: string;
}

export interface NotificationRowInput extends NotificationInput {
  recipientId: string;
}

/**
 * A notifications row as the event writers leave it (its email pending unless told otherwise), so
 * delivery and the inbox are tested without an event. Returns its id.
 */
export async function insertNotification(db: Db, input: NotificationRowInput): Promise<number> {
  const createdAt = input.createdAt ?? new Date().toISOString();
  const status = input.emailStatus ?? 'pending';
  const row = await db.kysely
    .insertInto('notifications')
    .values({
      recipientId: input.recipientId,
      eventKey: input.eventKey ?? `test.event:${randomBytes(6).toString('hex')}`,
      category: input.category ?? 'consultations',
      kind: input.kind ?? 'consultation.opened',
      title: input.title ?? 'A consultation opened',
      body: input.body ?? '',
      link: input.link ?? '/consultations',
      entity: 'consultation',
      entityId: 'c1',
      count: 1,
      createdAt,
      updatedAt: createdAt,
      readAt: null,
      emailStatus: status,
      emailDueAt:
        input.emailDueAt === undefined
          ? status === 'pending'
            ? createdAt
            : null
          : input.emailDueAt,
      emailAttempts: input.emailAttempts ?? 0,
      emailError: input.emailError ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Inbox rows for one recipient, their email already settled, inserted one by one, oldest first, so
 * their ids follow the order given; returns the ids.
 */
export async function insertNotifications(
  db: Db,
  recipientId: string,
  items: NotificationInput[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const item of items)
    ids.push(await insertNotification(db, { emailStatus: 'skipped', ...item, recipientId }));
  return ids;
}

export async function notificationRow(db: Db, id: number) {
  return db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
