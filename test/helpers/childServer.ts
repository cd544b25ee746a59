import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '../../server/db/database.js';
import { withSchemaLock } from './db.js';

export interface ChildDatabase {
  /** DATA_DIR for the child server (the SQLite file lives here). */
  dataDir: string;
  /** DATABASE_URL for PostgreSQL; undefined for SQLite. */
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  await withSchemaLock(process.env.TEST_DATABASE_URL ?? '', (client) => client.query(text));
}

/**
 * Where a server started as a child process keeps its data: a temporary directory, plus on
 * PostgreSQL a throwaway schema (chosen through the URL's search_path) or, for tools such as
 * pg_dump that work on whole databases, a throwaway database.
 */
export async function childDatabase(
  dialect: DialectName,
  scope: 'schema' | 'database' = 'schema',
): Promise<ChildDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-child-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return { dataDir, databaseUrl: undefined, cleanup: async () => removeDir() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `test_child_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  if (scope === 'database') {
    await adminQuery(`create database ${name}`);
    url.pathname = `/${name}`;
  } else {
    await adminQuery(`create schema ${name}`);
    url.searchParams.set('options', `-c search_path=${name}`);
  }
  return {
    dataDir,
    databaseUrl: url.toString(),
    async cleanup() {
      removeDir();
      await adminQuery(
        scope === 'database'
          ? `drop database if exists ${name} with (force)`
          : `drop schema if exists ${name} cascade`,
      );
    },
  };
}
