import { writeAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { lockThrottle, saveThrottle } from '../db/signInThrottles.js';
import { afterFailure, lockRemainingSeconds, type ThrottleKey } from '../domain/signInThrottle.js';

/**
 * Counts one failed sign-in against the account and the client address, each in its own short
 * transaction under a row lock, and audits every lock it starts. Returns the seconds until the
 * caller may try again (0 when neither is locked).
 */
export async function recordSignInFailure(
  db: Db,
  keys: ThrottleKey[],
  attempt: { email: string; address: string },
): Promise<number> {
  let retryAfter = 0;
  for (const { key, scope, limits } of keys) {
    const remaining = await db.kysely.transaction().execute(async (trx) => {
      const now = new Date();
      const next = afterFailure(await lockThrottle(trx, db.dialect, key, now), now, limits);
      await saveThrottle(trx, key, next.state);
      if (next.lockStarted) {
        await writeAudit(trx, {
          actorId: null,
          action: 'auth.throttled',
          entity: 'signIn',
          entityId: key,
          after: {
            scope,
            email: attempt.email,
            address: attempt.address,
            lockedUntil: next.state.lockedUntil,
            lockSeconds: next.state.lockSeconds,
          },
        });
      }
      return lockRemainingSeconds(next.state, now);
    });
    retryAfter = Math.max(retryAfter, remaining);
  }
  return retryAfter;
}
