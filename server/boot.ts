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
    await migrateToLatest(db);
    const seeded = await seedRegistry(db);
    if (seeded.seeded)
      logger?.info({ artefacts: seeded.artefacts }, 'seeded the M6 artefact registry');
    const firstAdmin = await ensureFirstAdmin(db, {
      email: config.adminEmail,
      password: config.adminPassword,
    });
    return { db, firstAdmin };
  } catch (err) {
    await db.close();
    throw err;
  }
}
