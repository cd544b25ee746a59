/**
 * Sign-in throttling: failed sign-ins are counted per account and per client address within a
 * window; reaching the limit locks that account or address out (every attempt answers 429, the
 * right password included). Each lock that follows a recent one lasts twice as long, up to a cap.
 */

export interface ThrottleLimits {
  maxFailures: number;
  windowSeconds: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** A lock that starts within this long of the previous one's end doubles it. */
  memorySeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const ACCOUNT_LIMITS: ThrottleLimits = {
  maxFailures: 10,
  windowSeconds: 15 * MINUTE,
  firstLockSeconds: 15 * MINUTE,
  maxLockSeconds: HOUR,
  memorySeconds: 24 * HOUR,
};

// Many people can share one address (an office behind NAT): it takes more failures to lock it,
// enough to stop one client guessing across many accounts.
export const ADDRESS_LIMITS: ThrottleLimits = { ...ACCOUNT_LIMITS, maxFailures: 50 };

export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
  lockSeconds: number;
}

export interface ThrottleKey {
  key: string;
  scope: 'account' | 'address';
  limits: ThrottleLimits;
}

/** What is counted for one attempt: the account (known or not) and the client address. */
export function throttleKeys(normalisedEmail: string, address: string): ThrottleKey[] {
  return [
    { key: `account:${normalisedEmail}`, scope: 'account', limits: ACCOUNT_LIMITS },
    { key: `address:${address}`, scope: 'address', limits: ADDRESS_LIMITS },
  ];
}

/** Whole seconds until the lock ends; 0 when not locked. */
export function lockRemainingSeconds(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const remaining = Date.parse(state.lockedUntil) - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

/**
 * The state after one more failure. Failures while locked are not counted (they are refused before
 * the password is checked); the failure that reaches the limit starts a lock and a new window.
 */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  limits: ThrottleLimits,
): { state: ThrottleState; lockStarted: boolean } {
  const nowMs = now.getTime();
  const current: ThrottleState = state ?? {
    failures: 0,
    windowStartedAt: now.toISOString(),
    lockedUntil: null,
    lockSeconds: 0,
  };
  if (lockRemainingSeconds(current, now) > 0) return { state: current, lockStarted: false };

  const windowExpired = nowMs - Date.parse(current.windowStartedAt) >= limits.windowSeconds * 1000;
  const fresh = current.failures === 0 || windowExpired;
  const failures = (fresh ? 0 : current.failures) + 1;
  const windowStartedAt = fresh ? now.toISOString() : current.windowStartedAt;
  if (failures < limits.maxFailures) {
    return { state: { ...current, failures, windowStartedAt }, lockStarted: false };
  }

  const previousEnd = current.lockedUntil ? Date.parse(current.lockedUntil) : null;
  const recent =
    previousEnd !== null &&
    current.lockSeconds > 0 &&
    nowMs - previousEnd < limits.memorySeconds * 1000;
  const lockSeconds = recent
    ? Math.min(current.lockSeconds * 2, limits.maxLockSeconds)
    : limits.firstLockSeconds;
  return {
    state: {
      failures: 0,
      windowStartedAt: now.toISOString(),
      lockedUntil: new Date(nowMs + lockSeconds * 1000).toISOString(),
      lockSeconds,
    },
    lockStarted: true,
  };
}

/** "Too many failed sign-ins; try again in 15 minutes". */
export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
