import { DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import type { Db } from './database.js';
import { migrationsFor } from './migrations/index.js';

/**
 * The migrations this code knows that the database has not run, from Kysely's own bookkeeping
 * table (in the current schema, where migrateToLatest keeps it). Throws when the database cannot
 * be reached. Two small queries, not Kysely's Migrator, whose check introspects every table of
 * every schema on the server.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const table = DEFAULT_MIGRATION_TABLE;
  const exists =
    db.dialect === 'postgres'
      ? sql<{ present: boolean }>`select to_regclass(${table}) is not null as present`
      : sql<{ present: number }>`select count(*) as present from sqlite_master
          where type = 'table' and name = ${table}`;
  const { rows: tables } = await exists.execute(db.kysely);
  const known = Object.keys(migrationsFor(db.dialect));
  if (!tables[0]?.present) return known;
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(
    db.kysely,
  );
  const applied = new Set(rows.map((row) => row.name));
  return known.filter((name) => !applied.has(name));
}
