import type { Kysely } from 'kysely';
import type { ThrottleState } from '../domain/signInThrottle.js';
import type { Db, DialectName } from './database.js';
import type { Database } from './schema.js';

export async function readThrottles(db: Db, keys: string[]): Promise<ThrottleState[]> {
  return db.kysely
    .selectFrom('signInThrottles')
    .select(['failures', 'windowStartedAt', 'lockedUntil', 'lockSeconds'])
    .where('key', 'in', keys)
    .execute();
}

/**
 * The key's row, created if missing and locked until the transaction ends (PostgreSQL row lock;
 * the insert has already taken SQLite's write lock), so concurrent failures count one by one.
 */
export async function lockThrottle(
  trx: Kysely<Database>,
  dialect: DialectName,
  key: string,
  now: Date,
): Promise<ThrottleState> {
  await trx
    .insertInto('signInThrottles')
    .values({
      key,
      failures: 0,
      windowStartedAt: now.toISOString(),
      lockedUntil: null,
      lockSeconds: 0,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return trx
    .selectFrom('signInThrottles')
    .select(['failures', 'windowStartedAt', 'lockedUntil', 'lockSeconds'])
    .where('key', '=', key)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
}

export async function saveThrottle(
  trx: Kysely<Database>,
  key: string,
  state: ThrottleState,
): Promise<void> {
  await trx.updateTable('signInThrottles').set(state).where('key', '=', key).execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.kysely.deleteFrom('signInThrottles').where('key', '=', key).execute();
}
