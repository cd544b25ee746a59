import type { NotificationCategory } from '../../../server/db/schema';
import { query, request, segment } from '../api';

export type { NotificationCategory };
export type EmailMode = 'immediate' | 'digest' | 'off';
export type FollowEntity = 'artefact' | 'comment';

export interface Notification {
  id: number;
  kind: string;
  category: NotificationCategory;
  title: string;
  body: string;
  /** An app path, e.g. `/artefacts/<slug>?comment=<id>`. */
  link: string;
  /** Events folded into this one, e.g. several new comments. */
  count: number;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  data: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export interface NotificationSettings {
  emailMode: EmailMode;
  digestHour: number;
  optedOut: NotificationCategory[];
  /** Whether this server sends email at all. */
  emailEnabled: boolean;
}

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  consultations: 'Consultations',
  my_comments: 'My comments',
  versions: 'New versions',
  new_comments: 'New comments on my code',
  programme: 'Readiness and decisions',
  work_off: 'Work-off assignments',
};

export const NOTIFICATION_CATEGORIES = Object.keys(CATEGORY_LABELS) as NotificationCategory[];

/** Told whenever this tab reads or marks notifications, so the bell shows the new count at once. */
export const UNREAD_EVENT = 'm6:unread-count';

function announceUnread(unread: number) {
  window.dispatchEvent(new CustomEvent<number>(UNREAD_EVENT, { detail: unread }));
}

export const getUnreadCount = (signal?: AbortSignal) =>
  request<{ data: { unread: number } }>('/api/notifications/unread-count', { signal }).then(
    (r) => r.data.unread,
  );

export async function listNotifications(
  filters: { unread?: boolean; category?: string; cursor?: string },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  const page = await request<NotificationPage>(
    `/api/notifications${query({
      unread: filters.unread ? 'true' : undefined,
      category: filters.category,
      cursor: filters.cursor,
      limit: '30',
    })}`,
    { signal },
  );
  announceUnread(page.unreadCount);
  return page;
}

export async function markRead(target: { ids: number[] } | { all: true }): Promise<number> {
  const result = await request<{ data: { marked: number }; unreadCount: number }>(
    '/api/notifications/read',
    { method: 'POST', body: target },
  );
  announceUnread(result.unreadCount);
  return result.unreadCount;
}

export const getNotificationSettings = (signal?: AbortSignal) =>
  request<{ data: NotificationSettings }>('/api/me/notification-settings', { signal }).then(
    (r) => r.data,
  );

export const saveNotificationSettings = ({
  emailMode,
  digestHour,
  optedOut,
}: NotificationSettings) =>
  request<{ data: NotificationSettings }>('/api/me/notification-settings', {
    method: 'PUT',
    // Only what may be chosen: whether email is on is the server's to say.
    body: { emailMode, digestHour, optedOut },
  }).then((r) => r.data);

export const getFollowing = (entity: FollowEntity, entityId: string, signal?: AbortSignal) =>
  request<{ data: { following: boolean } }>(`/api/follows${query({ entity, entityId })}`, {
    signal,
  }).then((r) => r.data.following);

export const setFollowing = (entity: FollowEntity, entityId: string, following: boolean) =>
  request<{ data: { following: boolean } }>(`/api/follows/${entity}/${segment(entityId)}`, {
    method: following ? 'PUT' : 'DELETE',
  }).then((r) => r.data.following);
