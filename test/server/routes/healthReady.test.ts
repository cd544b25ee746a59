import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { pino } from 'pino';
import { createApp } from '../../../server/app.js';
import { openDatabase, sqliteFileIn, type Db } from '../../../server/db/database.js';
import { migrationsFor } from '../../../server/db/migrations/index.js';
import { childDatabase, type ChildDatabase } from '../../helpers/childServer.js';
import { createTestDb, testDialects, type TestDb } from '../../helpers/db.js';

/** GET /api/health/ready of the real app over `db`. */
async function ready(db: Db) {
  const app = createApp({ db, jwtSecret: 'x'.repeat(32), logger: pino({ level: 'silent' }) });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

for (const dialect of testDialects()) {
  describe(`GET /api/health/ready (${dialect})`, () => {
    const known = Object.keys(migrationsFor(dialect));

    describe('on a migrated database', () => {
      let store: TestDb;
      beforeEach(async () => {
        store = await createTestDb(dialect);
      });
      afterEach(() => store.cleanup());

      it('answers 200 without signing in', async () => {
        expect(await ready(store.db)).to.deep.equal({
          status: 200,
          body: { status: 'ready', db: dialect },
        });
      });

      it('answers 503 naming a migration the database has not run (an older backup restored)', async () => {
        const newest = known[known.length - 1] as string;
        await sql`delete from kysely_migration where name = ${newest}`.execute(store.db.kysely);
        expect(await ready(store.db)).to.deep.equal({
          status: 503,
          body: {
            error: {
              code: 'not_ready',
              message:
                'The database lacks 1 migration(s) of this version; restarting an instance applies them',
              details: { reason: 'migrations_pending', pending: [newest] },
            },
          },
        });
      });
    });

    describe('on a database never migrated', () => {
      let store: ChildDatabase;
      let db: Db;
      beforeEach(async () => {
        store = await childDatabase(dialect);
        db = openDatabase({
          databaseUrl: store.databaseUrl,
          sqliteFile: sqliteFileIn(store.dataDir),
        });
      });
      afterEach(async () => {
        await db.close();
        await store.cleanup();
      });

      it('answers 503 listing every migration', async () => {
        const res = await ready(db);
        expect(res.status).to.equal(503);
        expect(res.body.error).to.deep.include({ code: 'not_ready' });
        expect(res.body.error).to.have.nested.property('details.reason', 'migrations_pending');
        expect(res.body.error).to.have.deep.nested.property('details.pending', known);
      });
    });

    it('answers 503 when the database cannot be reached', async () => {
      // PostgreSQL: nothing listens on port 1. SQLite, embedded, has no server to lose: its
      // connection is closed under the app instead.
      const db = openDatabase(
        dialect === 'postgres'
          ? { databaseUrl: 'postgres://postgres@127.0.0.1:1/m6', poolSize: 1 }
          : { sqliteFile: ':memory:' },
      );
      if (dialect === 'sqlite') {
        await sql`select 1`.execute(db.kysely);
        await db.close();
      }
      try {
        expect(await ready(db)).to.deep.equal({
          status: 503,
          body: {
            error: {
              code: 'not_ready',
              message: 'The database cannot be reached',
              details: { reason: 'database_unreachable' },
            },
          },
        });
      } finally {
        if (dialect === 'postgres') await db.close();
      }
    });
  });
}
