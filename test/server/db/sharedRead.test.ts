import { expect } from 'chai';
import v8 from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { writeAudit } from '../../../server/db/audit.js';
import type { Db } from '../../../server/db/database.js';
import { loadReadinessFacts } from '../../../server/db/queries/readinessFacts.js';
import { readDataVersion } from '../../../server/db/readCache.js';
import { sharedRead } from '../../../server/db/sharedRead.js';
import { computeReadiness } from '../../../server/domain/readiness.js';
import { nowIso } from '../../../server/lib/ids.js';
import { currentReadiness } from '../../../server/readiness.js';
import { createTestDb, testDialects, type TestDb } from '../../helpers/db.js';
import { openSameDatabase } from '../../helpers/secondInstance.js';

async function auditedWrite(db: Db): Promise<void> {
  await db.kysely
    .transaction()
    .execute((trx) =>
      writeAudit(trx, { actorId: null, action: 'test.write', entity: 'settings', entityId: 'x' }),
    );
}

for (const dialect of testDialects()) {
  describe(`sharedRead across two instances on one database (${dialect})`, () => {
    let t: TestDb;
    let other: Db;
    beforeEach(async () => {
      t = await createTestDb(dialect);
      other = await openSameDatabase(t.db);
    });
    afterEach(async () => {
      await other.close();
      await t.cleanup();
    });

    it('computes once per data version for all instances, again after a write', async () => {
      const computed: string[] = [];
      const read = (db: Db, name: string) =>
        sharedRead(db, 'k', 's', async () => {
          computed.push(name);
          return { n: computed.length };
        });
      expect(await read(t.db, 'first')).to.deep.equal({ n: 1 });
      expect(await read(other, 'second')).to.deep.equal({ n: 1 });
      expect(await read(other, 'second')).to.deep.equal({ n: 1 });
      expect(computed).to.deep.equal(['first']);

      await auditedWrite(other);
      expect(await read(t.db, 'first')).to.deep.equal({ n: 2 });
      expect(await read(other, 'second')).to.deep.equal({ n: 2 });
      expect(computed).to.deep.equal(['first', 'first']);
    });

    it('computes again for a new stamp at the same data version', async () => {
      let computed = 0;
      const read = (db: Db, stamp: string) => sharedRead(db, 'k', stamp, async () => ++computed);
      expect(await read(t.db, '12:00')).to.equal(1);
      expect(await read(other, '12:00')).to.equal(1);
      expect(await read(other, '12:01')).to.equal(2);
      expect(await read(t.db, '12:01')).to.equal(2);
    });

    it('lets concurrent readers in one instance wait for one computation', async () => {
      let computed = 0;
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          sharedRead(t.db, 'k', 's', async () => {
            computed++;
            await new Promise((r) => setTimeout(r, 20));
            return 'value';
          }),
        ),
      );
      expect(results).to.deep.equal(Array(8).fill('value'));
      expect(computed).to.equal(1);
    });

    it('never replaces a value stored for a later data version', async () => {
      const version = await readDataVersion(t.db);
      await t.db.kysely
        .insertInto('sharedReads')
        .values({
          key: 'k',
          dataVersion: version + 5,
          stamp: 's',
          value: deflateRawSync(v8.serialize('later')),
        })
        .execute();
      expect(await sharedRead(t.db, 'k', 's', async () => 'slow')).to.equal('slow');
      const row = await t.db.kysely
        .selectFrom('sharedReads')
        .selectAll()
        .where('key', '=', 'k')
        .executeTakeFirstOrThrow();
      expect(Number(row.dataVersion)).to.equal(version + 5);
      expect(v8.deserialize(inflateRawSync(row.value))).to.equal('later');
    });

    it('gives the second instance the readiness evaluation the first computed', async () => {
      const first = await currentReadiness(t.db);
      const stored = await t.db.kysely
        .selectFrom('sharedReads')
        .select(['dataVersion'])
        .where('key', '=', 'readiness')
        .executeTakeFirstOrThrow();
      expect(Number(stored.dataVersion)).to.equal(await readDataVersion(t.db));
      const second = await currentReadiness(other);
      expect(second).to.deep.equal(first);
      const fresh = computeReadiness(await loadReadinessFacts(other, nowIso()));
      expect({ ...second, evaluatedAt: fresh.evaluatedAt }).to.deep.equal(fresh);
    });
  });
}
