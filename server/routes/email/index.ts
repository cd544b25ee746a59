import { retryDigestDelivery, retryEmailDelivery } from '../../commands/retryEmailDelivery.js';
import { unsubscribeFromEmail } from '../../commands/unsubscribeFromEmail.js';
import {
  DELIVERY_PAGE,
  listDigestDeliveries,
  listEmailDeliveries,
} from '../../db/queries/emailDeliveries.js';
import { jsonCursor } from '../../http/cursor.js';
import { endpoint } from '../../http/endpoint.js';
import { z } from 'zod';
import { NOTIFICATION_CATEGORIES } from '../../domain/notificationCategories.js';
import { dataOf, pageOf } from '../../presenters/envelope.js';
import {
  digestDeliverySchema,
  emailDeliverySchema,
  presentDigestDelivery,
  presentEmailDelivery,
} from '../../presenters/emailDelivery.js';
import {
  deliveryIdParams,
  deliveryListQuery,
  digestListQuery,
  digestParams,
  unsubscribeBody,
} from './schema.js';

const digestCursor = jsonCursor(z.object({ digestDate: z.string(), userId: z.string() }));

export const emailEndpoints = [
  endpoint({
    method: 'post',
    path: '/notifications/unsubscribe',
    summary:
      "Stop one category of a user's notification emails, with the signed token from an email's unsubscribe link (no sign-in)",
    operationId: 'unsubscribeFromEmail',
    response: dataOf(
      z.object({
        category: z.enum(NOTIFICATION_CATEGORIES).describe('The category no longer emailed'),
        email: z.string().describe('The address it is no longer emailed to'),
      }),
    ),
    tag: 'notifications',
    policy: 'public',
    body: unsubscribeBody,
    async handler({ body, services }) {
      return { data: await unsubscribeFromEmail(services.db, services.jwtSecret, body.token) };
    },
  }),
  endpoint({
    method: 'get',
    path: '/admin/email-deliveries',
    summary: 'Notification emails by delivery state (failed by default), newest first',
    operationId: 'listEmailDeliveries',
    response: pageOf(emailDeliverySchema),
    tag: 'admin',
    policy: 'emailDelivery.list',
    query: deliveryListQuery,
    async handler({ query, services }) {
      const rows = await listEmailDeliveries(
        services.db,
        query.status,
        query.cursor === undefined ? undefined : Number(query.cursor),
      );
      const page = rows.slice(0, DELIVERY_PAGE);
      const last = page.at(-1);
      return {
        data: page.map(presentEmailDelivery),
        nextCursor: rows.length > DELIVERY_PAGE && last ? String(last.id) : null,
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/admin/email-deliveries/:id/retry',
    summary: 'Send a failed notification email again',
    operationId: 'retryEmailDelivery',
    response: dataOf(z.object({ id: z.number().int(), status: z.literal('pending') })),
    errors: [409],
    tag: 'admin',
    policy: 'emailDelivery.retry',
    params: deliveryIdParams,
    async handler({ params, actor, services }) {
      await retryEmailDelivery(services.db, actor.id, params.id);
      return { data: { id: params.id, status: 'pending' } };
    },
  }),
  endpoint({
    method: 'get',
    path: '/admin/email-digests',
    summary: 'Daily digest emails by delivery state (failed by default), newest day first',
    operationId: 'listDigestDeliveries',
    response: pageOf(digestDeliverySchema),
    tag: 'admin',
    policy: 'emailDelivery.list',
    query: digestListQuery,
    async handler({ query, services }) {
      const rows = await listDigestDeliveries(
        services.db,
        query.status,
        query.cursor === undefined ? undefined : digestCursor.decode(query.cursor),
      );
      const page = rows.slice(0, DELIVERY_PAGE);
      const last = page.at(-1);
      return {
        data: page.map(presentDigestDelivery),
        nextCursor:
          rows.length > DELIVERY_PAGE && last
            ? digestCursor.encode({ digestDate: last.digestDate, userId: last.userId })
            : null,
      };
    },
  }),
  endpoint({
    method: 'post',
    path: '/admin/email-digests/:userId/:date/retry',
    summary: 'Send a failed daily digest again',
    operationId: 'retryDigestDelivery',
    response: dataOf(
      z.object({ userId: z.string(), digestDate: z.string(), status: z.literal('pending') }),
    ),
    errors: [409],
    tag: 'admin',
    policy: 'emailDelivery.retry',
    params: digestParams,
    async handler({ params, actor, services }) {
      await retryDigestDelivery(services.db, actor.id, {
        userId: params.userId,
        digestDate: params.date,
      });
      return { data: { userId: params.userId, digestDate: params.date, status: 'pending' } };
    },
  }),
];
