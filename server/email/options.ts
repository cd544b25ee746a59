import type { NotificationCategory } from '../db/schema.js';
import { signUnsubscribeToken } from '../lib/unsubscribeTokens.js';
import type { EmailSite } from './compose.js';

/** What sends mail: nodemailer's transporter, or anything with its sendMail. */
export interface MailSender {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
    textEncoding?: 'quoted-printable' | 'base64';
  }): Promise<unknown>;
}

export interface DeliveryOptions {
  /** Who holds a claim: one id per running instance. */
  instanceId: string;
  publicUrl: string;
  from: string;
  jwtSecret: string;
  /** Rows claimed at once; a claim is one short statement, then the sends. */
  batchSize?: number;
  /** Emails in flight at once. */
  concurrency?: number;
  /** How long a claim holds before another instance may take the row (the holder died). */
  leaseMs?: number;
  maxAttempts?: number;
  /** The first retry's wait; each further one doubles it. */
  backoffMs?: number;
  /** Pending email older than this is skipped: after email was off a while, not a flood. */
  maxAgeMs?: number;
  /** Stop after this many batches (a tick's bound); until nothing is due when absent. */
  maxBatches?: number;
}

export const DEFAULTS = {
  batchSize: 20,
  concurrency: 4,
  // A batch's sends, each bounded by the transport's timeouts, end well before this.
  leaseMs: 15 * 60_000,
  maxAttempts: 5,
  backoffMs: 60_000,
  maxAgeMs: 3 * 24 * 60 * 60_000,
};
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

export function settingsOf(options: DeliveryOptions) {
  return {
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
    backoffMs: options.backoffMs ?? DEFAULTS.backoffMs,
    maxAgeMs: options.maxAgeMs ?? DEFAULTS.maxAgeMs,
  };
}

/** The wait before the next try, after `attempts` tries. */
export function backoff(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export function siteFor(options: DeliveryOptions, userId: string, now: Date): EmailSite {
  return {
    publicUrl: options.publicUrl,
    from: options.from,
    unsubscribeUrl: (category: NotificationCategory) =>
      `${options.publicUrl}/unsubscribe?token=${signUnsubscribeToken({ userId, category }, options.jwtSecret, now.getTime())}`,
  };
}

export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

/** Runs `work` over `items`, at most `limit` at once. */
export async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
