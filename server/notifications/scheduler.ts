import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { loadReadinessFacts } from '../db/queries/readinessFacts.js';
import { readDataVersion } from '../db/readCache.js';
import { computeReadiness } from '../domain/readiness.js';
import { nextTurn } from '../lib/nextTurn.js';
import {
  announceConsultation,
  consultationEventKey,
  type ConsultationPhase,
} from './consultationEvents.js';
import { notify } from './notify.js';
import { programmeAndSro } from './recipients.js';

const HOUR_MS = 3_600_000;
/** How long before a window closes those yet to comment are reminded. */
export const CLOSING_SOON_MS = 48 * HOUR_MS;
/**
 * A closing found later than this (the app was down) is not announced: nobody wants to hear
 * that a consultation of last month has closed, as a first start on an old database would say.
 */
export const CLOSED_NOTICE_LIMIT_MS = 24 * HOUR_MS;
export const TICK_MS = 60_000;

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export interface TickOptions {
  /** Whether M6 is ready now; by default evaluated afresh at `now`. */
  isReady?: () => Promise<boolean>;
}

export interface TickResult {
  announced: string[];
}

/**
 * Finds the events that time or a change of state brings: a window opening, 48 hours left,
 * a window closing, readiness turning. Each is announced in its own transaction with its mark,
 * so any number of instances ticking at once announce each exactly once.
 */
export async function runNotificationTick(
  db: Db,
  now: string,
  options: TickOptions = {},
): Promise<TickResult> {
  const announced: string[] = [];
  for (const [phase, c] of await dueConsultations(db, now)) {
    const done = await db.kysely
      .transaction()
      .execute((trx) => announceConsultation(trx, phase, c, null, now));
    if (done) announced.push(consultationEventKey(phase, c));
    await nextTurn();
  }
  const isReady =
    options.isReady ?? (async () => computeReadiness(await loadReadinessFacts(db, now)).ready);
  const turned = await announceReadiness(db, await isReady(), now);
  if (turned) announced.push(turned);
  return { announced };
}

type Due = [ConsultationPhase, { id: string; title: string; opensAt: string; closesAt: string }];

async function dueConsultations(db: Db, now: string): Promise<Due[]> {
  const candidates = await db.kysely
    .selectFrom('consultations')
    .select(['id', 'title', 'opensAt', 'closesAt'])
    .where('opensAt', '<=', now)
    .where('closesAt', '>', shift(now, -CLOSED_NOTICE_LIMIT_MS))
    .orderBy('opensAt')
    .execute();
  const due: Due[] = candidates.flatMap((c): Due[] => {
    if (c.closesAt <= now) return [['closed', c]];
    const phases: Due[] = [['opened', c]];
    // A window shorter than 48 hours had its closing time in the opening notice.
    const remindAt = shift(c.closesAt, -CLOSING_SOON_MS);
    if (remindAt <= now && remindAt >= c.opensAt) phases.push(['closingSoon', c]);
    return phases;
  });
  if (!due.length) return [];
  const marked = await db.kysely
    .selectFrom('notificationMarks')
    .select('key')
    .where(
      'key',
      'in',
      due.map(([phase, c]) => consultationEventKey(phase, c)),
    )
    .execute();
  const seen = new Set(marked.map((m) => m.key));
  return due.filter(([phase, c]) => !seen.has(consultationEventKey(phase, c)));
}

const READINESS_MARK = 'readiness';

/**
 * Compares readiness with the last announced state (`ready:<n>` or `not-ready:<n>`) and, when it
 * has turned, sets the mark only if it still holds what was read: of two instances, one wins.
 * The first evaluation only records the state: there is no turn to tell of.
 */
async function announceReadiness(db: Db, ready: boolean, now: string): Promise<string | null> {
  const state = ready ? 'ready' : 'not-ready';
  return db.kysely.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('notificationMarks')
      .values({ key: READINESS_MARK, value: `${state}:0`, updatedAt: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return null;
    const mark = await trx
      .selectFrom('notificationMarks')
      .select('value')
      .where('key', '=', READINESS_MARK)
      .executeTakeFirstOrThrow();
    const [previous, count] = mark.value.split(':');
    if (previous === state) return null;
    const n = Number(count ?? 0) + 1;
    const swapped = await trx
      .updateTable('notificationMarks')
      .set({ value: `${state}:${n}`, updatedAt: now })
      .where('key', '=', READINESS_MARK)
      .where('value', '=', mark.value)
      .executeTakeFirst();
    if (Number(swapped.numUpdatedRows) !== 1) return null;
    const eventKey = `readiness:${n}`;
    await notify(trx, {
      category: 'programme',
      kind: ready ? 'readiness.ready' : 'readiness.notReady',
      entity: 'readiness',
      entityId: 'm6',
      eventKey,
      title: ready
        ? 'M6 readiness: ready to recommend'
        : 'M6 readiness: no longer ready to recommend',
      body: ready
        ? 'Every gating criterion is met: CDWG can generate the recommendation paper.'
        : 'A gating criterion is no longer met: see the blockers on the readiness page.',
      link: '/readiness',
      recipients: programmeAndSro(),
      actorId: null,
      now,
    });
    return eventKey;
  });
}

/**
 * Readiness as of `now`, evaluated again only when the data has changed since the last look or a
 * consultation window has opened or closed since (the only passing of time it depends on), not
 * every minute: over a full-size registry an evaluation costs seconds of CPU.
 */
export function watchReadiness(db: Db, options: TickOptions): (now: string) => Promise<boolean> {
  const evaluate =
    options.isReady ??
    (async () => computeReadiness(await loadReadinessFacts(db, new Date().toISOString())).ready);
  let last: { version: number; at: string; ready: boolean } | undefined;
  return async (now) => {
    const version = await readDataVersion(db);
    if (last && last.version === version && !(await windowPassed(db, last.at, now)))
      return last.ready;
    const ready = await evaluate();
    last = { version, at: now, ready };
    return ready;
  };
}

async function windowPassed(db: Db, since: string, now: string): Promise<boolean> {
  const passed = await db.kysely
    .selectFrom('consultations')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('opensAt', '>', since), eb('opensAt', '<=', now)]),
        eb.and([eb('closesAt', '>', since), eb('closesAt', '<=', now)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return passed !== undefined;
}

export interface NotificationScheduler {
  stop(): void;
}

/** Ticks every minute in the background; a tick never overlaps the one before it. */
export function startNotificationScheduler(
  db: Db,
  logger: Logger,
  options: TickOptions = {},
): NotificationScheduler {
  let running = false;
  let stopped = false;
  const readiness = watchReadiness(db, options);
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const now = new Date().toISOString();
      const { announced } = await runNotificationTick(db, now, {
        isReady: () => readiness(now),
      });
      if (announced.length) logger.info({ announced }, 'notifications announced');
    } catch (err) {
      logger.error({ err }, 'notification tick failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  void tick();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
