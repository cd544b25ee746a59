import { expect } from 'chai';
import { writeAudit } from '../../../server/db/audit.js';
import { cachedRead, ReadCache } from '../../../server/db/readCache.js';
import { createTestDb, testDialects, type TestDb } from '../../helpers/db.js';

describe('ReadCache', () => {
  it('returns a value only for the version it was stored at', () => {
    const cache = new ReadCache(10);
    cache.set('k', 1, 'one');
    expect(cache.get('k', 1)).to.equal('one');
    expect(cache.get('k', 2)).to.equal(undefined);
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new ReadCache(2);
    cache.set('a', 1, 'A');
    cache.set('b', 1, 'B');
    cache.get('a', 1);
    cache.set('c', 1, 'C');
    expect(cache.get('a', 1)).to.equal('A');
    expect(cache.get('b', 1)).to.equal(undefined);
    expect(cache.get('c', 1)).to.equal('C');
  });
});

for (const dialect of testDialects()) {
  describe(`cachedRead (${dialect})`, () => {
    let t: TestDb;
    beforeEach(async () => {
      t = await createTestDb(dialect);
    });
    afterEach(() => t.cleanup());

    it('computes once until an audited write bumps the data version', async () => {
      let computed = 0;
      const read = () => cachedRead(t.db, 'key', async () => ++computed);
      expect(await read()).to.equal(1);
      expect(await read()).to.equal(1);
      await t.db.kysely
        .transaction()
        .execute((trx) =>
          writeAudit(trx, { actorId: null, action: 'test.write', entity: 'test', entityId: 'x' }),
        );
      expect(await read()).to.equal(2);
      expect(await read()).to.equal(2);
    });

    it('does not see a write that rolled back as a new version', async () => {
      let computed = 0;
      const read = () => cachedRead(t.db, 'key', async () => ++computed);
      await read();
      await t.db.kysely
        .transaction()
        .execute(async (trx) => {
          await writeAudit(trx, {
            actorId: null,
            action: 'test.write',
            entity: 'test',
            entityId: 'x',
          });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(await read()).to.equal(1);
    });
  });
}
