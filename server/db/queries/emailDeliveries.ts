import type { Db } from '../database.js';
import type { EmailStatus } from '../schema.js';

export const DELIVERY_PAGE = 50;

/** Notification emails in one state, newest first, with their recipient's address. */
export async function listEmailDeliveries(
  db: Db,
  status: EmailStatus,
  beforeId: number | undefined,
) {
  let q = db.kysely
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.recipientId')
    .select([
      'notifications.id',
      'users.email as recipientEmail',
      'notifications.kind',
      'notifications.category',
      'notifications.title',
      'notifications.emailStatus',
      'notifications.emailAttempts',
      'notifications.emailError',
      'notifications.createdAt',
      'notifications.emailDueAt',
      'notifications.emailSentAt',
    ])
    .where('notifications.emailStatus', '=', status)
    .orderBy('notifications.id', 'desc')
    .limit(DELIVERY_PAGE + 1);
  if (beforeId !== undefined) q = q.where('notifications.id', '<', beforeId);
  return q.execute();
}

/** Daily digests in one state, newest day first. */
export async function listDigestDeliveries(
  db: Db,
  status: 'pending' | 'sending' | 'sent' | 'failed',
  after: { digestDate: string; userId: string } | undefined,
) {
  let q = db.kysely
    .selectFrom('emailDigests')
    .innerJoin('users', 'users.id', 'emailDigests.userId')
    .select([
      'emailDigests.userId',
      'users.email as recipientEmail',
      'emailDigests.digestDate',
      'emailDigests.status',
      'emailDigests.attempts',
      'emailDigests.error',
      'emailDigests.dueAt',
      'emailDigests.sentAt',
    ])
    .where('emailDigests.status', '=', status)
    .orderBy('emailDigests.digestDate', 'desc')
    .orderBy('emailDigests.userId')
    .limit(DELIVERY_PAGE + 1);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('emailDigests.digestDate', '<', after.digestDate),
        eb.and([
          eb('emailDigests.digestDate', '=', after.digestDate),
          eb('emailDigests.userId', '>', after.userId),
        ]),
      ]),
    );
  return q.execute();
}
