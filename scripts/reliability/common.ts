// Shared by the reliability scripts: where the server under test keeps its data, its memory, and
// the checks a crash or a load must leave true.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, sqliteFileIn, type Db } from '../../server/db/database.js';
import { checkDatabase, describeCheck, type DatabaseCheck } from '../lib/checkDatabase.js';

export const ADMIN = {
  email: 'admin@reliability.example',
  password: 'Reliability-Admin-Password-1',
};

/** `--name=value` arguments, numbers only. */
export function numberArg(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

export interface Store {
  dataDir: string;
  /** From DATABASE_URL: PostgreSQL (use a fresh database); SQLite in dataDir when unset. */
  databaseUrl: string | undefined;
  dialect: 'sqlite' | 'postgres';
  open(): Db;
  cleanup(): void;
}

export function prepareStore(): Store {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-reliability-'));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return {
    dataDir,
    databaseUrl,
    dialect: databaseUrl ? 'postgres' : 'sqlite',
    open: () => openDatabase(databaseUrl ? { databaseUrl } : { sqliteFile: sqliteFileIn(dataDir) }),
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Resident memory of a process in MB (Linux /proc; 0 elsewhere). */
export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Tally rows that differ from a recount of the comments they summarise (see commentTallies.ts). */
export async function tallyMismatches(db: Db): Promise<string[]> {
  const { rows: recount } = await sql<{ key: string; n: number | string }>`
    select artefact_id || '|' || confidential || '|' ||
      (case when confidential = 1 then coalesce(organisation_id, '') else '' end) || '|' ||
      status as key, count(*) as n
    from comments group by 1`.execute(db.kysely);
  const { rows: tallies } = await sql<{ key: string; n: number | string }>`
    select artefact_id || '|' || confidential || '|' || organisation_id || '|' || status as key, n
    from comment_tallies where n <> 0`.execute(db.kysely);
  const expected = new Map(recount.map((r) => [r.key, Number(r.n)]));
  const actual = new Map(tallies.map((r) => [r.key, Number(r.n)]));
  const problems: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if (expected.get(key) !== actual.get(key))
      problems.push(`${key}: tally ${actual.get(key) ?? 0}, recount ${expected.get(key) ?? 0}`);
  }
  return problems;
}

export interface Verdict {
  check: DatabaseCheck;
  tallyProblems: string[];
  ok: boolean;
}

/** Integrity, audit chain and tallies of the store, printed. */
export async function checkStore(store: Store): Promise<Verdict> {
  const db = store.open();
  try {
    const check = await checkDatabase(db);
    const tallyProblems = await tallyMismatches(db);
    console.log(describeCheck(check));
    console.log(
      tallyProblems.length === 0
        ? '  tallies:        equal to recounts'
        : `  tallies:        ${tallyProblems.length} DIFFER from recounts\n    ${tallyProblems.join('\n    ')}`,
    );
    const ok =
      (check.integrity === null || check.integrity === 'ok') &&
      check.audit.ok &&
      tallyProblems.length === 0;
    return { check, tallyProblems, ok };
  } finally {
    await db.close();
  }
}
