import { expect } from 'chai';
import { sql } from 'kysely';
import { createOrganisation } from '../../../server/commands/createOrganisation.js';
import { createUser } from '../../../server/commands/createUser.js';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';
import { mayReadComment } from '../../../server/notifications/recipients.js';
import { canSeeComment, commentVisibility } from '../../../server/policies/commentVisibility.js';
import type { Actor } from '../../../server/policies/index.js';
import { createTestDb, testDialects, type TestDb } from '../../helpers/db.js';

for (const dialect of testDialects()) {
  describe(`notification recipients agree with the comment visibility rule (${dialect})`, function () {
    this.timeout(60_000);
    let t: TestDb;
    let actors: Actor[];
    let orgA: string;
    let orgB: string;

    before(async () => {
      t = await createTestDb(dialect);
      await seedRegistry(t.db);
      orgA = (
        await createOrganisation(t.db, null, {
          name: 'A',
          kind: 'participant',
          marketRole: 'supplier',
        })
      ).id;
      orgB = (
        await createOrganisation(t.db, null, {
          name: 'B',
          kind: 'participant',
          marketRole: 'supplier',
        })
      ).id;
      const recOrg = await t.db.kysely
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'code_body')
        .where('code', '=', 'REC')
        .executeTakeFirstOrThrow();
      const cast: Omit<Actor, 'id'>[] = [
        { role: 'participant', code: null, organisationId: orgA },
        { role: 'participant', code: null, organisationId: orgA },
        { role: 'participant', code: null, organisationId: orgB },
        { role: 'code_body', code: 'BSC', organisationId: null },
        { role: 'code_body', code: 'REC', organisationId: null },
        // A code-body user of their code body's organisation: a colleague by organisation too.
        { role: 'code_body', code: 'REC', organisationId: recOrg.id },
        { role: 'code_body', code: 'REC', organisationId: recOrg.id },
        { role: 'programme', code: null, organisationId: null },
        { role: 'sro', code: null, organisationId: null },
        { role: 'admin', code: null, organisationId: null },
      ];
      actors = [];
      for (const [i, a] of cast.entries()) {
        const user = await createUser(t.db, null, {
          email: `r${i}@test.example`,
          name: `R ${i}`,
          role: a.role,
          password: 'a-long-enough-password',
          organisationId: a.organisationId,
          code: a.code,
        });
        actors.push({ ...a, id: user.id });
      }
    });
    after(() => t.cleanup());

    it('selects exactly the users canSeeComment lets read each comment', async () => {
      const authors = [actors[0], actors[2], actors[3], actors[5]];
      for (const author of authors)
        for (const confidential of [0, 1])
          for (const artefactCode of ['BSC', 'REC']) {
            const comment = {
              confidential,
              authorId: author?.id ?? null,
              organisationId: author?.organisationId ?? null,
              artefactCode,
            };
            const { rows } = await sql<{ id: string }>`
              select u.id from users u where ${mayReadComment(comment)}`.execute(t.db.kysely);
            const expected = actors
              .filter((a) =>
                canSeeComment(commentVisibility(a), {
                  ...comment,
                  confidential: confidential === 1,
                }),
              )
              .map((a) => a.id)
              .sort();
            const selected = rows.map((r) => r.id).filter((id) => actors.some((a) => a.id === id));
            expect(selected.sort(), JSON.stringify(comment)).to.deep.equal(expected);
          }
    });
  });
}
