import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  migrateToLatest,
  openDatabase,
  type Db,
  type DialectName,
} from '../../server/db/database.js';

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set (as .ci/run does). */
export function testDialects(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb {
  db: Db;
  cleanup(): Promise<void>;
}

// Kysely's migrator reads the catalogue of every schema in the database; a schema dropped by
// another test process meanwhile makes that read fail ("column ... does not exist"). Creating,
// migrating and dropping test schemas one at a time across processes keeps them apart.
const SCHEMA_LOCK = 716_001;

export async function withSchemaLock<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: a temporary SQLite file, or a throwaway PostgreSQL schema. */
export async function createTestDb(dialect: DialectName = 'sqlite'): Promise<TestDb> {
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const db = openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 5 });
    await withSchemaLock(url, async (client) => {
      await client.query(`create schema ${schema}`);
      await migrateToLatest(db);
    });
    return {
      db,
      async cleanup() {
        await db.close();
        await withSchemaLock(url, (client) => client.query(`drop schema ${schema} cascade`));
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-test-'));
  const db = openDatabase({ sqliteFile: path.join(dir, 'm6.sqlite') });
  await migrateToLatest(db);
  return {
    db,
    async cleanup() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
