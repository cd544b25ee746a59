// npm run reliability:soak [-- --duration=60 --connections=100]
// The server under sustained mixed load: four reads to one comment write per connection, every
// connection busy for the whole run. Passes with zero 5xx answers and zero connection errors;
// reports throughput, latency and the server's resident memory (logging at the default level,
// one line per request), then checks the audit chain and the comment tallies. SQLite in a
// temporary directory, or PostgreSQL with DATABASE_URL set to a fresh database.
import type { Readable } from 'node:stream';
import autocannon from 'autocannon';
import { api, setUpReview } from '../lib/review.js';
import { startServerProcess } from '../lib/serverProcess.js';
import { ADMIN, checkStore, numberArg, prepareStore, rssMb } from './common.js';

const duration = numberArg('duration', 60);
const connections = numberArg('connections', 100);

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Server-side time per route, read from the request log lines the server prints. */
function routeTimings(stdout: Readable | null) {
  const times = new Map<string, number[]>();
  let pending = '';
  stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"msg":"request"')) continue;
      const entry = JSON.parse(line) as { method: string; url: string; ms: number };
      const route = `${entry.method} ${entry.url.split('?')[0]?.replace(/[0-9a-f-]{36}/g, ':id')}`;
      const list = times.get(route) ?? [];
      list.push(entry.ms);
      times.set(route, list);
    }
  });
  return {
    summary: () =>
      [...times].map(([route, ms]) => {
        const sorted = ms.sort((x, y) => x - y);
        return `${route}: n ${sorted.length}, p50 ${percentile(sorted, 0.5).toFixed(0)}, p99 ${percentile(sorted, 0.99).toFixed(0)}`;
      }),
  };
}

async function main(): Promise<void> {
  const store = prepareStore();
  const server = await startServerProcess({
    dataDir: store.dataDir,
    databaseUrl: store.databaseUrl,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const pid = server.child.pid as number;
  try {
    const review = await setUpReview(server.url, ADMIN, 8);
    const [a, b] = review.artefactIds as [string, string];
    const auth = (i: number) => ({
      authorization: `Bearer ${review.participantTokens[i % review.participantTokens.length]}`,
      'content-type': 'application/json',
    });
    const requests = [
      { method: 'GET', path: '/api/artefacts', headers: auth(0) },
      { method: 'GET', path: `/api/comments?artefactId=${a}&limit=50`, headers: auth(1) },
      { method: 'GET', path: `/api/artefacts/${b}`, headers: auth(2) },
      { method: 'GET', path: '/api/readiness', headers: auth(3) },
      {
        method: 'POST',
        path: `/api/artefacts/${a}/comments`,
        headers: auth(4),
        body: JSON.stringify({
          clauseRef: '1.1.1',
          category: 'drafting',
          severity: 'medium',
          body: 'Soak comment: please clarify the allocation rules.',
        }),
      },
    ] as const;

    const perRoute = routeTimings(server.child.stdout);
    const idleMb = rssMb(pid);
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 500);
    console.log(
      `soak: ${store.dialect}, ${duration} s, ${connections} connections, 4 reads : 1 write\n`,
    );
    const result = await autocannon({
      url: server.url,
      connections,
      duration,
      requests: requests.map((r) => ({ ...r })),
    });
    clearInterval(sampler);
    const endMb = rssMb(pid);

    const byStatus = Object.entries(result.statusCodeStats ?? {})
      .map(([status, { count }]) => `${status}: ${count}`)
      .join(', ');
    const fiveXx = Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => status.startsWith('5'))
      .reduce((sum, [, { count }]) => sum + Number(count), 0);
    console.log(`requests:   ${result.requests.total} (${result.requests.average.toFixed(0)}/s)`);
    console.log(`statuses:   ${byStatus}`);
    console.log(`5xx:        ${fiveXx}`);
    console.log(`errors:     ${result.errors} (timeouts ${result.timeouts})`);
    console.log(
      `latency ms: p50 ${result.latency.p50}, p99 ${result.latency.p99}, max ${result.latency.max}`,
    );
    console.log(
      `server RSS: ${idleMb.toFixed(0)} MB idle, ${peakMb.toFixed(0)} MB peak, ${endMb.toFixed(0)} MB at the end`,
    );
    console.log('server time by route (from its request log), ms:');
    for (const line of perRoute.summary()) console.log(`  ${line}`);
    const verify = await api(server.url, '/api/audit/verify', { token: review.adminToken });
    console.log(`audit verify (API): ${JSON.stringify(verify.body)}`);
    const verdict = await checkStore(store);
    const ok = fiveXx === 0 && result.errors === 0 && verify.body?.data?.ok === true && verdict.ok;
    console.log(ok ? '\nPASS' : '\nFAIL');
    process.exitCode = ok ? 0 : 1;
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
