// Issue 9 item 4: comment log exports over 52,000 comments must not stall everyone else. Six
// concurrent exports of each format, by one participant (at most two run at once; the rest are
// told to retry later) and by six participants of six organisations, while GET /api/health is
// polled every 10 ms. Health's p99 is reported against the idle server's, measured the same way
// in the same run, with the server's peak memory above its resident memory before each case.
import { sql } from 'kysely';
import { createUser } from '../../server/commands/createUser.js';
import type { Db } from '../../server/db/database.js';
import { startBenchServer, type BenchServer } from './harness.js';
import { PROBE_COLUMNS, probe, probeRow } from './probe.js';
import { BENCH_PARTICIPANT, seedComments } from './seedComments.js';

const COMMENTS = 52_000;
const CONCURRENT = 6;
const TARGET_P99_RATIO = 10;
const OTHER_PASSWORD = 'bench-participant-pw';

const otherEmail = (i: number) => `bench-exporter-${i}@example.org`;

async function seed(db: Db): Promise<void> {
  await seedComments(db, COMMENTS);
  // As autovacuum would soon: without statistics PostgreSQL plans each page as a sort of the lot.
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  const orgs = await db.kysely
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', 'Bench Supplier %')
    .orderBy('name')
    .execute();
  for (let i = 1; i < CONCURRENT; i++) {
    await createUser(db, null, {
      email: otherEmail(i),
      password: OTHER_PASSWORD,
      name: `Bench Exporter ${i}`,
      role: 'participant',
      organisationId: orgs[i]?.id ?? '',
    });
  }
}

/** One export, read to the end (counted, not kept, so this process's own loop stays free). */
async function exportOnce(server: BenchServer, token: string, format: string) {
  const res = await fetch(`${server.url}/api/comments/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  let bytes = 0;
  if (res.body) for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  return { status: res.status, bytes };
}

const tally = (results: { status: number; bytes: number }[]) => {
  const counts = new Map<number, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const statuses = [...counts].map(([status, n]) => `${n} x ${status}`).join(', ');
  const mb = Math.max(...results.map((r) => r.bytes)) / 1e6;
  return `${statuses}; ${mb.toFixed(1)} MB`;
};

export async function benchExportStall(): Promise<boolean> {
  const server = await startBenchServer({ seed });
  try {
    const participant = await server.login(BENCH_PARTICIPANT.email, BENCH_PARTICIPANT.password);
    const others = [participant];
    for (let i = 1; i < CONCURRENT; i++)
      others.push(await server.login(otherEmail(i), OTHER_PASSWORD));
    const idle = await probe(server.url, server.pid, () => new Promise((r) => setTimeout(r, 3000)));
    console.log(
      `\n### Comment log exports, ${COMMENTS.toLocaleString('en-GB')} comments (issue 9 item 4), health polled every 10 ms\n`,
    );
    console.log(`| case ${PROBE_COLUMNS} answers; largest file |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(probeRow('idle (baseline)', idle, idle, ['']));
    let met = true;
    for (const format of ['csv', 'xlsx']) {
      const cases = [
        { name: `1 ${format} export`, tokens: [participant] },
        {
          name: `${CONCURRENT} ${format} exports, one participant`,
          tokens: Array.from({ length: CONCURRENT }, () => participant),
        },
        { name: `${CONCURRENT} ${format} exports, ${CONCURRENT} participants`, tokens: others },
      ];
      for (const c of cases) {
        const run = await probe(server.url, server.pid, () =>
          Promise.all(c.tokens.map((token) => exportOnce(server, token, format))),
        );
        met &&= run.health.p99 <= TARGET_P99_RATIO * Math.max(idle.health.p99, 10);
        console.log(probeRow(c.name, run, idle, [tally(run.value)]));
      }
    }
    console.log(
      `\nHealth p99 within ${TARGET_P99_RATIO}x of idle (or of 10 ms) during every case: ${met ? 'met' : 'NOT met'}`,
    );
    return met;
  } finally {
    await server.stop();
  }
}
