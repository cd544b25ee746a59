import { expect } from 'chai';
import { sql } from 'kysely';
import { seedComments } from '../../../scripts/bench/seedComments.js';
import type { Db } from '../../../server/db/database.js';
import { SPARSE_COMMENT_MATCHES, searchComments } from '../../../server/db/queries/search.js';
import { parseSearchQuery } from '../../../server/domain/searchQuery.js';
import type { CommentVisibility } from '../../../server/policies/commentVisibility.js';
import { createTestDb, testDialects } from '../../helpers/db.js';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';

// Every seeded comment's body holds "clause": more matches than SPARSE_COMMENT_MATCHES.
const COMMENTS = SPARSE_COMMENT_MATCHES + 200;

for (const dialect of testDialects()) {
  describe(`comment search over a word in every comment (${dialect})`, function () {
    this.timeout(120_000);
    let db: Db;
    let cleanup: () => Promise<void>;
    let outsider: CommentVisibility;

    before(async () => {
      ({ db, cleanup } = await createTestDb(dialect));
      await seedRegistry(db);
      await seedComments(db, COMMENTS);
      const org = await db.kysely
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Bench Supplier 3')
        .executeTakeFirstOrThrow();
      outsider = { kind: 'public-or-organisation', organisationId: org.id, authorId: 'nobody' };
    });
    after(async () => {
      await db.close();
      await cleanup();
    });

    /** The page as the comment list would give it, found without the index. */
    const expected = async (visibility: CommentVisibility, limit: number, offset: number) => {
      const visible =
        visibility.kind === 'all'
          ? sql`true`
          : sql`(confidential = 0 or organisation_id = ${visibility.organisationId})`;
      const { rows } = await sql<{ id: string }>`select id from comments where ${visible}
        order by created_at desc, id desc limit ${limit} offset ${offset}`.execute(db.kysely);
      return rows.map((r) => r.id);
    };
    const found = async (visibility: CommentVisibility, q: string, limit: number, offset: number) =>
      (await searchComments(db, visibility, parseSearchQuery(q), {}, { limit, offset })).map(
        (r) => r.id,
      );

    it('pages newest first, as the visibility rule allows, at the start and deep in', async () => {
      for (const visibility of [{ kind: 'all' } as const, outsider]) {
        for (const offset of [0, 25, SPARSE_COMMENT_MATCHES]) {
          const page = await found(visibility, 'clauses', 25, offset);
          expect(page).to.have.length(25);
          expect(page).to.deep.equal(await expected(visibility, 25, offset));
        }
      }
    });

    it('never gives an outsider a confidential comment of another organisation', async () => {
      const all = await found(outsider, 'clause', COMMENTS, 0);
      const secret = await db.kysely
        .selectFrom('comments')
        .select('id')
        .where('confidential', '=', 1)
        .where('organisationId', '!=', outsider.kind === 'all' ? '' : outsider.organisationId!)
        .execute();
      expect(secret.length).to.be.greaterThan(0);
      expect(all.filter((id) => secret.some((r) => r.id === id))).to.deep.equal([]);
      expect(all).to.deep.equal(await expected(outsider, COMMENTS, 0));
    });

    it('still finds a rare word among them', async () => {
      const { rows } = await sql<{ id: string }>`select id from comments
        where body like 'Benchmark comment 17:%'`.execute(db.kysely);
      expect(await found({ kind: 'all' }, 'comment 17', 10, 0)).to.deep.equal([rows[0]!.id]);
    });
  });
}
