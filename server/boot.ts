import { sql } from 'kysely';
import type { Logger } from 'pino';
import { ensureFirstAdmin, type FirstAdminResult } from './commands/ensureFirstAdmin.js';
import { seedRegistry } from './commands/seedRegistry.js';
import { migrateToLatest, openDatabase, sqliteFileIn, type Db } from './db/database.js';
import type { Config } from './config.js';

export interface Booted {
  db: Db;
  firstAdmin: FirstAdminResult;
}

/** Open, migrate and seed the database: shared by the server and the scripts. */
export async function bootDatabase(config: Config, logger?: Logger): Promise<Booted> {
  const db = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: sqliteFileIn(config.dataDir),
  });
  try {
    const firstAdmin = await prepareDatabase(db, config, logger);
    return { db, firstAdmin };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/**
 * Migrate, seed the registry and create the first administrator. Instances started together on
 * one PostgreSQL database would each find the registry empty and insert it twice, so the three
 * steps run under one advisory lock; the later instance then finds the work done.
 */
export async function prepareDatabase(
  db: Db,
  config: Pick<Config, 'adminEmail' | 'adminPassword'>,
  logger?: Logger,
): Promise<FirstAdminResult> {
  return whileHoldingBootLock(db, async () => {
    await migrateToLatest(db);
    const seeded = await seedRegistry(db);
    if (seeded.seeded)
      logger?.info({ artefacts: seeded.artefacts }, 'seeded the M6 artefact registry');
    return ensureFirstAdmin(db, { email: config.adminEmail, password: config.adminPassword });
  });
}

async function whileHoldingBootLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  // SQLite serialises writers itself, and only one instance uses an embedded file.
  if (db.dialect !== 'postgres') return work();
  // A session lock on a connection of its own: the steps use other connections of the pool.
  // Keyed by schema, so databases that share a server (tests do) do not wait for each other.
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('m6-boot:' || current_schema()))`.execute(
      connection,
    );
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext('m6-boot:' || current_schema()))`.execute(
        connection,
      );
    }
  });
}
