import { expect } from 'chai';
import { sql } from 'kysely';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';
import { databaseMigrator, openDatabase, sqliteFileIn } from '../../../server/db/database.js';
import { searchClauses } from '../../../server/db/queries/search.js';
import { parseSearchQuery } from '../../../server/domain/searchQuery.js';
import { childDatabase } from '../../helpers/childServer.js';
import { testDialects } from '../../helpers/db.js';

for (const dialect of testDialects()) {
  describe(`search index on an upgraded database (${dialect})`, () => {
    it('indexes the clauses of every version published before the upgrade', async () => {
      const store = await childDatabase(dialect);
      const db = openDatabase(
        store.databaseUrl
          ? { databaseUrl: store.databaseUrl }
          : { sqliteFile: sqliteFileIn(store.dataDir) },
      );
      try {
        const migrator = await databaseMigrator(db);
        expect((await migrator.migrateTo('0014_version_resolves')).error).to.equal(undefined);
        await seedRegistry(db);
        const k = db.kysely;
        const artefact = await k
          .selectFrom('artefacts')
          .select('id')
          .where('reference', '=', 'Section S')
          .executeTakeFirstOrThrow();
        const at = new Date().toISOString();
        // More versions than the backfill's batch, so that it must go on past the first.
        const count = 120;
        for (let i = 0; i < count; i++) {
          const clauses = JSON.stringify([
            {
              ref: '1',
              heading: 'Agents',
              text: '',
              anchor: 'c-1',
              level: 1,
              parentRef: null,
              line: 1,
            },
            {
              ref: '1.1',
              heading: null,
              text: `Version ${i} appoints a Data Collector for each Metering System.`,
              anchor: 'c-1-1',
              level: 2,
              parentRef: '1',
              line: 3,
            },
          ]);
          await sql`insert into artefact_versions
            (id, artefact_id, label, body, html, clauses, change_note, incorporates, is_baseline, created_at)
            values (${`v${String(i).padStart(3, '0')}`}, ${artefact.id}, ${`v${i}`}, '', '', ${clauses},
              '', '[]', 0, ${at})`.execute(k);
        }
        await k
          .updateTable('artefacts')
          .set({ currentVersionId: 'v119' })
          .where('id', '=', artefact.id)
          .execute();

        expect((await migrator.migrateToLatest()).error).to.equal(undefined);
        const terms = parseSearchQuery('"data collectors"');
        const page = { limit: 200, offset: 0 };
        const { rows: all } = await searchClauses(db, terms, { version: 'all' }, page);
        expect(all).to.have.length(count);
        expect(new Set(all.map((h) => h.versionId)).size).to.equal(count);
        const { rows: current } = await searchClauses(db, terms, { version: 'current' }, page);
        expect(current.map((h) => [h.versionId, h.clauseRef, h.anchor])).to.deep.equal([
          ['v119', '1.1', 'c-1-1'],
        ]);
        const { rows: headings } = await searchClauses(
          db,
          parseSearchQuery('agents'),
          { version: 'all' },
          page,
        );
        expect(headings).to.have.length(count);
      } finally {
        await db.close();
        await store.cleanup();
      }
    });
  });
}
