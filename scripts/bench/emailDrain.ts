// Issue 13 target: the email worker draining 2,000 due notifications through a local SMTP server
// does not slow GET /api/health p99 by more than 2x its idle p99 measured in the same run.
// The rows are seeded due in a year's time; the idle baseline is measured; then they are made due
// at once and health is polled until every one is sent. BENCH_DATABASE_URL: PostgreSQL.
import { openDatabase, sqliteFileIn, type Db } from '../../server/db/database.js';
import { startTestSmtp } from '../../test/helpers/smtp.js';
import { startBenchServer } from './harness.js';
import { PROBE_COLUMNS, probe, probeRow, settle } from './probe.js';

const EMAILS = 2000;
const USERS = 200;
const FAR = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

async function seedOutbox(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const users = Array.from({ length: USERS }, (_, i) => ({
    id: `bench-user-${i}`,
    email: `bench-${i}@example.org`,
    name: `Bench user ${i}`,
    role: 'programme' as const,
    organisationId: null,
    code: null,
    passwordHash: 'not-a-hash',
    active: 1,
    tokenVersion: 0,
    createdAt: now,
    updatedAt: now,
  }));
  await db.kysely.insertInto('users').values(users).execute();
  const rows = Array.from({ length: EMAILS }, (_, i) => ({
    recipientId: `bench-user-${i % USERS}`,
    eventKey: `bench:${i}`,
    category: 'consultations' as const,
    kind: 'consultation.opened',
    title: `Consultation ${i} opened`,
    body: 'The consultation on the M6 code artefacts is open for comment until 5pm on Friday. '.repeat(
      5,
    ),
    link: `/consultations?c=${i}`,
    entity: 'consultation',
    entityId: String(i),
    createdAt: now,
    updatedAt: now,
    emailStatus: 'pending' as const,
    emailDueAt: FAR,
    count: 1,
    emailAttempts: 0,
    readAt: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db.kysely
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function benchEmailDrain(): Promise<boolean> {
  const smtp = await startTestSmtp();
  const saved = { ...process.env };
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    EMAIL_INTERVAL_MS: '200',
    PUBLIC_URL: 'https://m6.example.org',
  });
  const server = await startBenchServer({ seed: seedOutbox }).finally(() => {
    process.env = saved;
  });
  const db = process.env.BENCH_DATABASE_URL
    ? openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, poolSize: 2 })
    : openDatabase({ sqliteFile: sqliteFileIn(server.dataDir) });
  try {
    await settle(server.pid);
    const idle = await probe(server.url, server.pid, () => new Promise((r) => setTimeout(r, 3000)));
    const unsent = async () => {
      const row = await db.kysely
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('emailStatus', 'in', ['pending', 'sending'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const run = await probe(server.url, server.pid, async () => {
      await db.kysely
        .updateTable('notifications')
        .set({ emailDueAt: new Date().toISOString() })
        .where('emailStatus', '=', 'pending')
        .execute();
      while ((await unsent()) > 0) await new Promise((r) => setTimeout(r, 100));
    });
    const received = smtp.messages.length;
    const ratio = run.health.p99 / idle.health.p99;
    const met = received === EMAILS && ratio <= 2;
    const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    console.log(
      `\n### Draining ${EMAILS} due emails through a local SMTP server (${dialect}), health polled every 10 ms\n`,
    );
    console.log(`| case ${PROBE_COLUMNS} emails received | target |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(probeRow('idle (baseline)', idle, idle, ['', '']));
    console.log(
      probeRow('draining the outbox', run, idle, [
        `${received} (${((received / run.ms) * 1000).toFixed(0)}/s)`,
        `all ${EMAILS} sent and health p99 <= 2x idle: ${met ? 'met' : 'NOT met'}`,
      ]),
    );
    return met;
  } finally {
    await db.close();
    await server.stop();
    await smtp.close();
  }
}
