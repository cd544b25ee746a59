import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationsFor } from './migrations/index.js';
import { ReadCache } from './readCache.js';
import { ReadSplitSqliteDialect } from './sqliteReadSplit.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Per-process cache of hot reads, invalidated by the data version (see readCache.ts). */
  readCache: ReadCache;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl?: string;
  /** SQLite file path (or ':memory:'). */
  sqliteFile?: string;
  /** PostgreSQL schema to use as search_path (tests isolate themselves this way). */
  pgSchema?: string;
  poolSize?: number;
}

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'm6.sqlite');
}

export function openDatabase(options: DatabaseOptions): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: options.pgSchema ? `-c search_path=${options.pgSchema}` : undefined,
    });
    const kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      kysely,
      dialect: 'postgres',
      readCache: new ReadCache(),
      close: () => kysely.destroy(),
    };
  }

  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({
    dialect:
      file === ':memory:' ? new SqliteDialect({ database: sqlite }) : readSplit(sqlite, file),
    plugins: [new CamelCasePlugin()],
  });
  return { kysely, dialect: 'sqlite', readCache: new ReadCache(), close: () => kysely.destroy() };
}

/** Reads outside transactions on a second connection, so they never wait for a write. */
function readSplit(writer: SQLite.Database, file: string): ReadSplitSqliteDialect {
  const reader = new SQLite(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return new ReadSplitSqliteDialect(writer, reader);
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    db.kysely,
  );
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path');
  return schema;
}

/** The migrator of this database: the app's migrations, its bookkeeping in the current schema. */
export async function databaseMigrator(db: Db): Promise<Migrator> {
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrationsFor(db.dialect) },
    // Kysely looks for its bookkeeping tables in every schema unless told which one; on a
    // PostgreSQL server shared by several databases' schemas it must be the current one.
    migrationTableSchema: db.dialect === 'postgres' ? await currentSchema(db) : undefined,
  });
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = await databaseMigrator(db);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(
      `Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`,
    );
  }
}
