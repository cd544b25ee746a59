// npx tsx scripts/reliability/auditScale.ts [--events=1000000]
// The audit chain check on a long log: a SQLite database with that many chained events, then the
// real server on it. Reports how long the check at start and GET /api/audit/verify take, and the
// slowest GET /api/health answered meanwhile (the walk must not stall other requests).
import { migrateToLatest } from '../../server/db/database.js';
import { auditEventHash } from '../../server/domain/auditChain.js';
import { login, api } from '../lib/review.js';
import { startServerProcess, type ServerProcess } from '../lib/serverProcess.js';
import { ADMIN, numberArg, prepareStore, type Store } from './common.js';

const events = numberArg('events', 1_000_000);

async function appendEvents(store: Store): Promise<void> {
  const db = store.open();
  await migrateToLatest(db);
  await db.kysely.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
    let prevHash = head.hash;
    let id = Number(head.lastId);
    const at = new Date().toISOString();
    for (let done = 0; done < events;) {
      const batch = [];
      for (; batch.length < 500 && done < events; done++) {
        id += 1;
        const after = JSON.stringify({ id: `C-${id}`, body: 'A comment of ordinary length.' });
        const event = {
          id,
          prevHash,
          actorId: null,
          action: 'comment.create',
          entity: 'comment',
          entityId: `c-${id}`,
          before: null,
          after,
          at,
        };
        prevHash = auditEventHash(event);
        batch.push({ ...event, hash: prevHash });
      }
      await trx.insertInto('auditEvents').values(batch).execute();
    }
    await trx
      .updateTable('auditHead')
      .set({ lastId: id, count: Number(head.count) + events, hash: prevHash })
      .execute();
  });
  await db.close();
}

/** Polls GET /api/health until `until` settles; answers the slowest poll in ms. */
async function slowestHealthWhile(server: ServerProcess, until: Promise<unknown>) {
  let settled = false;
  void until.finally(() => (settled = true));
  let slowest = 0;
  let polls = 0;
  while (!settled) {
    const started = performance.now();
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    slowest = Math.max(slowest, performance.now() - started);
    polls += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { slowest, polls };
}

async function main(): Promise<void> {
  const store = prepareStore();
  if (store.dialect !== 'sqlite') throw new Error('auditScale runs on SQLite only');
  let started = performance.now();
  await appendEvents(store);
  console.log(
    `${events} chained events written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const server = await startServerProcess({
    dataDir: store.dataDir,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  try {
    console.log(`server listening after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const checkedAtStart = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (server.output().includes('audit log hash chain')) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    const atStart = await slowestHealthWhile(server, checkedAtStart);
    console.log(
      `check at start done ${((performance.now() - started) / 1000).toFixed(1)} s after launch; ` +
        `slowest of ${atStart.polls} health polls meanwhile: ${atStart.slowest.toFixed(0)} ms`,
    );
    const token = await login(server.url, ADMIN.email, ADMIN.password);
    started = performance.now();
    const verifying = api(server.url, '/api/audit/verify', { token });
    const during = await slowestHealthWhile(server, verifying);
    const result = await verifying;
    console.log(
      `GET /api/audit/verify: ${JSON.stringify(result.body)} in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s; slowest of ${during.polls} ` +
        `health polls meanwhile: ${during.slowest.toFixed(0)} ms`,
    );
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    store.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
