import { expect } from 'chai';
import { sql } from 'kysely';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';
import { databaseMigrator, openDatabase, sqliteFileIn } from '../../../server/db/database.js';
import { childDatabase } from '../../helpers/childServer.js';
import { testDialects } from '../../helpers/db.js';

for (const dialect of testDialects()) {
  describe(`work-off register on an upgraded database (${dialect})`, () => {
    it('keeps the items made at the baseline, owned by their artefact’s code body', async () => {
      const store = await childDatabase(dialect);
      const db = openDatabase(
        store.databaseUrl
          ? { databaseUrl: store.databaseUrl }
          : { sqliteFile: sqliteFileIn(store.dataDir) },
      );
      try {
        const migrator = await databaseMigrator(db);
        expect((await migrator.migrateTo('0010_consultation_changes')).error).to.equal(undefined);
        await seedRegistry(db);
        const at = new Date().toISOString();
        const k = db.kysely;
        const artefact = await k
          .selectFrom('artefacts')
          .select(['id', 'code'])
          .where('reference', '=', 'BSCP701')
          .executeTakeFirstOrThrow();
        await sql`insert into artefact_versions
          (id, artefact_id, label, body, html, clauses, change_note, incorporates, is_baseline, created_at)
          values ('v1', ${artefact.id}, 'v1', '', '', '[]', '', '[]', 1, ${at})`.execute(k);
        await sql`insert into comments
          (id, ref, artefact_id, version_id, clause_ref, category, severity, severity_rank, body,
           confidential, status, revision, created_at, updated_at)
          values ('c1', 'C-000001', ${artefact.id}, 'v1', '1.1', 'drafting', 'low', 1, 'Later',
           0, 'deferred', 2, ${at}, ${at})`.execute(k);
        await sql`insert into recommendations (id, verdict, snapshot, fingerprint, created_at)
          values ('r1', 'ready', '{}', 'f', ${at})`.execute(k);
        await sql`insert into baselines (id, recommendation_id, created_at)
          values ('b1', 'r1', ${at})`.execute(k);
        await sql`insert into work_off_items (id, baseline_id, comment_id, created_at)
          values ('w1', 'b1', 'c1', ${at})`.execute(k);

        expect((await migrator.migrateToLatest()).error).to.equal(undefined);
        const items = await k.selectFrom('workOffItems').selectAll().execute();
        expect(items).to.deep.equal([
          {
            id: 'w1',
            baselineId: 'b1',
            commentId: 'c1',
            changeId: null,
            ownerCode: artefact.code,
            target: null,
            status: 'open',
            notes: '',
            revision: 1,
            createdAt: at,
            updatedAt: at,
            updatedBy: null,
          },
        ]);
        // One item per source, and exactly one source, are the database's own rules now.
        const again = await sql`insert into work_off_items
          (id, baseline_id, comment_id, created_at, updated_at)
          values ('w2', 'b1', 'c1', ${at}, ${at})`
          .execute(k)
          .then(
            () => 'inserted',
            () => 'refused',
          );
        expect(again).to.equal('refused');
        const none = await sql`insert into work_off_items (id, baseline_id, created_at, updated_at)
          values ('w3', 'b1', ${at}, ${at})`
          .execute(k)
          .then(
            () => 'inserted',
            () => 'refused',
          );
        expect(none).to.equal('refused');
      } finally {
        await db.close();
        await store.cleanup();
      }
    });
  });
}
