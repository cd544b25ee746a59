// Issue 14 item 1: a code body brings back decisions made in the spreadsheet. The worst case it
// can send is its whole log with a decision changed on every row: here about 14,600 comments on
// the BSC's artefacts, 5,000 of them open and decided in the file, in one all-or-nothing import.
// GET /api/health is polled every 10 ms meanwhile; its p99 is reported against the idle server's.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { createOrganisation } from '../../server/commands/createOrganisation.js';
import { createUser } from '../../server/commands/createUser.js';
import type { Db } from '../../server/db/database.js';
import { startBenchServer } from './harness.js';
import { PROBE_COLUMNS, probe, probeRow } from './probe.js';
import { seedComments } from './seedComments.js';

const COMMENTS = 20_000;
const DECISIONS = 5_000;
const TARGET_P99_RATIO = 10;
const CODE_BODY = { email: 'bench-bsc@example.org', password: 'bench-code-body-pw' };

async function seed(db: Db): Promise<void> {
  await seedComments(db, COMMENTS);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  const elexon = await createOrganisation(db, null, {
    name: 'Bench Elexon',
    kind: 'code_body',
    code: 'BSC',
  });
  await createUser(db, null, {
    ...CODE_BODY,
    name: 'Bench BSC',
    role: 'code_body',
    organisationId: elexon.id,
    code: 'BSC',
  });
}

/** The log with the first `count` open comments accepted, as the code body saves it. */
function decideInFile(csv: string, count: number): { file: string; decided: number } {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  let decided = 0;
  for (const row of rows) {
    if (decided === count) break;
    if (row.Status !== 'Open') continue;
    row.Status = 'Accepted';
    row['Code body response'] = 'Agreed: the next draft names the responsible party.';
    decided++;
  }
  const columns = Object.keys(rows[0] ?? {});
  return { file: stringify(rows, { header: true, columns }), decided };
}

export async function benchImportDecisions(): Promise<boolean> {
  const server = await startBenchServer({ seed });
  try {
    const token = await server.login(CODE_BODY.email, CODE_BODY.password);
    const auth = { authorization: `Bearer ${token}` };
    const exported = await fetch(`${server.url}/api/comments/export?format=csv&code=BSC`, {
      headers: auth,
    });
    const { file, decided } = decideInFile(await exported.text(), DECISIONS);
    const idle = await probe(server.url, server.pid, () => new Promise((r) => setTimeout(r, 3000)));
    const run = await probe(server.url, server.pid, async () => {
      const res = await fetch(`${server.url}/api/comments/import`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: file,
      });
      const body = (await res.json()) as {
        data?: { updated: unknown[]; unchanged: unknown[]; total: number };
        error?: { message: string };
      };
      return { status: res.status, body };
    });
    const data = run.value.body.data;
    const answer = data
      ? `${run.value.status}: ${data.updated.length} updated, ${data.unchanged.length} unchanged of ${data.total} rows`
      : `${run.value.status}: ${run.value.body.error?.message ?? ''}`;
    const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    console.log(
      `\n### Comment log import applying ${decided.toLocaleString('en-GB')} decisions (${dialect}), health polled every 10 ms\n`,
    );
    console.log(`| case ${PROBE_COLUMNS} answer |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(probeRow('idle (baseline)', idle, idle, ['']));
    console.log(probeRow('one import', run, idle, [answer]));
    const met =
      run.value.status === 200 &&
      data?.updated.length === decided &&
      run.health.p99 <= TARGET_P99_RATIO * Math.max(idle.health.p99, 10);
    console.log(
      `\nTarget: every decision applied, and health p99 within ${TARGET_P99_RATIO}x of idle (idle floored at 10 ms): ${met ? 'met' : 'NOT met'}`,
    );
    return met;
  } finally {
    await server.stop();
  }
}
