import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, NotificationCategory } from '../db/schema.js';

/** How long a `comments.new` item gathers further comments before its email goes. */
export const NEW_COMMENTS_BATCH_MS = 10 * 60_000;

/** A value of every row (a parameter) or one computed per row from the joined tables. */
type Value = string | RawBuilder<unknown>;

export interface Notice {
  category: NotificationCategory;
  kind: string;
  entity: string;
  eventKey: Value;
  title: Value;
  body: Value;
  link: Value;
  entityId: Value;
  /** Which users hear of it: a condition over `users u` (and anything `from` joins). */
  recipients: RawBuilder<unknown>;
  /** Rows to fan out over; must name the recipient `u`. Default: `users u`. */
  from?: RawBuilder<unknown>;
  /** Never notified: whoever did it. */
  actorId: string | null;
  now: string;
  /** When the email is due, if not at once. */
  emailDueAt?: string;
}

const text = (value: Value) =>
  typeof value === 'string' ? sql`cast(${value} as text)` : sql`(${value})`;

/**
 * The email a recipient gets of this row, decided when it is written (docs/notifications.md):
 * none when they are inactive, have email off or have unsubscribed from the category; a digest
 * line when they take a digest; otherwise one email as soon as it is due.
 */
function emailStatus(category: NotificationCategory) {
  return sql`case
    when u.active = 0 or s.email_mode = 'off' or exists (
      select 1 from email_opt_outs o where o.user_id = u.id and o.category = ${category}
    ) then 'skipped'
    when s.email_mode = 'digest' then 'digest'
    else 'pending' end`;
}

function notActor(actorId: string | null) {
  return actorId === null ? sql`true` : sql`u.id <> ${actorId}`;
}

/**
 * THE notification writer: one `insert … select` inside the event's transaction, one row per
 * recipient, at most one per recipient and event (a repeat is ignored). Returns the rows written.
 */
export async function notify(trx: Kysely<Database>, notice: Notice): Promise<number> {
  const due = notice.emailDueAt ?? notice.now;
  // The outer `where true` keeps SQLite from reading `on conflict` as part of a join.
  const result = await sql`
    insert into notifications (recipient_id, event_key, category, kind, title, body, link,
      entity, entity_id, count, created_at, updated_at, email_status, email_due_at)
    select r.recipient_id, r.event_key, r.category, r.kind, r.title, r.body, r.link,
      r.entity, r.entity_id, 1, r.created_at, r.created_at, r.email_status,
      case when r.email_status = 'pending' then r.due end
    from (
      select u.id as recipient_id, ${text(notice.eventKey)} as event_key,
        cast(${notice.category} as text) as category, cast(${notice.kind} as text) as kind,
        ${text(notice.title)} as title, ${text(notice.body)} as body, ${text(notice.link)} as link,
        cast(${notice.entity} as text) as entity, ${text(notice.entityId)} as entity_id,
        cast(${notice.now} as text) as created_at, cast(${due} as text) as due,
        ${emailStatus(notice.category)} as email_status
      from ${notice.from ?? sql`users u`}
      left join notification_settings s on s.user_id = u.id
      where (${notice.recipients}) and ${notActor(notice.actorId)}
    ) r
    where true
    on conflict (recipient_id, event_key) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export interface NewCommentNotice {
  artefactId: string;
  artefactReference: string;
  artefactSlug: string;
  commentId: string;
  commentRef: string;
  clauseRef: string;
  recipients: RawBuilder<unknown>;
  actorId: string | null;
  now: string;
}

/**
 * New comments are batched per recipient and artefact: while a recipient's `comments.new` item is
 * unread and its email not yet on its way, a further comment adds to its count (and its email
 * still goes 10 minutes after the first); otherwise the comment starts a new item.
 */
export async function notifyNewComment(
  trx: Kysely<Database>,
  notice: NewCommentNotice,
): Promise<void> {
  const foldable = (n: RawBuilder<unknown>) => sql`${n}.kind = 'comments.new'
    and ${n}.entity = 'artefact' and ${n}.entity_id = ${notice.artefactId}
    and ${n}.read_at is null and ${n}.email_status in ('pending', 'digest', 'skipped')`;
  const latest = `Latest: ${notice.commentRef} on clause ${notice.clauseRef}`;
  await sql`
    update notifications set count = count + 1, updated_at = ${notice.now},
      title = cast(count + 1 as text) || ${` new comments on ${notice.artefactReference}`},
      body = ${latest}, link = ${`/artefacts/${notice.artefactSlug}`}
    where ${foldable(sql.raw('notifications'))} and recipient_id in (
      select u.id from users u where (${notice.recipients}) and ${notActor(notice.actorId)}
    )`.execute(trx);
  await notify(trx, {
    category: 'new_comments',
    kind: 'comments.new',
    entity: 'artefact',
    entityId: notice.artefactId,
    eventKey: `comments.new:${notice.commentId}`,
    title: `1 new comment on ${notice.artefactReference}`,
    body: latest,
    link: `/artefacts/${notice.artefactSlug}?comment=${notice.commentId}`,
    recipients: sql`(${notice.recipients}) and not exists (
      select 1 from notifications n where n.recipient_id = u.id and ${foldable(sql.raw('n'))})`,
    actorId: notice.actorId,
    now: notice.now,
    emailDueAt: new Date(Date.parse(notice.now) + NEW_COMMENTS_BATCH_MS).toISOString(),
  });
}

/**
 * Claims an event found by time or comparison for this transaction: true for the first claim,
 * false when it was announced already (by this instance or another, whose claim we wait for).
 */
export async function claimMark(
  trx: Kysely<Database>,
  key: string,
  now: string,
  value = '',
): Promise<boolean> {
  const row = await trx
    .insertInto('notificationMarks')
    .values({ key, value, updatedAt: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Plain text cut to a length that suits an in-app item and an email subject's body. */
export function excerpt(value: string, max = 300): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
