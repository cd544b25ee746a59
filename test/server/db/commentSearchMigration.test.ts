import { expect } from 'chai';
import { sql } from 'kysely';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';
import { databaseMigrator, openDatabase, sqliteFileIn } from '../../../server/db/database.js';
import { searchComments } from '../../../server/db/queries/search.js';
import { parseSearchQuery } from '../../../server/domain/searchQuery.js';
import type { CommentVisibility } from '../../../server/policies/commentVisibility.js';
import { childDatabase } from '../../helpers/childServer.js';
import { testDialects } from '../../helpers/db.js';

const everyone: CommentVisibility = { kind: 'all' };
const outsider: CommentVisibility = {
  kind: 'public-or-organisation',
  organisationId: 'org-elsewhere',
  authorId: 'someone-else',
};

for (const dialect of testDialects()) {
  describe(`comment search index on an upgraded database (${dialect})`, () => {
    it('indexes the comments written before the upgrade, and follows later edits and deletions', async () => {
      const store = await childDatabase(dialect);
      const db = openDatabase(
        store.databaseUrl
          ? { databaseUrl: store.databaseUrl }
          : { sqliteFile: sqliteFileIn(store.dataDir) },
      );
      try {
        const migrator = await databaseMigrator(db);
        expect((await migrator.migrateTo('0018_notifications')).error).to.equal(undefined);
        await seedRegistry(db);
        const k = db.kysely;
        const artefact = await k
          .selectFrom('artefacts')
          .select('id')
          .where('reference', '=', 'Section S')
          .executeTakeFirstOrThrow();
        const at = new Date().toISOString();
        await sql`insert into artefact_versions
          (id, artefact_id, label, body, html, clauses, change_note, incorporates, is_baseline, created_at)
          values ('v1', ${artefact.id}, 'v1', '', '', '[]', '', '[]', 0, ${at})`.execute(k);
        const insert = (id: string, body: string, proposed: string | null, confidential = 0) =>
          sql`insert into comments
            (id, ref, artefact_id, version_id, clause_ref, category, severity, severity_rank, body,
              proposed_text, confidential, status, revision, created_at, updated_at)
            values (${id}, ${`C-${id}`}, ${artefact.id}, 'v1', '1.1', 'drafting', 'medium', 2, ${body},
              ${proposed}, ${confidential}, 'open', 1, ${at}, ${at})`.execute(k);
        await insert('c1', 'The Data Collectors must be named.', null);
        await insert('c2', 'See proposal.', 'Each Supplier appoints a Data Collector.');
        await insert('c3', 'A confidential collector concern.', null, 1);

        expect((await migrator.migrateToLatest()).error).to.equal(undefined);
        const found = async (q: string, visibility: CommentVisibility = everyone) =>
          (
            await searchComments(db, visibility, parseSearchQuery(q), {}, { limit: 50, offset: 0 })
          ).map((r) => r.id);
        expect(await found('collector')).to.have.members(['c1', 'c2', 'c3']);
        expect(await found('"data collectors"')).to.have.members(['c1', 'c2']);
        expect(await found('collector', outsider)).to.have.members(['c1', 'c2']);

        // The triggers keep the index after the upgrade, whoever writes the comment.
        await insert('c4', 'A later collector.', null);
        await sql`update comments set body = 'Renamed to agents.' where id = 'c1'`.execute(k);
        await sql`delete from comments where id = 'c2'`.execute(k);
        expect(await found('collector')).to.have.members(['c3', 'c4']);
        expect(await found('agent')).to.deep.equal(['c1']);
      } finally {
        await db.close();
        await store.cleanup();
      }
    });
  });
}
