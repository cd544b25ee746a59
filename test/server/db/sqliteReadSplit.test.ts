import { expect } from 'chai';
import { sql, type Kysely } from 'kysely';
import { atomically } from '../../../server/db/migrations/atomically.js';
import { createTestDb, type TestDb } from '../../helpers/db.js';

const failure = (work: Promise<unknown>) =>
  work.then(
    () => 'no error',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );

// The embedded database reads on a second connection, so a long write transaction (a publish)
// does not hold up reads; writes still take turns.
describe('SQLite reads beside a write transaction', () => {
  let t: TestDb;
  const count = async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from split_probe`.execute(
      t.db.kysely,
    );
    return Number(rows[0]!.n);
  };

  beforeEach(async () => {
    t = await createTestDb('sqlite');
    await sql`create table split_probe (id integer primary key, note text)`.execute(t.db.kysely);
  });
  afterEach(() => t.cleanup());

  it('answers a read at once with the last committed state, and holds a write until commit', async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let seenInside = -1;
    const transaction = t.db.kysely.transaction().execute(async (trx) => {
      await sql`insert into split_probe (note) values ('inside')`.execute(trx);
      const { rows } = await sql<{ n: number }>`select count(*) as n from split_probe`.execute(trx);
      seenInside = Number(rows[0]!.n);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(await count()).to.equal(0);

    let writeDone = false;
    const write = sql`insert into split_probe (note) values ('outside')`
      .execute(t.db.kysely)
      .then(() => (writeDone = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(writeDone, 'a write outside waits for the transaction').to.equal(false);

    finish();
    await transaction;
    await write;
    expect(seenInside, 'the transaction sees its own insert').to.equal(1);
    expect(await count()).to.equal(2);
  });

  it('gives the turn back after a rolled-back transaction', async () => {
    const failing = t.db.kysely.transaction().execute(async (trx) => {
      await sql`insert into split_probe (note) values ('lost')`.execute(trx);
      throw new Error('abandoned');
    });
    expect(await failure(failing)).to.equal('abandoned');
    await sql`insert into split_probe (note) values ('kept')`.execute(t.db.kysely);
    expect(await count()).to.equal(1);
  });

  it('keeps a transaction begun in plain SQL (a migration) on one connection', async () => {
    let seenInside = -1;
    await atomically(t.db.kysely as unknown as Kysely<unknown>, 'sqlite', async () => {
      await sql`insert into split_probe (note) values ('migrated')`.execute(t.db.kysely);
      seenInside = await count();
    });
    expect(seenInside).to.equal(1);
    const undone = atomically(t.db.kysely as unknown as Kysely<unknown>, 'sqlite', async () => {
      await sql`insert into split_probe (note) values ('undone')`.execute(t.db.kysely);
      throw new Error('migration failed');
    });
    expect(await failure(undone)).to.equal('migration failed');
    expect(await count()).to.equal(1);
    // The turn was given back: a Kysely transaction can start.
    await t.db.kysely.transaction().execute(async (trx) => {
      await sql`insert into split_probe (note) values ('after')`.execute(trx);
    });
    expect(await count()).to.equal(2);
  });

  it('runs a statement it has kept against the data and the schema as they are now', async () => {
    const notes = async () =>
      (
        await sql<Record<string, unknown>>`select * from split_probe order by id`.execute(
          t.db.kysely,
        )
      ).rows;
    const insert = (note: string) =>
      sql`insert into split_probe (note) values (${note})`.execute(t.db.kysely);
    await insert('first');
    expect(await notes()).to.deep.equal([{ id: 1, note: 'first' }]);
    await insert('second');
    expect((await notes()).map((row) => row.note)).to.deep.equal(['first', 'second']);
    await t.db.kysely.transaction().execute(async (trx) => {
      await sql`alter table split_probe add column page integer default 7`.execute(trx);
    });
    expect(await notes()).to.deep.equal([
      { id: 1, note: 'first', page: 7 },
      { id: 2, note: 'second', page: 7 },
    ]);
    await insert('third');
    expect(await count()).to.equal(3);
    // A statement that could not be prepared is tried again, and works once its table exists.
    const later = () =>
      sql<{ n: number }>`select count(*) as n from split_later`.execute(t.db.kysely);
    expect(await failure(later())).to.match(/no such table/);
    await sql`create table split_later (id integer primary key)`.execute(t.db.kysely);
    expect(Number((await later()).rows[0]!.n)).to.equal(0);
  });

  it('sends a statement that writes and returns rows to the writer', async () => {
    const { rows } = await sql<{
      id: number;
    }>`insert into split_probe (note) values ('returned') returning id`.execute(t.db.kysely);
    expect(rows).to.have.length(1);
    expect(await count()).to.equal(1);
  });
});
