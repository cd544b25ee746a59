import { writeAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../lib/ids.js';

/** An administrator sends a failed email again: it is due now, with a fresh count of attempts. */
export async function retryEmailDelivery(db: Db, actorId: string, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notifications')
      .select(['id', 'emailStatus', 'emailError', 'emailAttempts'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(`No email delivery ${id}`);
    if (row.emailStatus !== 'failed')
      throw conflict(`Only a failed email can be retried; this one is ${row.emailStatus}`);
    await trx
      .updateTable('notifications')
      .set({ emailStatus: 'pending', emailDueAt: nowIso(), emailAttempts: 0, emailError: null })
      .where('id', '=', id)
      .where('emailStatus', '=', 'failed')
      .execute();
    await writeAudit(trx, {
      actorId,
      action: 'email.retry',
      entity: 'notification',
      entityId: String(id),
      before: {
        emailStatus: row.emailStatus,
        emailError: row.emailError,
        attempts: row.emailAttempts,
      },
      after: { emailStatus: 'pending' },
    });
  });
}

/** The same for a day's digest. */
export async function retryDigestDelivery(
  db: Db,
  actorId: string,
  key: { userId: string; digestDate: string },
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('emailDigests')
      .select(['status', 'error', 'attempts'])
      .where('userId', '=', key.userId)
      .where('digestDate', '=', key.digestDate)
      .executeTakeFirst();
    if (!row) throw notFound(`No digest of ${key.digestDate} for that user`);
    if (row.status !== 'failed')
      throw conflict(`Only a failed digest can be retried; this one is ${row.status}`);
    await trx
      .updateTable('emailDigests')
      .set({ status: 'pending', dueAt: nowIso(), attempts: 0, error: null })
      .where('userId', '=', key.userId)
      .where('digestDate', '=', key.digestDate)
      .execute();
    await writeAudit(trx, {
      actorId,
      action: 'email.retryDigest',
      entity: 'user',
      entityId: key.userId,
      before: { digestDate: key.digestDate, status: row.status, error: row.error },
      after: { status: 'pending' },
    });
  });
}
