import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { pino } from 'pino';
import { createOrganisation } from '../../../server/commands/createOrganisation.js';
import {
  databaseMigrator,
  openDatabase,
  sqliteFileIn,
  type Db,
} from '../../../server/db/database.js';
import { migrationsFor } from '../../../server/db/migrations/index.js';
import { checkAuditChainAtStart, verifyAuditChain } from '../../../server/db/verifyAuditChain.js';
import { auditEventHash } from '../../../server/domain/auditChain.js';
import { childDatabase } from '../../helpers/childServer.js';
import { createTestDb, testDialects } from '../../helpers/db.js';

const addOrganisation = (db: Db) =>
  createOrganisation(db, null, {
    name: `Chain Org ${randomBytes(6).toString('hex')}`,
    kind: 'participant',
    marketRole: 'supplier',
  });

async function eventIds(db: Db): Promise<number[]> {
  const rows = await db.kysely.selectFrom('auditEvents').select('id').orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

for (const dialect of testDialects()) {
  describe(`audit log hash chain (${dialect})`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let ids: number[];
    beforeEach(async () => {
      ({ db, cleanup } = await createTestDb(dialect));
      for (let i = 0; i < 5; i++) await addOrganisation(db);
      ids = await eventIds(db);
    });
    afterEach(() => cleanup());

    const at = (i: number) => ids.at(i) as number;

    it('verifies a fresh log with events', async () => {
      expect(ids).to.have.length(5);
      expect(await verifyAuditChain(db)).to.deep.equal({
        ok: true,
        events: 5,
        firstBrokenAt: null,
      });
    });

    it("finds an event whose recorded 'after' was changed", async () => {
      await sql`update audit_events set after = '{"name":"Forged"}' where id = ${at(2)}`.execute(
        db.kysely,
      );
      expect(await verifyAuditChain(db)).to.deep.equal({
        ok: false,
        events: 2,
        firstBrokenAt: at(2),
      });
    });

    it('finds an event deleted from the middle, at the event after it', async () => {
      await sql`delete from audit_events where id = ${at(2)}`.execute(db.kysely);
      const result = await verifyAuditChain(db);
      expect(result).to.include({ ok: false, firstBrokenAt: at(3) });
    });

    it('finds the newest event deleted', async () => {
      await sql`delete from audit_events where id = ${at(4)}`.execute(db.kysely);
      expect(await verifyAuditChain(db)).to.deep.equal({
        ok: false,
        events: 4,
        firstBrokenAt: at(4),
      });
    });

    it('finds a forged event, even one linked and hashed like the real ones', async () => {
      const last = await db.kysely
        .selectFrom('auditEvents')
        .select('hash')
        .where('id', '=', at(4))
        .executeTakeFirstOrThrow();
      const forged = {
        id: at(4) + 1,
        prevHash: last.hash as string,
        actorId: null,
        action: 'user.create',
        entity: 'user',
        entityId: 'u-forged',
        before: null,
        after: '{"role":"admin"}',
        at: new Date().toISOString(),
      };
      await db.kysely
        .insertInto('auditEvents')
        .values({ ...forged, hash: auditEventHash(forged) })
        .execute();
      expect(await verifyAuditChain(db)).to.deep.equal({
        ok: false,
        events: 5,
        firstBrokenAt: forged.id,
      });
    });

    it('finds a forged event without a hash slipped into the middle', async () => {
      await sql`delete from audit_events where id = ${at(2)}`.execute(db.kysely);
      await db.kysely
        .insertInto('auditEvents')
        .values({
          id: at(2),
          actorId: null,
          action: 'organisation.create',
          entity: 'organisation',
          entityId: 'o-forged',
          before: null,
          after: '{}',
          at: new Date().toISOString(),
          prevHash: null,
          hash: null,
        })
        .execute();
      expect(await verifyAuditChain(db)).to.include({ ok: false, firstBrokenAt: at(2) });
    });

    it('is checked at start, with a loud error naming the first broken event', async () => {
      const lines: { level: number; msg: string; firstBrokenAt?: number }[] = [];
      const logger = pino({}, { write: (line: string) => void lines.push(JSON.parse(line)) });
      await checkAuditChainAtStart(db, logger);
      expect(lines.map((l) => [l.level, l.msg])).to.deep.equal([
        [30, 'audit log hash chain verified'],
      ]);
      await sql`update audit_events set entity_id = 'other' where id = ${at(1)}`.execute(db.kysely);
      await checkAuditChainAtStart(db, logger);
      const error = lines[1];
      expect(error?.level).to.equal(50);
      expect(error?.firstBrokenAt).to.equal(at(1));
      expect(error?.msg).to.include(`AUDIT LOG TAMPERED OR DAMAGED`);
      expect(error?.msg).to.include(`event ${at(1)}`);
    });

    it('stays valid under many concurrent commands', async () => {
      await Promise.all(Array.from({ length: 40 }, () => addOrganisation(db)));
      expect(await verifyAuditChain(db)).to.deep.equal({
        ok: true,
        events: 45,
        firstBrokenAt: null,
      });
    });
  });

  describe(`audit log hash chain on an upgraded database (${dialect})`, () => {
    it('chains the events logged before the chain existed, in id order', async () => {
      const store = await childDatabase(dialect);
      const db = openDatabase(
        store.databaseUrl
          ? { databaseUrl: store.databaseUrl }
          : { sqliteFile: sqliteFileIn(store.dataDir) },
      );
      try {
        const migrations = migrationsFor(db.dialect);
        const names = Object.keys(migrations);
        const before = names[names.indexOf('0006_audit_chain') - 1] as string;
        const migrator = await databaseMigrator(db);
        // The schema before the chain, with a log written by the old writer.
        expect((await migrator.migrateTo(before)).error).to.equal(undefined);
        for (let i = 0; i < 3; i++) {
          await sql`insert into audit_events (actor_id, action, entity, entity_id, before, after, at)
            values (null, 'organisation.create', 'organisation', ${`o-${i}`}, null, '{}',
              ${new Date().toISOString()})`.execute(db.kysely);
        }
        expect((await migrator.migrateToLatest()).error).to.equal(undefined);
        expect(await verifyAuditChain(db)).to.deep.equal({
          ok: true,
          events: 3,
          firstBrokenAt: null,
        });
        await addOrganisation(db);
        expect(await verifyAuditChain(db)).to.include({ ok: true, events: 4 });
      } finally {
        await db.close();
        await store.cleanup();
      }
    });
  });
}
