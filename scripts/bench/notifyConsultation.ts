// Issue 13 target: opening a consultation over the 81 artefacts for 2,000 users writes its
// notifications in under 2 s. 2,000 users across 200 participant organisations and the three
// code bodies, some with a digest, email off or a category unsubscribed, some inactive. The
// consultation is created already open, so the command's own transaction writes one row per
// participant and code-body user; closing it early writes the same again. Measured in-process on
// a fresh database: SQLite in a temporary file, or a throwaway schema of BENCH_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { closeConsultation } from '../../server/commands/closeConsultation.js';
import { createConsultation } from '../../server/commands/createConsultation.js';
import { seedRegistry } from '../../server/commands/seedRegistry.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/db/database.js';
import type { Database } from '../../server/db/schema.js';
import type { Insertable } from 'kysely';
import { newId } from '../../server/lib/ids.js';

const USERS = 2_000;
const TARGET_MS = 2_000;

async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_notify_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema ${schema}`);
    const db = openDatabase({ databaseUrl: url, pgSchema: schema });
    return {
      db,
      async drop() {
        await db.close();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-bench-notify-'));
  const db = openDatabase({ sqliteFile: path.join(dir, 'm6.sqlite') });
  return {
    db,
    async drop() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 2,000 users: mostly participants of 200 organisations, 150 code-body users, a few overseers. */
async function seedUsers(db: Db): Promise<string> {
  const now = new Date().toISOString();
  const orgs = Array.from({ length: 200 }, (_, i) => ({
    id: newId(),
    name: `Bench Supplier ${i}`,
    kind: 'participant' as const,
    marketRole: 'supplier',
    code: null,
    createdAt: now,
  }));
  await db.kysely.insertInto('organisations').values(orgs).execute();
  const codes = ['BSC', 'REC', 'DCUSA'];
  const users: Insertable<Database['users']>[] = Array.from({ length: USERS }, (_, i) => {
    const role = i < 20 ? 'programme' : i < 30 ? 'sro' : i < 180 ? 'code_body' : 'participant';
    return {
      id: newId(),
      email: `bench-${i}@example.org`,
      name: `Bench user ${i}`,
      role,
      organisationId: role === 'participant' ? (orgs[i % orgs.length]?.id ?? null) : null,
      code: role === 'code_body' ? (codes[i % codes.length] ?? null) : null,
      // Never signed in with: the hash is not checked here.
      passwordHash: 'x',
      active: i % 97 === 0 ? 0 : 1,
      tokenVersion: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < users.length; i += 200)
    await db.kysely
      .insertInto('users')
      .values(users.slice(i, i + 200))
      .execute();
  const settings = users
    .filter((_, i) => i % 5 === 0)
    .map((u, i) => ({
      userId: u.id,
      emailMode: i % 2 === 0 ? ('digest' as const) : ('off' as const),
      digestHour: 8,
      updatedAt: now,
    }));
  await db.kysely.insertInto('notificationSettings').values(settings).execute();
  const optOuts = users
    .filter((_, i) => i % 7 === 0)
    .map((u) => ({ userId: u.id, category: 'consultations' as const, createdAt: now }));
  await db.kysely.insertInto('emailOptOuts').values(optOuts).execute();
  return users[0]?.id ?? '';
}

export async function benchNotifyConsultation(): Promise<boolean> {
  const { db, drop } = await freshDb();
  try {
    await migrateToLatest(db);
    await seedRegistry(db);
    const programmeId = await seedUsers(db);
    const actor = { id: programmeId, role: 'programme' as const, code: null, organisationId: null };
    const artefacts = await db.kysely.selectFrom('artefacts').select('id').execute();
    const hour = 3_600_000;
    const started = performance.now();
    const consultation = await createConsultation(db, actor, {
      title: 'Bench consultation',
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 14 * 24 * hour).toISOString(),
      artefacts: artefacts.map((a) => a.id),
    });
    const openMs = performance.now() - started;
    const count = async (kind: string) =>
      Number(
        (
          await db.kysely
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('kind', '=', kind)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const opened = await count('consultation.opened');
    const closeStarted = performance.now();
    await closeConsultation(db, actor, consultation.id, { reason: 'Bench' });
    const closeMs = performance.now() - closeStarted;
    const closed = await count('consultation.closed');
    const met = openMs < TARGET_MS && closeMs < TARGET_MS && opened > 0 && closed === opened;
    const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    console.log(
      `\n### Opening a consultation over ${artefacts.length} artefacts for ${USERS} users (${dialect})\n`,
    );
    console.log('| case | notifications written | ms (whole command) | target |');
    console.log('|---|---|---|---|');
    console.log(
      `| create, already open | ${opened} | ${openMs.toFixed(0)} | < ${TARGET_MS} ${openMs < TARGET_MS ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| close early | ${closed} | ${closeMs.toFixed(0)} | < ${TARGET_MS} ${closeMs < TARGET_MS ? 'met' : 'NOT met'} |`,
    );
    return met;
  } finally {
    await drop();
  }
}
