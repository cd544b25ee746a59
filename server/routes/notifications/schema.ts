import { z } from 'zod';
import { EMAIL_MODES, NOTIFICATION_CATEGORIES } from '../../domain/notificationCategories.js';

export const MAX_MARK_IDS = 500;

export const listNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: unread items only'),
  category: z.enum(NOTIFICATION_CATEGORIES).optional(),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'not a cursor this API returned')
    .optional()
    .describe('The nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

const markIds = z
  .object({
    ids: z
      .array(z.number().int().positive())
      .min(1, 'name at least one notification')
      .max(MAX_MARK_IDS, `name at most ${MAX_MARK_IDS} notifications at a time`),
  })
  .strict();
const markAll = z.object({ all: z.literal(true) }).strict();

/**
 * Either some ids or all. A body with both, or neither, is refused with one clear message; one
 * with a single key gets that form's own complaint (a union would only say "Invalid input").
 */
export const markReadBody = z.union([markIds, markAll], {
  error(issue) {
    if (issue.code !== 'invalid_union') return undefined;
    const input: unknown = issue.input;
    if (typeof input !== 'object' || input === null || 'ids' in input === 'all' in input)
      return 'send either { "ids": [...] } or { "all": true }, not both';
    const first = issue.errors['ids' in input ? 0 : 1]?.[0];
    if (!first) return undefined;
    const path = first.path.map(String).join('.');
    return path ? `${path}: ${first.message}` : first.message;
  },
});

export const notificationSettingsBody = z
  .object({
    emailMode: z.enum(EMAIL_MODES),
    digestHour: z.number().int().min(0).max(23).describe('Hour of the day, Europe/London'),
    optedOut: z
      .array(z.enum(NOTIFICATION_CATEGORIES))
      .max(NOTIFICATION_CATEGORIES.length * 2)
      .describe('Categories not to email (in-app notifications still arrive)'),
  })
  .strict();
