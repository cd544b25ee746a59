import { expect } from 'chai';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, sqliteFileIn, type Db } from '../../server/db/database.js';
import { checkDatabase } from '../../scripts/lib/checkDatabase.js';
import { postComment, setUpReview, type Review } from '../../scripts/lib/review.js';
import {
  REPO_ROOT,
  startServerProcess,
  type ServerProcess,
} from '../../scripts/lib/serverProcess.js';
import { childDatabase, type ChildDatabase } from '../helpers/childServer.js';
import { testDialects } from '../helpers/db.js';

const ADMIN = { email: 'admin@backup.example', password: 'Backup-Test-Admin-Password-1' };

/** Runs `npm run <script>` as an operator would (tsx, the server's config from the environment). */
function runScript(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

/** Comment writers that keep going until stopped, recording every acknowledged comment. */
function keepCommenting(review: Review, writers = 4) {
  const acknowledged: string[] = [];
  const waiting: { count: number; resolve(): void }[] = [];
  let stopped = false;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped) {
      const res = await postComment(review, n++);
      if (res.status !== 201) {
        for (const w of waiting) w.resolve(); // stop() reports it
        throw new Error(`comment refused: ${res.status} ${JSON.stringify(res.body)}`);
      }
      acknowledged.push(res.id as string);
      for (const w of waiting) if (acknowledged.length >= w.count) w.resolve();
    }
  });
  return {
    acknowledged,
    reached: (count: number) => new Promise<void>((resolve) => waiting.push({ count, resolve })),
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

async function commentIds(db: Db): Promise<Set<string>> {
  const rows = await db.kysely.selectFrom('comments').select('id').execute();
  return new Set(rows.map((r) => r.id));
}

async function stop(server: ServerProcess) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}

for (const dialect of testDialects()) {
  describe(`npm run backup and npm run restore (${dialect})`, () => {
    let source: ChildDatabase;
    let target: ChildDatabase;
    let server: ServerProcess;
    let work: string;
    before(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-backup-'));
      source = await childDatabase(dialect, 'database');
      target = await childDatabase(dialect, 'database');
      server = await startServerProcess({
        dataDir: source.dataDir,
        databaseUrl: source.databaseUrl,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
      });
    });
    after(async () => {
      await stop(server);
      await source.cleanup();
      await target.cleanup();
      fs.rmSync(work, { recursive: true, force: true });
    });

    const envFor = (store: ChildDatabase): Record<string, string> => ({
      DATA_DIR: store.dataDir,
      ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
    });

    it('round-trips a live database: every comment acknowledged before the backup', async () => {
      const review = await setUpReview(server.url, ADMIN);
      const writing = keepCommenting(review);
      let backup: { code: number | null; output: string };
      let before: string[];
      try {
        await writing.reached(40);
        before = [...writing.acknowledged];
        backup = await runScript('backup', [path.join(work, 'm6.backup')], envFor(source));
      } finally {
        await writing.stop();
      }
      expect(backup.code, backup.output).to.equal(0);
      expect(backup.output).to.match(/audit chain: +verified/);

      if (dialect === 'sqlite') {
        const refused = await runScript('restore', [path.join(work, 'm6.backup')], envFor(source));
        expect(refused.code, 'restore under a running server').to.equal(1);
        expect(refused.output).to.include('is using');
      }
      await stop(server);

      const restore = await runScript('restore', [path.join(work, 'm6.backup')], envFor(target));
      expect(restore.code, restore.output).to.equal(0);
      const restored = openDatabase(
        target.databaseUrl
          ? { databaseUrl: target.databaseUrl }
          : { sqliteFile: sqliteFileIn(target.dataDir) },
      );
      try {
        const check = await checkDatabase(restored);
        expect(check.integrity).to.equal(dialect === 'sqlite' ? 'ok' : null);
        expect(check.audit).to.include({ ok: true, firstBrokenAt: null });
        const present = await commentIds(restored);
        expect(before.filter((id) => !present.has(id))).to.deep.equal([]);
      } finally {
        await restored.close();
      }
    });

    it('refuses to restore where it would overwrite, or a backup whose audit log was altered', async () => {
      const file = path.join(work, 'm6.backup');
      const again = await runScript('backup', [file], envFor(source));
      expect(again.code).to.equal(1);
      expect(again.output).to.include('exists already');
      if (dialect === 'postgres') {
        // The target now holds the restored database: not empty.
        const onto = await runScript('restore', [file], envFor(target));
        expect(onto.code).to.equal(1);
        expect(onto.output).to.include('not empty');
        return;
      }
      const altered = path.join(work, 'altered.backup');
      fs.copyFileSync(file, altered);
      const db = openDatabase({ sqliteFile: altered });
      await sql`update audit_events set actor_id = null where id = 2`.execute(db.kysely);
      await db.close();
      const elsewhere = fs.mkdtempSync(path.join(work, 'fresh-'));
      const refused = await runScript('restore', [altered], { DATA_DIR: elsewhere });
      expect(refused.code).to.equal(1);
      expect(refused.output).to.include('BROKEN at event 2');
      expect(fs.readdirSync(elsewhere)).to.deep.equal([]);
    });
  });
}
