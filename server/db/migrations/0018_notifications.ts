import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { atomically } from './atomically.js';

/**
 * Notifications, following and email delivery.
 *
 * `notifications` is both the in-app inbox and the email outbox: a row is written in the same
 * transaction as the event it reports, so a restart loses nothing, and `(recipient_id, event_key)`
 * is unique, so however many instances see an event, each recipient hears of it at most once. The
 * `email_*` columns carry the row's delivery: a worker claims due rows (`FOR UPDATE SKIP LOCKED` on
 * PostgreSQL) under a lease, so two instances never send one email.
 *
 * A digest gathers a user's `digest` rows of one London day into one email; `email_digests` holds
 * that email's delivery, one row per user and day, so a digest too is claimed and sent once.
 *
 * `notification_marks` records that an event found by time (a window opening or closing) or by
 * comparison (readiness turning) has been announced: its key is inserted in the same transaction
 * as the fan-out, so the first instance to announce it wins.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await atomically(db, dialect, () => create(db, dialect));
}

async function create(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pg = dialect === 'postgres';
  await db.schema
    .createTable('notifications')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`category in ('consultations', 'my_comments', 'versions', 'new_comments', 'programme', 'work_off')`,
        ),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_status', 'text', (c) =>
      c
        .notNull()
        .check(sql`email_status in ('pending', 'digest', 'sending', 'sent', 'failed', 'skipped')`),
    )
    .addColumn('email_due_at', 'text')
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_claimed_by', 'text')
    .addColumn('email_claimed_until', 'text')
    .addColumn('email_error', 'text')
    .addColumn('email_sent_at', 'text')
    .addUniqueConstraint('notifications_once', ['recipient_id', 'event_key'])
    .execute();
  await db.schema
    .createIndex('notifications_inbox_idx')
    .on('notifications')
    .columns(['recipient_id', 'id'])
    .execute();
  await sql`
    create index notifications_unread_idx on notifications (recipient_id, id)
    where read_at is null`.execute(db);
  await sql`
    create index notifications_email_due_idx on notifications (email_due_at)
    where email_status in ('pending', 'sending')`.execute(db);
  await sql`
    create index notifications_digest_idx on notifications (recipient_id)
    where email_status = 'digest'`.execute(db);
  await sql`
    create index notifications_failed_idx on notifications (id)
    where email_status = 'failed'`.execute(db);

  await db.schema
    .createTable('follows')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('artefact', 'comment')`))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // 0 remembers an unfollow, so that commenting again does not follow the artefact again.
    .addColumn('following', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('explicit', 'auto')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['user_id', 'entity', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('follows_entity_idx')
    .on('follows')
    .columns(['entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('email_mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('immediate')
        .check(sql`email_mode in ('immediate', 'digest', 'off')`),
    )
    // The hour of the day (Europe/London) at which a digest is sent.
    .addColumn('digest_hour', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(8)
        .check(sql`digest_hour between 0 and 23`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Categories a user has unsubscribed from by email; in-app notifications still arrive.
  await db.schema
    .createTable('email_opt_outs')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('email_opt_outs_pk', ['user_id', 'category'])
    .execute();

  await db.schema
    .createTable('email_digests')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // The London date the digest covers, YYYY-MM-DD.
    .addColumn('digest_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('email_digests_pk', ['user_id', 'digest_date'])
    .execute();

  await db.schema
    .createTable('notification_marks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
