// npm run reliability:two-instances [-- --duration=20 --workers=16]
// Two instances on a fresh PostgreSQL database, started together, behind nginx configured by
// deploy/nginx.conf (only its ports replaced). Checks what nginx passes on (the client address
// for TRUST_PROXY, the body size limit), then a mixed read/write load through nginx during which
// one instance is killed with SIGKILL halfway, then the same load straight at the survivor for
// comparison. Only requests in flight on the killed instance may fail; every acknowledged comment
// must be in the database; at most one baseline, an intact audit chain and comment tallies equal
// to recounts. PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be
// allowed to create databases; the one made here is dropped at the end.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../server/db/database.js';
import { startNginx, type Nginx } from '../lib/nginx.js';
import { setUpReview, type Review } from '../lib/review.js';
import { startServerProcess, type ServerProcess } from '../lib/serverProcess.js';
import { ADMIN, checkStore, numberArg, type Store } from './common.js';
import { formatSummary, mixedLoad, succeeded, summarise, type Sample } from './mixedLoad.js';

const durationMs = numberArg('duration', 20) * 1000;
const workers = numberArg('workers', 16);
const ADMIN_URL = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// nginx runs on this machine: the only proxy the instances may believe about the client.
const TRUST_PROXY = 'loopback';

const problems: string[] = [];
const check = (ok: boolean, problem: string) => {
  if (!ok) problems.push(problem);
  return ok;
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function freshDatabase() {
  const name = `m6_two_instances_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

const dataDirs: string[] = [];

function startInstance(databaseUrl: string): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-instance-'));
  dataDirs.push(dataDir);
  return startServerProcess({
    dataDir,
    databaseUrl,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    env: { TRUST_PROXY },
  });
}

/** Signs in wrongly through nginx from 127.0.0.2: the address the app counted it against. */
async function addressSeenThroughNginx(nginx: Nginx, db: Db): Promise<string[]> {
  const body = JSON.stringify({
    email: `nobody-${randomBytes(4).toString('hex')}@reliability.example`,
    password: 'Not-the-password-1',
  });
  await new Promise<void>((resolve, reject) => {
    const req = http.request(`${nginx.url}/api/auth/login`, {
      method: 'POST',
      localAddress: '127.0.0.2',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end(body);
  });
  const rows = await db.kysely
    .selectFrom('signInThrottles')
    .select('key')
    .where('key', 'like', 'address:%')
    .execute();
  return rows.map((row) => row.key.slice('address:'.length));
}

/** Status and error message of a request through nginx with a body of `size` bytes. */
async function bodyLimits(nginx: Nginx, review: Review) {
  const auth = { authorization: `Bearer ${review.adminToken}` };
  const answer = async (res: Response) => {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return `${res.status} ${body?.error?.message ?? '(no JSON error)'}`;
  };
  const overNginx = await fetch(`${nginx.url}/api/comments/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: Buffer.alloc(22 * 1024 * 1024 + 1, 'a'),
  }).then(answer, (err: Error) => `no answer: ${err.message}`);
  const form = new FormData();
  form.set('label', 'too large');
  form.set('file', new Blob([Buffer.alloc(20 * 1024 * 1024 + 1)]), 'large.docx');
  const overApp = await fetch(`${nginx.url}/api/artefacts/${review.artefactIds[0]}/versions`, {
    method: 'POST',
    headers: auth,
    body: form,
  }).then(answer, (err: Error) => `no answer: ${err.message}`);
  return { overNginx, overApp };
}

interface LogLine {
  status: number;
  upstreams: string[];
}

/** The access log's lines written since `from` bytes. */
function accessLogSince(file: string, from: number): LogLine[] {
  const text = fs.readFileSync(file, 'utf8').slice(from);
  return text
    .split('\n')
    .map((line) => / (\d{3}) \d+ upstream=(.*?) upstream_status=/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      status: Number(m[1]),
      // "127.0.0.1:3001, 127.0.0.1:3002": the ports nginx tried, in order.
      upstreams: (m[2] ?? '').split(', ').map((address) => address.split(':').pop() ?? ''),
    }));
}

const countBy = <T>(items: T[], key: (item: T) => string) =>
  [...items.reduce((m, i) => m.set(key(i), (m.get(key(i)) ?? 0) + 1), new Map<string, number>())]
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');

async function main(): Promise<void> {
  const database = await freshDatabase();
  const store: Store = {
    dataDir: os.tmpdir(),
    databaseUrl: database.url,
    dialect: 'postgres',
    open: () => openDatabase({ databaseUrl: database.url, poolSize: 2 }),
    cleanup: () => {},
  };
  const db = store.open();
  let instances: ServerProcess[] = [];
  let nginx: Nginx | undefined;
  try {
    // Started at the same moment on the empty database: migrations, seeding and the first admin
    // run under one lock.
    instances = await Promise.all([startInstance(database.url), startInstance(database.url)]);
    const [a, b] = instances as [ServerProcess, ServerProcess];
    nginx = await startNginx([a.port, b.port]);
    console.log(
      `two instances (ports ${a.port}, ${b.port}) on one PostgreSQL database, nginx at ${nginx.url}; ` +
        `${workers} workers, ${durationMs / 1000} s per phase, 4 reads : 1 comment write\n`,
    );
    const review = await setUpReview(nginx.url, ADMIN, 8);

    const seen = await addressSeenThroughNginx(nginx, db);
    console.log(`client 127.0.0.2 through nginx, counted by the app as: ${seen.join(', ')}`);
    check(seen.length === 1 && seen[0] === '127.0.0.2', 'the app did not see the client address');
    const limits = await bodyLimits(nginx, review);
    console.log(`22 MB + 1 byte body:          ${limits.overNginx}`);
    console.log(`20 MB + 1 byte Word upload:   ${limits.overApp}`);
    check(limits.overNginx.startsWith('413 The request body is larger'), 'nginx body limit');
    check(limits.overApp.startsWith('413 The upload may be at most'), "the app's own upload limit");

    // Unreported: both instances compile their hot paths before anything is measured.
    const warmUp = await mixedLoad({
      baseUrl: nginx.url,
      review,
      workers,
      durationMs: Math.min(5000, durationMs / 4),
      firstComment: 0,
    });
    check(warmUp.every(succeeded), 'a request failed during the warm-up');

    // Phase 1: through nginx; instance b is killed halfway.
    let killedAt = 0;
    let exitSeenAt = 0;
    const logFrom = fs.statSync(nginx.accessLog).size;
    const viaNginx = await mixedLoad({
      baseUrl: nginx.url,
      review,
      workers,
      durationMs,
      firstComment: warmUp.length,
      halfway(now) {
        killedAt = now();
        b.child.kill('SIGKILL');
        void b.exited.then(() => (exitSeenAt = now()));
      },
    });
    const log = accessLogSince(nginx.accessLog, logFrom);
    const bPort = String(b.port);
    console.log('\nthrough nginx:');
    console.log(
      formatSummary('  both instances (before the kill)', summarise(viaNginx, 0, killedAt)),
    );
    console.log(formatSummary('  one instance (after the kill)', summarise(viaNginx, killedAt)));
    console.log(`  answered first by (nginx log): ${countBy(log, (l) => l.upstreams[0] ?? '-')}`);
    console.log(
      `  retried on the other instance: ${log.filter((l) => l.upstreams.length > 1).length}`,
    );
    const failed = viaNginx.filter((s) => !succeeded(s));
    console.log(
      `  failed: ${failed.length} (${countBy(failed, (s) => `${s.write ? 'POST' : 'GET'} ${s.status}`) || 'none'}); ` +
        `kill at ${(killedAt / 1000).toFixed(2)} s, exit seen at ${(exitSeenAt / 1000).toFixed(2)} s; ` +
        `started after the exit was seen: ${failed.filter((s) => s.start > exitSeenAt).length}`,
    );
    check(
      failed.every((s) => s.end >= killedAt && s.status === 502),
      'a request failed that was not in flight at the kill',
    );
    const failedLines = log.filter((l) => l.status >= 500);
    check(
      failedLines.length === failed.length &&
        failedLines.every((l) => l.upstreams.every((u) => u === bPort)),
      `a failure involved the surviving instance: ${JSON.stringify(failedLines)}`,
    );

    // Phase 2: the same load straight at the survivor.
    const direct = await mixedLoad({
      baseUrl: a.url,
      review,
      workers,
      durationMs,
      firstComment: warmUp.length + viaNginx.length,
    });
    console.log('\nstraight at the surviving instance:');
    console.log(formatSummary('  one instance, no nginx', summarise(direct)));
    check(direct.every(succeeded), 'a request failed straight at the surviving instance');

    await verify(db, store, [...warmUp, ...viaNginx, ...direct], failed);
    const ready = await fetch(`${nginx.url}/api/health/ready`);
    console.log(`GET /api/health/ready through nginx after the kill: ${ready.status}`);
    check(ready.status === 200, 'not ready after the kill');
  } finally {
    for (const instance of instances) {
      if (instance.child.exitCode === null && instance.child.signalCode === null) {
        instance.child.kill('SIGTERM');
        await instance.exited;
      }
    }
    await nginx?.stop();
    await db.close();
    await database.drop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length) console.log(`\nFAIL\n  ${problems.join('\n  ')}`);
  else console.log('\nPASS');
  process.exit(problems.length ? 1 : 0);
}

/** Acknowledged comments all present, and the database's invariants. */
async function verify(db: Db, store: Store, samples: Sample[], failed: Sample[]) {
  const acknowledged = samples.flatMap((s) => (s.id ? [s.id] : []));
  const present = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 1000) {
    const ids = acknowledged.slice(i, i + 1000);
    for (const row of await db.kysely
      .selectFrom('comments')
      .select('id')
      .where('id', 'in', ids)
      .execute())
      present.add(row.id);
  }
  console.log(`\nacknowledged comments present: ${present.size}/${acknowledged.length}`);
  check(present.size === acknowledged.length, 'an acknowledged comment is missing');
  // A POST that failed at nginx may still have been written: why nginx must not resend it.
  const failedBodies = failed
    .filter((s) => s.write && s.n !== undefined)
    .map((s) => `Reliability comment ${s.n}: please clarify the allocation.`);
  if (failedBodies.length) {
    const written = await db.kysely
      .selectFrom('comments')
      .select('id')
      .where('body', 'in', failedBodies)
      .execute();
    console.log(
      `failed comment writes that were stored all the same: ${written.length}/${failedBodies.length}`,
    );
  }
  const { n: baselines } = await db.kysely
    .selectFrom('baselines')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`baselines: ${baselines}`);
  check(Number(baselines) <= 1, 'more than one baseline');
  const verdict = await checkStore(store);
  check(verdict.ok, 'audit chain or tallies');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
