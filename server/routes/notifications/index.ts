import { z } from 'zod';
import { markNotificationsRead } from '../../commands/markNotificationsRead.js';
import { updateNotificationSettings } from '../../commands/updateNotificationSettings.js';
import { countUnread, listInbox } from '../../db/queries/notifications.js';
import { findNotificationSettings } from '../../db/queries/notificationSettings.js';
import { endpoint, type Services } from '../../http/endpoint.js';
import { dataOf, pageOf } from '../../presenters/envelope.js';
import {
  notificationSchema,
  notificationSettingsSchema,
  presentNotification,
  presentNotificationSettings,
} from '../../presenters/notification.js';
import { listNotificationsQuery, markReadBody, notificationSettingsBody } from './schema.js';

async function settingsOf(services: Services, userId: string) {
  const { settings, optedOut } = await findNotificationSettings(services.db, userId);
  return {
    data: presentNotificationSettings(settings, optedOut, services.emailEnabled === true),
  };
}

// Every endpoint here reads or changes the caller's own rows only: the recipient is always the
// actor, never a parameter, so nobody can name another user's inbox.
export const notificationEndpoints = [
  endpoint({
    method: 'get',
    path: '/notifications',
    summary: 'Your notifications, newest first, a page at a time, with your unread count',
    operationId: 'listNotifications',
    response: pageOf(notificationSchema).extend({
      unreadCount: z.number().int(),
    }),
    tag: 'notifications',
    policy: 'notification.read',
    query: listNotificationsQuery,
    async handler({ query, actor, services }) {
      const [rows, unreadCount] = await Promise.all([
        listInbox(services.db, actor.id, {
          unreadOnly: query.unread === 'true',
          category: query.category,
          beforeId: query.cursor === undefined ? undefined : Number(query.cursor),
          limit: query.limit,
        }),
        countUnread(services.db, actor.id),
      ]);
      const page = rows.slice(0, query.limit).map(presentNotification);
      const last = page.at(-1);
      return {
        data: page,
        nextCursor: rows.length > query.limit && last ? String(last.id) : null,
        unreadCount,
      };
    },
  }),
  endpoint({
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'How many of your notifications are unread (for the bell)',
    operationId: 'countUnreadNotifications',
    response: dataOf(z.object({ unread: z.number().int() })),
    tag: 'notifications',
    policy: 'notification.read',
    async handler({ actor, services }) {
      return { data: { unread: await countUnread(services.db, actor.id) } };
    },
  }),
  endpoint({
    method: 'post',
    path: '/notifications/read',
    summary: 'Mark some of your notifications read ({ ids }), or all of them ({ all: true })',
    operationId: 'markNotificationsRead',
    response: dataOf(
      z.object({ marked: z.number().int().describe('Notifications newly marked read') }),
    ).extend({ unreadCount: z.number().int() }),
    tag: 'notifications',
    policy: 'notification.markRead',
    body: markReadBody,
    async handler({ body, actor, services }) {
      const marked = await markNotificationsRead(services.db, actor, body);
      return { data: { marked }, unreadCount: await countUnread(services.db, actor.id) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/me/notification-settings',
    summary: 'Your email settings: immediate, daily digest or off, and categories opted out of',
    operationId: 'getNotificationSettings',
    response: dataOf(notificationSettingsSchema),
    tag: 'notifications',
    policy: 'notification.settings',
    async handler({ actor, services }) {
      return settingsOf(services, actor.id);
    },
  }),
  endpoint({
    method: 'put',
    path: '/me/notification-settings',
    summary: 'Replace your email settings',
    operationId: 'updateNotificationSettings',
    response: dataOf(notificationSettingsSchema),
    tag: 'notifications',
    policy: 'notification.settings',
    body: notificationSettingsBody,
    async handler({ body, actor, services }) {
      await updateNotificationSettings(services.db, actor, body);
      return settingsOf(services, actor.id);
    },
  }),
];
