// Shared benchmark plumbing: the real server in its own process, autocannon in this one, and
// results reported as ratios against a baseline measured in the same run (machines here are noisy).
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { bootDatabase } from '../../server/boot.js';
import { loadConfig } from '../../server/config.js';
import type { Kysely } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Database } from '../../server/db/schema.js';
import { indexVersionClauses } from '../../server/db/searchIndex.js';
import type { Clause } from '../../server/domain/parseClauses.js';
import { newId } from '../../server/lib/ids.js';

export interface BenchServer {
  url: string;
  /** The server process, for reading its memory use. */
  pid: number;
  dataDir: string;
  /** The admin's token. */
  token: string;
  login(email: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };

/**
 * Seeds a fresh data directory through the app's own boot path (migrations, registry, first
 * admin), then starts the built server on it as a separate process.
 */
export async function startBenchServer(
  options: { seed?: (db: Db) => Promise<void> } = {},
): Promise<BenchServer> {
  execSync('node scripts/ensure-built.mjs', { stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-bench-'));
  const env = {
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    // PostgreSQL when BENCH_DATABASE_URL names an empty database; SQLite otherwise.
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    // Required with a shared database; a fresh one per run, never written down.
    JWT_SECRET: randomBytes(48).toString('base64url'),
  };
  if (options.seed) {
    const { db } = await bootDatabase(loadConfig({ ...env }));
    try {
      await options.seed(db);
    } finally {
      await db.close();
    }
  }
  const port = 40000 + Math.floor(Math.random() * 20000);
  // BENCH_CPU_PROF=<dir> writes the server's CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child: ChildProcess = spawn('node', [...profile, 'dist/server/main.js'], {
    env: { ...process.env, ...env, PORT: String(port) },
    // BENCH_SERVER_LOG=<file> keeps the server's log (warnings and errors) for a failed run.
    stdio: [
      'ignore',
      process.env.BENCH_SERVER_LOG ? fs.openSync(process.env.BENCH_SERVER_LOG, 'a') : 'ignore',
      'inherit',
    ],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('bench server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = async (email: string, password: string) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`bench sign-in failed for ${email}: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
  return {
    url,
    pid: child.pid ?? 0,
    dataDir,
    token: await login(ADMIN.email, ADMIN.password),
    login,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Measurement {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** With `settleSeconds`: the p99 over the whole run, its first seconds included. */
  p99WithStart?: number;
}

/** The value below which `q` of the sorted values fall (nearest rank). */
function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * Load at `connections` for `seconds`. With `settleSeconds`, the load runs that much longer and
 * the responses of its first seconds are left out of the latencies and throughput: every run
 * opens all its connections and sends their first requests at once, a wave no steady load has,
 * and in a run of a few thousand requests that one wave of `connections` alone is the p99.
 */
export async function measure(
  name: string,
  url: string,
  options: { token?: string; connections: number; seconds: number; settleSeconds?: number },
): Promise<Measurement> {
  const settle = (options.settleSeconds ?? 0) * 1000;
  const started = Date.now();
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds + settle / 1000,
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      },
      (err: unknown, done) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(done),
    );
    if (settle) {
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        if (Date.now() - started >= settle) latencies.push(responseTime);
      });
    }
  });
  if (!settle) {
    return {
      name,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rps: result.requests.average,
      errors: result.errors + result.non2xx,
    };
  }
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    name,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    rps: latencies.length / ((Date.now() - started - settle) / 1000),
    errors: result.errors + result.non2xx,
    p99WithStart: result.latency.p99,
  };
}

/** Prints a Markdown table: absolute numbers plus each row's ratio to the first (the baseline). */
export function report(title: string, rows: Measurement[], targetP99Ratio?: number): boolean {
  const [base] = rows;
  if (!base) return true;
  const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
  // Settled measurements also show the p99 with their first seconds, so that nothing is hidden.
  const withStart = base.p99WithStart !== undefined;
  console.log(`\n### ${title}\n`);
  console.log(
    `| endpoint | p50 ms | p99 ms | req/s | errors | p50 ratio | p99 ratio | throughput ratio |${withStart ? ' p99 ms with start | its ratio |' : ''}`,
  );
  console.log(`|---|---|---|---|---|---|---|---|${withStart ? '---|---|' : ''}`);
  let ok = true;
  for (const r of rows) {
    const start = withStart
      ? ` ${r.p99WithStart} | ${ratio(r.p99WithStart ?? 0, base.p99WithStart ?? 0)} |`
      : '';
    console.log(
      `| ${r.name} | ${r.p50} | ${r.p99} | ${r.rps.toFixed(0)} | ${r.errors} | ${ratio(r.p50, base.p50)} | ${ratio(r.p99, base.p99)} | ${ratio(r.rps, base.rps)} |${start}`,
    );
    if (r.errors > 0) ok = false;
    if (targetP99Ratio && r !== base && base.p99 > 0 && r.p99 / base.p99 > targetP99Ratio)
      ok = false;
  }
  if (targetP99Ratio)
    console.log(
      `\nTarget: p99 within ${targetP99Ratio}x of ${base.name}: ${ok ? 'met' : 'NOT met'}`,
    );
  return ok;
}

/** A JSON call to the bench server as its admin; a failure throws with the answer's start. */
export async function api<T = unknown>(
  server: BenchServer,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** The id of the registry's artefact with this reference. */
export async function artefactId(server: BenchServer, reference: string): Promise<string> {
  const list = await api<{ data: { id: string; reference: string }[] }>(
    server,
    `/api/artefacts?q=${encodeURIComponent(reference)}`,
  );
  const found = list.data.find((a) => a.reference === reference);
  if (!found) throw new Error(`no artefact ${reference}`);
  return found.id;
}

/**
 * Stores a version of an artefact, indexed for search as a publish would, and makes it current:
 * for seeding large registries without the publish route's checks. Returns the version's id.
 */
export async function seedCurrentVersion(
  trx: Kysely<Database>,
  artefactId: string,
  version: { body: string; html: string; clauses: Clause[] },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('artefactVersions')
    .values({
      id,
      artefactId,
      label: 'v1',
      body: version.body,
      html: version.html,
      clauses: JSON.stringify(version.clauses),
      changeNote: '',
      incorporates: '[]',
      authorId: null,
      isBaseline: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  await indexVersionClauses(trx, { id, artefactId }, version.clauses);
  await trx
    .updateTable('artefacts')
    .set({ currentVersionId: id })
    .where('id', '=', artefactId)
    .execute();
  return id;
}
