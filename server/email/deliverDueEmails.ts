import type { Db } from '../db/database.js';
import type { NotificationCategory } from '../db/schema.js';
import { nextTurn } from '../lib/nextTurn.js';
import { composeNotificationEmail } from './compose.js';
import {
  backoff,
  eachLimited,
  errorText,
  settingsOf,
  siteFor,
  type DeliveryOptions,
  type MailSender,
} from './options.js';
import { recipientsNow } from './recipients.js';

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  toDigest: number;
  expired: number;
}

interface Claimed {
  id: number;
  recipientId: string;
  eventKey: string;
  category: NotificationCategory;
  title: string;
  body: string;
  link: string;
  count: number;
  emailAttempts: number;
}

const EXPIRE_STEP = 1000;

/**
 * Sends every notification email due at `now`, batch by batch, each batch claimed under a lease
 * (and on PostgreSQL with SKIP LOCKED) so that concurrent instances never send one row twice.
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailSender,
  now: Date,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const s = settingsOf(options);
  const report: DeliveryReport = {
    sent: 0,
    retrying: 0,
    failed: 0,
    skipped: 0,
    toDigest: 0,
    expired: 0,
  };
  report.expired = await skipTooOld(db, new Date(now.getTime() - s.maxAgeMs));
  for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch++) {
    const rows = await claim(db, now, options.instanceId, s.batchSize, s.leaseMs);
    if (!rows.length) break;
    const people = await recipientsNow(
      db,
      rows.map((r) => r.recipientId),
    );
    const outcomes: Outcome[] = [];
    await eachLimited(rows, s.concurrency, async (row) => {
      const person = people.get(row.recipientId);
      const finish = (values: Outcome['values']) => void outcomes.push({ id: row.id, values });
      if (
        !person ||
        !person.active ||
        person.emailMode === 'off' ||
        person.optedOut.has(row.category)
      ) {
        report.skipped++;
        return finish({ emailStatus: 'skipped', emailError: null });
      }
      if (person.emailMode === 'digest') {
        report.toDigest++;
        return finish({ emailStatus: 'digest', emailError: null });
      }
      try {
        const site = siteFor(options, person.id, now);
        await transport.sendMail(composeNotificationEmail(row, person, site));
      } catch (err) {
        const error = errorText(err);
        if (row.emailAttempts >= s.maxAttempts) {
          report.failed++;
          return finish({ emailStatus: 'failed', emailError: error });
        }
        report.retrying++;
        const due = new Date(now.getTime() + backoff(row.emailAttempts, s.backoffMs));
        return finish({ emailStatus: 'pending', emailError: error, emailDueAt: due.toISOString() });
      }
      report.sent++;
      return finish({
        emailStatus: 'sent',
        emailError: null,
        emailSentAt: new Date().toISOString(),
      });
    });
    await release(db, outcomes, options.instanceId);
    await nextTurn();
  }
  return report;
}

async function claim(
  db: Db,
  now: Date,
  instanceId: string,
  limit: number,
  leaseMs: number,
): Promise<Claimed[]> {
  const at = now.toISOString();
  return db.kysely
    .updateTable('notifications')
    .set((eb) => ({
      emailStatus: 'sending',
      emailClaimedBy: instanceId,
      emailClaimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
      emailAttempts: eb('emailAttempts', '+', 1),
    }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('notifications')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('emailStatus', '=', 'pending'), w('emailDueAt', '<=', at)]),
            // The instance that claimed it died (or hung) mid-send.
            w.and([w('emailStatus', '=', 'sending'), w('emailClaimedUntil', '<=', at)]),
          ]),
        )
        .orderBy('emailDueAt')
        .orderBy('id')
        .limit(limit);
      return db.dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returning([
      'id',
      'recipientId',
      'eventKey',
      'category',
      'title',
      'body',
      'link',
      'count',
      'emailAttempts',
    ])
    .execute();
}

interface Outcome {
  id: number;
  values: {
    emailStatus: 'sent' | 'pending' | 'failed' | 'skipped' | 'digest';
    emailError: string | null;
    emailDueAt?: string;
    emailSentAt?: string;
  };
}

/**
 * Ends this instance's claims on a batch in one commit (one disk sync on SQLite, not one per
 * email); a claim already taken over, its lease having expired, is left alone.
 */
async function release(db: Db, outcomes: Outcome[], instanceId: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (const { id, values } of outcomes)
      await trx
        .updateTable('notifications')
        .set({ ...values, emailClaimedUntil: null })
        .where('id', '=', id)
        .where('emailStatus', '=', 'sending')
        .where('emailClaimedBy', '=', instanceId)
        .execute();
  });
}

async function skipTooOld(db: Db, before: Date): Promise<number> {
  const at = before.toISOString();
  let skipped = 0;
  for (;;) {
    const rows = await db.kysely
      .updateTable('notifications')
      .set({ emailStatus: 'skipped', emailError: 'Not sent: overdue by more than the maximum age' })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('notifications')
          .select('id')
          .where('emailStatus', '=', 'pending')
          .where('emailDueAt', '<', at)
          .limit(EXPIRE_STEP),
      )
      .returning('id')
      .execute();
    skipped += rows.length;
    if (rows.length < EXPIRE_STEP) return skipped;
    await nextTurn();
  }
}
