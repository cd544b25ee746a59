// npm run backup -- <file>
// SQLite: a consistent copy of the live database by SQLite's online backup API, safe while the
// server runs (copying m6.sqlite misses what is still in its write-ahead log), then checked.
// PostgreSQL (DATABASE_URL set): pg_dump in its custom format, for pg_restore.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../server/config.js';
import { openDatabase, sqliteFileIn } from '../server/db/database.js';
import { checkDatabase, checkPassed, describeCheck } from './lib/checkDatabase.js';
import { runPgTool } from './lib/pgTools.js';

// Pages per backup step: everything in one step, so the copy is one read transaction (one
// snapshot) instead of restarting each time the server writes between steps.
const ALL_PAGES = 0x7fffffff;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function backupSqlite(dataDir: string, target: string): Promise<void> {
  const source = sqliteFileIn(dataDir);
  if (!fs.existsSync(source)) fail(`No database at ${source} (DATA_DIR=${dataDir})`);
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(target, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  const db = openDatabase({ sqliteFile: target });
  const check = await checkDatabase(db).finally(() => db.close());
  console.log(`Backed up ${source}\n      to ${target} (${fs.statSync(target).size} bytes)`);
  console.log(describeCheck(check));
  if (!checkPassed(check)) {
    console.error(
      '\nThe backup is a faithful copy, but the database it copies is damaged (above).',
    );
    process.exit(2);
  }
}

async function backupPostgres(databaseUrl: string, target: string): Promise<void> {
  const code = await runPgTool(
    'pg_dump',
    ['--format=custom', '--no-owner', `--file=${target}`],
    databaseUrl,
  );
  if (code === null)
    fail(
      'pg_dump is not installed. Install the PostgreSQL client tools (e.g. apt-get install ' +
        'postgresql-client, of the server major version or newer), or run on a machine that has ' +
        `them:\n  pg_dump --format=custom --no-owner --file=${target} "$DATABASE_URL"`,
    );
  if (code !== 0) fail(`pg_dump failed (exit code ${code})`);
  const db = openDatabase({ databaseUrl });
  const check = await checkDatabase(db).finally(() => db.close());
  console.log(`Dumped the PostgreSQL database to ${target} (${fs.statSync(target).size} bytes)`);
  console.log(describeCheck(check));
  console.log(
    `Restore into a new, empty database with:  DATABASE_URL=... npm run restore -- ${target}`,
  );
  if (!checkPassed(check)) process.exit(2);
}

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || file.startsWith('-')) fail('Usage: npm run backup -- <file>');
  // npm runs scripts from the package root; a relative name means the caller's directory.
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (fs.existsSync(target)) fail(`${target} exists already; choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const config = loadConfig();
  if (config.databaseUrl) await backupPostgres(config.databaseUrl, target);
  else await backupSqlite(config.dataDir, target);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
