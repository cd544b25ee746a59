import { z } from 'zod';
import { EMAIL_DELIVERY_STATUSES } from '../../domain/notificationCategories.js';

export const unsubscribeBody = z.object({ token: z.string().min(1).max(2000) });

export const deliveryListQuery = z.object({
  status: z.enum(EMAIL_DELIVERY_STATUSES).default('failed'),
  cursor: z.string().regex(/^\d+$/, 'not a cursor this API returned').optional(),
});

export const deliveryIdParams = z.object({ id: z.coerce.number().int().positive() });

export const digestListQuery = z.object({
  status: z.enum(EMAIL_DELIVERY_STATUSES).default('failed'),
  cursor: z.string().max(400).optional(),
});

export const digestParams = z.object({
  userId: z.string().min(1).max(100),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD'),
});
