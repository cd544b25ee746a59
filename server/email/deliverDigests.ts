import type { Db } from '../db/database.js';
import { londonDay, londonInputToIso } from '../domain/ukDateTime.js';
import { nextTurn } from '../lib/nextTurn.js';
import { composeDigestEmail, type EmailItem } from './compose.js';
import {
  backoff,
  errorText,
  settingsOf,
  siteFor,
  type DeliveryOptions,
  type MailSender,
} from './options.js';
import { recipientsNow } from './recipients.js';

export interface DigestReport {
  sent: number;
  empty: number;
  retrying: number;
  failed: number;
}

// A digest lists this many items in full; the rest are counted and linked to the app.
const SHOWN = 50;
// Rows one digest marks sent; anything beyond waits for the next day's digest.
const GATHERED = 2000;

/**
 * Sends the digests due at `now`: each digest user's rows, once a day at their hour (Europe/London).
 * A day's digest is a row of `email_digests`, inserted once (its key is the user and the day) and
 * claimed like a notification, so several instances send it once.
 */
export async function deliverDigests(
  db: Db,
  transport: MailSender,
  now: Date,
  options: DeliveryOptions,
): Promise<DigestReport> {
  const s = settingsOf(options);
  const report: DigestReport = { sent: 0, empty: 0, retrying: 0, failed: 0 };
  await returnFromDigest(db, now);
  await scheduleDigests(db, now);
  for (;;) {
    const digests = await claimDigests(db, now, options.instanceId, s.batchSize, s.leaseMs);
    if (!digests.length) break;
    const people = await recipientsNow(
      db,
      digests.map((d) => d.userId),
    );
    for (const digest of digests) {
      const key = { userId: digest.userId, digestDate: digest.digestDate };
      const release = (values: {
        status: 'sent' | 'pending' | 'failed';
        error: string | null;
        dueAt?: string;
        sentAt?: string;
      }) =>
        db.kysely
          .updateTable('emailDigests')
          .set({ ...values, claimedUntil: null })
          .where('userId', '=', key.userId)
          .where('digestDate', '=', key.digestDate)
          .where('status', '=', 'sending')
          .where('claimedBy', '=', options.instanceId)
          .execute();
      const person = people.get(digest.userId);
      const rows = await db.kysely
        .selectFrom('notifications')
        .select(['id', 'eventKey', 'category', 'title', 'body', 'link', 'count'])
        .where('recipientId', '=', digest.userId)
        .where('emailStatus', '=', 'digest')
        .where('createdAt', '<', digest.dueAt)
        .orderBy('id')
        .limit(GATHERED)
        .execute();
      const items: EmailItem[] = rows.filter((r) => !person?.optedOut.has(r.category));
      const unwanted = rows.filter((r) => person?.optedOut.has(r.category)).map((r) => r.id);
      if (unwanted.length)
        await db.kysely
          .updateTable('notifications')
          .set({ emailStatus: 'skipped' })
          .where('id', 'in', unwanted)
          .where('emailStatus', '=', 'digest')
          .execute();
      if (!person?.active || person.emailMode !== 'digest' || !items.length) {
        report.empty++;
        await release({ status: 'sent', error: 'Nothing to send' });
        continue;
      }
      try {
        const site = siteFor(options, person.id, now);
        const mail = composeDigestEmail(items.slice(0, SHOWN), person, site, {
          userId: person.id,
          date: digest.digestDate,
          more: Math.max(0, items.length - SHOWN),
        });
        await transport.sendMail(mail);
      } catch (err) {
        const error = errorText(err);
        if (digest.attempts >= s.maxAttempts) {
          report.failed++;
          await release({ status: 'failed', error });
        } else {
          report.retrying++;
          const due = new Date(now.getTime() + backoff(digest.attempts, s.backoffMs));
          await release({ status: 'pending', error, dueAt: due.toISOString() });
        }
        continue;
      }
      const sentAt = new Date().toISOString();
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('notifications')
          .set({ emailStatus: 'sent', emailSentAt: sentAt, emailError: null })
          .where(
            'id',
            'in',
            items.map((i) => i.id),
          )
          .where('emailStatus', '=', 'digest')
          .execute();
        await trx
          .updateTable('emailDigests')
          .set({ status: 'sent', sentAt, error: null, claimedUntil: null })
          .where('userId', '=', key.userId)
          .where('digestDate', '=', key.digestDate)
          .where('claimedBy', '=', options.instanceId)
          .execute();
      });
      report.sent++;
    }
    await nextTurn();
  }
  return report;
}

/** Rows waiting for a digest whose recipient has since chosen immediate email, or none. */
async function returnFromDigest(db: Db, now: Date): Promise<void> {
  const digestUsers = db.kysely
    .selectFrom('notificationSettings')
    .select('userId')
    .where('emailMode', '=', 'digest');
  const offUsers = db.kysely
    .selectFrom('notificationSettings')
    .select('userId')
    .where('emailMode', '=', 'off');
  await db.kysely
    .updateTable('notifications')
    .set({ emailStatus: 'skipped' })
    .where('emailStatus', '=', 'digest')
    .where('recipientId', 'in', offUsers)
    .execute();
  await db.kysely
    .updateTable('notifications')
    .set({ emailStatus: 'pending', emailDueAt: now.toISOString() })
    .where('emailStatus', '=', 'digest')
    .where('recipientId', 'not in', digestUsers)
    .execute();
}

/** Today's digest for each digest user with something waiting, once their hour has come. */
async function scheduleDigests(db: Db, now: Date): Promise<void> {
  const waiting = await db.kysely
    .selectFrom('notificationSettings')
    .select(['userId', 'digestHour'])
    .where('emailMode', '=', 'digest')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('notifications')
          .select('id')
          .whereRef('notifications.recipientId', '=', 'notificationSettings.userId')
          .where('emailStatus', '=', 'digest'),
      ),
    )
    .execute();
  const day = londonDay(now);
  const values = waiting
    .map((w) => ({
      userId: w.userId,
      digestDate: day,
      status: 'pending' as const,
      attempts: 0,
      dueAt: londonInputToIso(`${day}T${String(w.digestHour).padStart(2, '0')}:00`),
      createdAt: now.toISOString(),
    }))
    .filter((v) => v.dueAt <= now.toISOString());
  for (let i = 0; i < values.length; i += 500) {
    await db.kysely
      .insertInto('emailDigests')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['userId', 'digestDate']).doNothing())
      .execute();
  }
}

async function claimDigests(db: Db, now: Date, instanceId: string, limit: number, leaseMs: number) {
  const at = now.toISOString();
  return db.kysely
    .updateTable('emailDigests')
    .set((eb) => ({
      status: 'sending',
      claimedBy: instanceId,
      claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
    }))
    .where(({ eb, refTuple, selectFrom }) =>
      eb(refTuple('userId', 'digestDate'), 'in', () => {
        const due = selectFrom('emailDigests')
          .select(['userId', 'digestDate'])
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'pending'), w('dueAt', '<=', at)]),
              w.and([w('status', '=', 'sending'), w('claimedUntil', '<=', at)]),
            ]),
          )
          .orderBy('dueAt')
          .limit(limit);
        return (db.dialect === 'postgres' ? due.forUpdate().skipLocked() : due).$asTuple(
          'userId',
          'digestDate',
        );
      }),
    )
    .returning(['userId', 'digestDate', 'dueAt', 'attempts'])
    .execute();
}
