import type { NotificationCategory } from '../db/schema.js';

/** The categories a notification belongs to, in the order the app lists them (docs/notifications.md). */
export const NOTIFICATION_CATEGORIES = [
  'consultations',
  'my_comments',
  'versions',
  'new_comments',
  'programme',
  'work_off',
] as const satisfies readonly NotificationCategory[];

/** The delivery states an administrator can list emails and digests by (failed first). */
export const EMAIL_DELIVERY_STATUSES = ['failed', 'pending', 'sending', 'sent'] as const;

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** What a user who never chose gets: every email at once, a digest (if chosen) at 08:00 London. */
export const DEFAULT_NOTIFICATION_SETTINGS = { emailMode: 'immediate', digestHour: 8 } as const;

export const FOLLOW_ENTITIES = ['artefact', 'comment'] as const;
export type FollowEntity = (typeof FOLLOW_ENTITIES)[number];
