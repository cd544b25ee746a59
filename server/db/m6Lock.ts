import { sql, type Kysely } from 'kysely';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/**
 * Locks the row that stands for the M6 state, as the first statement of a transition's
 * transaction, so that transitions which must see each other's effects run one after another,
 * on every app instance sharing the database:
 *
 * - `exclusive`: CCAG and SRO decisions (the SRO's approval creates the one baseline) and
 *   consultation creation (one consultation per title, window and artefacts).
 * - `shared`: publishing a version. Publishes of different artefacts still run side by side, but
 *   never during an approval, so a new version is either in the baseline or sees the baseline
 *   and needs an approved post-M6 change.
 *
 * PostgreSQL: a row lock (FOR UPDATE / FOR SHARE). Under READ COMMITTED every later statement of
 * the transaction sees what the previous holder committed.
 * SQLite: one writer at a time already, but a transaction that reads first and writes later fails
 * with SQLITE_BUSY if another connection (another process) wrote in between; writing first takes
 * the write lock at once, and a second connection waits for it (busy_timeout).
 */
export async function lockM6State(
  trx: Kysely<Database>,
  dialect: DialectName,
  mode: 'exclusive' | 'shared',
): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`update m6_state set id = id where id = 1`.execute(trx);
    return;
  }
  const query = trx.selectFrom('m6State').select('id').where('id', '=', 1);
  await (mode === 'exclusive' ? query.forUpdate() : query.forShare()).execute();
}
