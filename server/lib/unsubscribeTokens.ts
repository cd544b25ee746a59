import jwt from 'jsonwebtoken';
import { keyFor } from './tokens.js';
import type { NotificationCategory } from '../db/schema.js';
import { NOTIFICATION_CATEGORIES } from '../domain/notificationCategories.js';

const ALGORITHM = 'HS256';
const PURPOSE = 'unsubscribe';
// A link in an old email should still work when the reader gets round to it.
export const UNSUBSCRIBE_TTL_SECONDS = 365 * 24 * 60 * 60;

// Signed with a key derived from the app secret, not the secret itself: a session check would
// otherwise accept this year-long token (it has a subject and an expiry) as a sign-in.
const keyOf = (secret: string) => keyFor(secret, 'm6-review unsubscribe tokens');

export interface Unsubscribe {
  userId: string;
  category: NotificationCategory;
}

export function signUnsubscribeToken(
  { userId, category }: Unsubscribe,
  secret: string,
  now = Date.now(),
): string {
  return jwt.sign({ purpose: PURPOSE, cat: category, iat: Math.floor(now / 1000) }, keyOf(secret), {
    algorithm: ALGORITHM,
    subject: userId,
    expiresIn: UNSUBSCRIBE_TTL_SECONDS,
  });
}

export type UnsubscribeCheck = Unsubscribe | 'expired' | 'invalid';

export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeCheck {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM] });
    if (typeof payload === 'string' || payload.purpose !== PURPOSE) return 'invalid';
    const category = NOTIFICATION_CATEGORIES.find((c) => c === payload.cat);
    if (typeof payload.sub !== 'string' || !category) return 'invalid';
    return { userId: payload.sub, category };
  } catch (err) {
    return err instanceof jwt.TokenExpiredError ? 'expired' : 'invalid';
  }
}
