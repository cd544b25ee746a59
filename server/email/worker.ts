import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { deliverDigests } from './deliverDigests.js';
import { deliverDueEmails } from './deliverDueEmails.js';
import type { DeliveryOptions, MailSender } from './options.js';

export interface EmailWorker {
  /** Stops ticking and waits for the tick under way, so the database can then be closed. */
  stop(): Promise<void>;
}

// Bounds one tick, so that a large backlog drains over several ticks and a stop is never far.
const BATCHES_PER_TICK = 50;

/** Delivers due emails and digests every `intervalMs`, one tick at a time. */
export function startEmailWorker(input: {
  db: Db;
  transport: MailSender;
  logger: Logger;
  options: DeliveryOptions;
  intervalMs?: number;
}): EmailWorker {
  const { db, transport, logger, options } = input;
  const intervalMs = input.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const now = new Date();
    try {
      const emails = await deliverDueEmails(db, transport, now, {
        ...options,
        maxBatches: BATCHES_PER_TICK,
      });
      const digests = await deliverDigests(db, transport, now, options);
      if (emails.sent || emails.failed || emails.retrying || emails.expired || digests.sent)
        logger.info({ emails, digests }, 'email delivery');
    } catch (err) {
      logger.error({ err }, 'email delivery failed; trying again on the next tick');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
