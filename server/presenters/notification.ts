import { z } from 'zod';
import type { NotificationCategory } from '../db/schema.js';
import type { NotificationRow } from '../db/queries/notifications.js';
import type { FollowedArtefactRow, FollowedCommentRow } from '../db/queries/follows.js';
import {
  EMAIL_MODES,
  FOLLOW_ENTITIES,
  NOTIFICATION_CATEGORIES,
  type EmailMode,
} from '../domain/notificationCategories.js';

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string().describe('What happened, e.g. consultation.opened'),
  category: z.enum(NOTIFICATION_CATEGORIES),
  title: z.string(),
  body: z.string(),
  link: z.string().describe('App path, e.g. /artefacts/<slug>?comment=<id>'),
  count: z.number().int().describe('Events folded into this one'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** An inbox item: the recipient's own text and link; nothing of the email delivery leaves. */
export function presentNotification(row: NotificationRow): z.infer<typeof notificationSchema> {
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

export const notificationSettingsSchema = z.object({
  emailMode: z.enum(EMAIL_MODES),
  digestHour: z.number().int().describe('The hour (London time) a daily digest is sent'),
  optedOut: z.array(z.enum(NOTIFICATION_CATEGORIES)).describe('Categories never emailed'),
  emailEnabled: z.boolean().describe('Whether this server sends email at all'),
});

export function presentNotificationSettings(
  settings: { emailMode: EmailMode; digestHour: number },
  optedOut: NotificationCategory[],
  emailEnabled: boolean,
): z.infer<typeof notificationSettingsSchema> {
  return {
    emailMode: settings.emailMode,
    digestHour: settings.digestHour,
    optedOut,
    emailEnabled,
  };
}

export const followedSchema = z.object({
  entity: z.enum(FOLLOW_ENTITIES),
  entityId: z.string(),
  label: z.string(),
  link: z.string().describe('App path'),
  since: z.string(),
});

/** Whether the caller follows one artefact or comment. */
export const followStateSchema = z.object({
  entity: z.enum(FOLLOW_ENTITIES),
  entityId: z.string(),
  following: z.boolean(),
});

export function presentFollowedArtefact(row: FollowedArtefactRow): z.infer<typeof followedSchema> {
  return {
    entity: 'artefact' as const,
    entityId: row.entityId,
    label: `${row.reference} ${row.title}`,
    link: `/artefacts/${row.slug}`,
    since: row.since,
  };
}

export function presentFollowedComment(row: FollowedCommentRow): z.infer<typeof followedSchema> {
  return {
    entity: 'comment' as const,
    entityId: row.entityId,
    label: `Comment ${row.commentRef} on ${row.reference} clause ${row.clauseRef}`,
    link: `/artefacts/${row.slug}?comment=${encodeURIComponent(row.entityId)}`,
    since: row.since,
  };
}
