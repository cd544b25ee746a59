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

/** A fresh, migrated database: a temporary SQLite file, or a throwaway PostgreSQL schema. */
export async function createTestDb(dialect: DialectName = 'sqlite'): Promise<TestDb> {
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 5 });
    await migrateToLatest(db);
    return {
      db,
      async cleanup() {
        await db.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
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
