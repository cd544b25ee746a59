import type { Db } from '../db/database.js';
import { findUserByEmail, normaliseEmail, type UserRow } from '../db/queries/users.js';
import { clearThrottle, readThrottles } from '../db/signInThrottles.js';
import {
  lockRemainingSeconds,
  throttledMessage,
  throttleKeys,
  type ThrottleKey,
} from '../domain/signInThrottle.js';
import { tooManyRequests, unauthorized } from '../errors.js';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../lib/passwords.js';
import { signToken } from '../lib/tokens.js';
import { recordSignInFailure } from './recordSignInFailure.js';

// One message for unknown email, wrong password and deactivated account: no account enumeration.
const FAILED = 'Email or password is incorrect';

/** Throws 429 while the account or the address is locked out. */
async function refuseWhileLocked(db: Db, keys: ThrottleKey[]): Promise<void> {
  const now = new Date();
  const states = await readThrottles(
    db,
    keys.map((k) => k.key),
  );
  const retryAfter = Math.max(0, ...states.map((state) => lockRemainingSeconds(state, now)));
  if (retryAfter > 0) throw tooManyRequests(throttledMessage(retryAfter), retryAfter);
}

/**
 * Unknown and known emails are throttled alike (the account key is the email as typed,
 * normalised), and a lock refuses the right password too, so 429s say nothing about accounts.
 */
export async function signIn(
  db: Db,
  jwtSecret: string,
  credentials: { email: string; password: string },
  address: string,
): Promise<{ token: string; user: UserRow }> {
  const email = normaliseEmail(credentials.email);
  const keys = throttleKeys(email, address);
  await refuseWhileLocked(db, keys);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? UNUSABLE_PASSWORD_HASH,
  );
  if (!user || !ok || user.active !== 1) {
    const retryAfter = await recordSignInFailure(db, keys, { email, address });
    if (retryAfter > 0) throw tooManyRequests(throttledMessage(retryAfter), retryAfter);
    throw unauthorized(FAILED);
  }
  // Failures that raced this attempt may have started a lock since the check above; it holds for
  // the right password as well, so guesses in flight when the lock starts learn nothing.
  await refuseWhileLocked(db, keys);
  for (const { key, scope } of keys) if (scope === 'account') await clearThrottle(db, key);
  return { token: signToken(user.id, jwtSecret, user.tokenVersion), user };
}
