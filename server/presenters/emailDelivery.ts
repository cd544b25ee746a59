import { z } from 'zod';
import type { listDigestDeliveries, listEmailDeliveries } from '../db/queries/emailDeliveries.js';
import {
  EMAIL_DELIVERY_STATUSES,
  NOTIFICATION_CATEGORIES,
} from '../domain/notificationCategories.js';

// What administrators see of notification emails and daily digests, to find and retry failures.

type EmailDeliveryRow = Awaited<ReturnType<typeof listEmailDeliveries>>[number];
type DigestDeliveryRow = Awaited<ReturnType<typeof listDigestDeliveries>>[number];

export const emailDeliverySchema = z.object({
  id: z.number().int().describe('The notification the email is for'),
  recipientEmail: z.string(),
  kind: z.string(),
  category: z.enum(NOTIFICATION_CATEGORIES),
  title: z.string(),
  status: z.enum(EMAIL_DELIVERY_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable().describe('Why the last attempt failed'),
  createdAt: z.string(),
  dueAt: z.string().nullable().describe('When the next attempt is due'),
  sentAt: z.string().nullable(),
});

export function presentEmailDelivery(row: EmailDeliveryRow): z.infer<typeof emailDeliverySchema> {
  return {
    // A PostgreSQL bigserial arrives as a string; the contract (and SQLite) say a number.
    id: Number(row.id),
    recipientEmail: row.recipientEmail,
    kind: row.kind,
    category: row.category,
    title: row.title,
    // Listed by one of the statuses an administrator may ask for, so it is one of them.
    status: row.emailStatus as (typeof EMAIL_DELIVERY_STATUSES)[number],
    attempts: row.emailAttempts,
    error: row.emailError,
    createdAt: row.createdAt,
    dueAt: row.emailDueAt,
    sentAt: row.emailSentAt,
  };
}

export const digestDeliverySchema = z.object({
  userId: z.string(),
  recipientEmail: z.string(),
  digestDate: z.string().describe('The day the digest covers, YYYY-MM-DD'),
  status: z.enum(EMAIL_DELIVERY_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable().describe('Why the last attempt failed'),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
});

export function presentDigestDelivery(
  row: DigestDeliveryRow,
): z.infer<typeof digestDeliverySchema> {
  return {
    userId: row.userId,
    recipientEmail: row.recipientEmail,
    digestDate: row.digestDate,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    dueAt: row.dueAt,
    sentAt: row.sentAt,
  };
}
