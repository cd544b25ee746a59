import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../../server/boot.js';
import { openDatabase, sqliteFileIn, type Db } from '../../server/db/database.js';
import { testDialects, withSchemaLock } from '../helpers/db.js';

const INSTANCES = 4;

/** `count` handles on one fresh, unmigrated database, as separate instances would open it. */
async function freshDatabase(dialect: string, count: number) {
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const schema = `test_boot_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handles = Array.from({ length: count }, () =>
      openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 }),
    );
    return {
      handles,
      async cleanup() {
        await Promise.all(handles.map((db) => db.close()));
        await withSchemaLock(url, (client) => client.query(`drop schema ${schema} cascade`));
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-boot-'));
  const handles = Array.from({ length: count }, () =>
    openDatabase({ sqliteFile: sqliteFileIn(dir) }),
  );
  return {
    handles,
    async cleanup() {
      await Promise.all(handles.map((db) => db.close()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function tally(db: Db) {
  const count = async (table: 'artefacts' | 'changes' | 'codeBodies') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const admins = await db.kysely.selectFrom('users').select('email').where('role', '=', 'admin');
  return {
    artefacts: await count('artefacts'),
    changes: await count('changes'),
    codeBodies: await count('codeBodies'),
    admins: (await admins.execute()).map((row) => row.email),
  };
}

for (const dialect of testDialects()) {
  describe(`starting instances together on one new database (${dialect})`, () => {
    it('migrates, seeds the registry and creates the first admin exactly once', async () => {
      // SQLite is embedded in one process, so its instances start one after another.
      const count = dialect === 'postgres' ? INSTANCES : 2;
      const { handles, cleanup } = await freshDatabase(dialect, count);
      try {
        const config = { adminEmail: 'first@example.org', adminPassword: undefined };
        const results =
          dialect === 'postgres'
            ? await Promise.all(handles.map((db) => prepareDatabase(db, config)))
            : [
                await prepareDatabase(handles[0] as Db, config),
                await prepareDatabase(handles[1] as Db, config),
              ];
        expect(results.filter((r) => r.created)).to.have.length(1);
        const counts = await tally(handles[0] as Db);
        expect(counts.artefacts).to.equal(81);
        expect(counts.changes).to.be.greaterThan(0);
        expect(counts.admins).to.deep.equal(['first@example.org']);
        // Every instance sees the same, complete registry.
        for (const db of handles) expect(await tally(db)).to.deep.equal(counts);
      } finally {
        await cleanup();
      }
    });
  });
}
