// npm run restore -- <file> [--force]
// SQLite: checks a backup made by `npm run backup` (integrity and audit chain) and puts it in
// place as DATA_DIR/m6.sqlite, keeping the database it replaces beside it. Refuses while a server
// uses DATA_DIR (--force overrides a stale check).
// PostgreSQL (DATABASE_URL set): pg_restore of a `npm run backup` dump into a new, empty database.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.js';
import { openDatabase, sqliteFileIn } from '../server/db/database.js';
import { runningServerPid } from '../server/lib/pidFile.js';
import {
  checkDatabase,
  checkPassed,
  describeCheck,
  type DatabaseCheck,
} from './lib/checkDatabase.js';
import { libpqEnv, runPgTool } from './lib/pgTools.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const SQLITE_FILES = ['', '-wal', '-shm'];

async function restoreSqlite(dataDir: string, backup: string, force: boolean): Promise<void> {
  const pid = runningServerPid(dataDir);
  if (pid !== null && !force)
    fail(
      `A server (pid ${pid}) is using ${dataDir}. Stop it first: replacing its database under ` +
        'it would lose what it writes. (--force if that process is not the server.)',
    );
  const live = sqliteFileIn(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // Checked as a copy beside the live file: the backup itself is never opened for writing, and
  // the final rename is atomic.
  const incoming = `${live}.restoring-${process.pid}`;
  fs.copyFileSync(backup, incoming);
  const discard = () => {
    for (const suffix of SQLITE_FILES) fs.rmSync(incoming + suffix, { force: true });
  };
  let check: DatabaseCheck;
  try {
    const db = openDatabase({ sqliteFile: incoming });
    check = await checkDatabase(db).finally(() => db.close());
  } catch (err) {
    discard();
    fail(`Not restored: ${backup} is not a readable backup (${(err as Error).message})`);
  }
  console.log(`Backup ${backup}:\n${describeCheck(check)}`);
  if (!checkPassed(check)) {
    discard();
    fail('Not restored: the backup is damaged or its audit log has been altered (above).');
  }
  if (fs.existsSync(live)) {
    const aside = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of SQLITE_FILES)
      if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, aside + suffix);
    console.log(`The database it replaces is kept as ${aside}`);
  }
  fs.renameSync(incoming, live);
  console.log(`Restored to ${live}. Start the server as usual.`);
}

async function restorePostgres(databaseUrl: string, backup: string): Promise<void> {
  const db = openDatabase({ databaseUrl });
  try {
    const { rows } = await sql<{
      t: string | null;
    }>`select to_regclass('audit_events') as t`.execute(db.kysely);
    if (rows[0]?.t)
      fail(
        'The database in DATABASE_URL is not empty. Restore into a new one (createdb m6_restored) ' +
          'and point DATABASE_URL at it.',
      );
  } finally {
    await db.close();
  }
  // The rest of the connection comes from the environment (libpqEnv).
  const { PGDATABASE, PGUSER } = libpqEnv(databaseUrl);
  const code = await runPgTool(
    'pg_restore',
    [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${PGDATABASE ?? PGUSER ?? 'postgres'}`,
      backup,
    ],
    databaseUrl,
  );
  if (code === null)
    fail(
      'pg_restore is not installed. Install the PostgreSQL client tools, or run:\n' +
        `  pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" ${backup}`,
    );
  if (code !== 0) fail(`pg_restore failed (exit code ${code})`);
  const restored = openDatabase({ databaseUrl });
  const check = await checkDatabase(restored).finally(() => restored.close());
  console.log(`Restored ${backup} into the database in DATABASE_URL:\n${describeCheck(check)}`);
  if (!checkPassed(check)) fail('The restored audit log does not verify (above).');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  const [file] = files;
  if (!file || files.length > 1 || file.startsWith('-'))
    fail('Usage: npm run restore -- <backup file> [--force]');
  // npm runs scripts from the package root; a relative name means the caller's directory.
  const backup = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!fs.existsSync(backup)) fail(`No backup at ${backup}`);
  const config = loadConfig();
  if (config.databaseUrl) await restorePostgres(config.databaseUrl, backup);
  else await restoreSqlite(config.dataDir, backup, force);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
