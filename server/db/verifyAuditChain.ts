import { sql } from 'kysely';
import type { Logger } from 'pino';
import { ChainWalker, type ChainHead } from '../domain/auditChain.js';
import type { Db } from './database.js';
import { nextTurn } from '../lib/nextTurn.js';

export interface AuditVerification {
  ok: boolean;
  /** Events found intact, in order, before the first broken one. */
  events: number;
  /** Id of the first event whose link or hash does not match (or that is missing), else null. */
  firstBrokenAt: number | null;
}

const BATCH = 2000;

async function readHead(db: Db): Promise<ChainHead | undefined> {
  const head = await db.kysely
    .selectFrom('auditHead')
    .select(['lastId', 'count', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return head && { lastId: Number(head.lastId), count: Number(head.count), hash: head.hash };
}

/** An event past the head's last id was not written by the audit writer. One statement: one snapshot. */
async function firstEventPastHead(db: Db): Promise<number | null> {
  const { rows } = await sql<{ id: number | string | null }>`
    select min(e.id) as id from audit_events e, audit_head h
    where h.id = 1 and e.id > h.last_id`.execute(db.kysely);
  const id = rows[0]?.id;
  return id === null || id === undefined ? null : Number(id);
}

async function walk(db: Db): Promise<AuditVerification> {
  const head = await readHead(db);
  if (!head) {
    const first = await db.kysely
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.min('id').as('id'))
      .executeTakeFirst();
    return { ok: false, events: 0, firstBrokenAt: first?.id == null ? null : Number(first.id) };
  }
  const walker = new ChainWalker();
  let after = 0;
  // Keyset pages up to the head read above (later events are checked next time); a turn of the
  // event loop between pages keeps a million-event walk from stalling requests.
  for (;;) {
    const rows = await db.kysely
      .selectFrom('auditEvents')
      .select(['id', 'prevHash', 'hash', 'actorId', 'action', 'entity', 'entityId'])
      .select(['before', 'after', 'at'])
      .where('id', '>', after)
      .where('id', '<=', head.lastId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const intact = walker.feed(
      rows.map((r) => ({ ...r, prevHash: r.prevHash ?? '', hash: r.hash ?? '' })),
    );
    const last = rows[rows.length - 1];
    if (!intact || !last || rows.length < BATCH) break;
    after = Number(last.id);
    await nextTurn();
  }
  const brokenAt = walker.finish(head) ?? (await firstEventPastHead(db));
  return { ok: brokenAt === null, events: walker.events, firstBrokenAt: brokenAt };
}

const running = new WeakMap<Db, Promise<AuditVerification>>();

/**
 * Checks the audit log's hash chain from its first event to the head. Callers arriving while a
 * check runs share it, so repeated requests cost one walk.
 */
export function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const current = running.get(db);
  if (current) return current;
  const started = walk(db).finally(() => running.delete(db));
  running.set(db, started);
  return started;
}

/**
 * The check at start. It runs after the server listens and only logs: refusing to start would
 * take the system of record away from everyone while someone investigates, and would not make
 * the log any less broken. The break stays visible at GET /api/audit/verify.
 */
export async function checkAuditChainAtStart(db: Db, logger: Logger): Promise<void> {
  try {
    const result = await verifyAuditChain(db);
    if (result.ok) logger.info({ events: result.events }, 'audit log hash chain verified');
    else
      logger.error(
        { firstBrokenAt: result.firstBrokenAt, eventsIntact: result.events },
        `AUDIT LOG TAMPERED OR DAMAGED: the hash chain breaks at event ${result.firstBrokenAt}; ` +
          'events from there on cannot be trusted. Investigate, and restore from a backup if needed',
      );
  } catch (err) {
    logger.error({ err }, 'the audit log hash chain could not be checked');
  }
}
