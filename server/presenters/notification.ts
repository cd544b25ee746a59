import type { NotificationCategory } from '../db/schema.js';
import type { NotificationRow } from '../db/queries/notifications.js';
import type { FollowedArtefactRow, FollowedCommentRow } from '../db/queries/follows.js';
import type { EmailMode } from '../domain/notificationCategories.js';

/** An inbox item: the recipient's own text and link; nothing of the email delivery leaves. */
export function presentNotification(row: NotificationRow) {
  return {
    // PostgreSQL's bigserial arrives as a string.
    id: Number(row.id),
    kind: row.kind,
    category: row.category,
    title: row.title,
    body: row.body,
    link: row.link,
    count: row.count,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export function presentNotificationSettings(
  settings: { emailMode: EmailMode; digestHour: number },
  optedOut: NotificationCategory[],
  emailEnabled: boolean,
) {
  return {
    emailMode: settings.emailMode,
    digestHour: settings.digestHour,
    optedOut,
    emailEnabled,
  };
}

export function presentFollowedArtefact(row: FollowedArtefactRow) {
  return {
    entity: 'artefact' as const,
    entityId: row.entityId,
    label: `${row.reference} ${row.title}`,
    link: `/artefacts/${row.slug}`,
    since: row.since,
  };
}

export function presentFollowedComment(row: FollowedCommentRow) {
  return {
    entity: 'comment' as const,
    entityId: row.entityId,
    label: `Comment ${row.commentRef} on ${row.reference} clause ${row.clauseRef}`,
    link: `/artefacts/${row.slug}?comment=${encodeURIComponent(row.entityId)}`,
    since: row.since,
  };
}
