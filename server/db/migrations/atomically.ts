import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Runs a migration's work in one transaction. Kysely runs PostgreSQL migrations in a transaction
 * but not SQLite's; without one, a long backfill would commit (and sync) once per statement, and
 * a crash would leave it half done.
 */
export async function atomically(
  db: Kysely<unknown>,
  dialect: DialectName,
  work: () => Promise<void>,
): Promise<void> {
  if (dialect !== 'sqlite') return work();
  await sql`begin`.execute(db);
  try {
    await work();
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  }
}
