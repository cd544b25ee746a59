import { expect } from 'chai';
import { ensureFirstAdmin } from '../../../server/commands/ensureFirstAdmin.js';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';
import { verifyPassword } from '../../../server/lib/passwords.js';
import { createTestDb, testDialects, type TestDb } from '../../helpers/db.js';

for (const dialect of testDialects()) {
  describe(`seedRegistry and ensureFirstAdmin (${dialect})`, () => {
    let t: TestDb;
    beforeEach(async () => {
      t = await createTestDb(dialect);
    });
    afterEach(() => t.cleanup());

    it('seeds 81 artefacts, three code bodies and their organisations once', async () => {
      const first = await seedRegistry(t.db);
      expect(first).to.deep.equal({ seeded: true, artefacts: 81 });
      const second = await seedRegistry(t.db);
      expect(second.seeded).to.equal(false);
      const artefacts = await t.db.kysely.selectFrom('artefacts').selectAll().execute();
      expect(artefacts).to.have.length(81);
      const codes = await t.db.kysely
        .selectFrom('codeBodies')
        .select('code')
        .orderBy('code')
        .execute();
      expect(codes.map((c) => c.code)).to.deep.equal(['BSC', 'DCUSA', 'REC']);
      const bscp701 = artefacts.find((a) => a.reference === 'BSCP701');
      expect(bscp701).to.include({
        code: 'BSC',
        kind: 'bscp',
        title: 'Smart Data Service',
        slug: 'bsc-bscp701',
      });
    });

    it('never overwrites an edit on restart', async () => {
      await seedRegistry(t.db);
      await t.db.kysely
        .updateTable('artefacts')
        .set({ title: 'Edited' })
        .where('slug', '=', 'bsc-bscp701')
        .execute();
      await seedRegistry(t.db);
      const row = await t.db.kysely
        .selectFrom('artefacts')
        .select('title')
        .where('slug', '=', 'bsc-bscp701')
        .executeTakeFirstOrThrow();
      expect(row.title).to.equal('Edited');
    });

    it('creates the first admin once, from the environment or with a generated password', async () => {
      await seedRegistry(t.db);
      const created = await ensureFirstAdmin(t.db, {});
      expect(created.created).to.equal(true);
      if (!created.created) return;
      expect(created.email).to.equal('admin@localhost');
      expect(created.generatedPassword).to.have.length.greaterThanOrEqual(16);
      const row = await t.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'admin@localhost')
        .executeTakeFirstOrThrow();
      expect(await verifyPassword(created.generatedPassword ?? '', row.passwordHash)).to.equal(
        true,
      );
      expect(
        await ensureFirstAdmin(t.db, { email: 'other@example.org', password: 'x'.repeat(12) }),
      ).to.deep.equal({
        created: false,
      });
      const admins = await t.db.kysely
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .execute();
      expect(admins).to.have.length(1);
    });

    it('uses ADMIN_EMAIL and ADMIN_PASSWORD when set', async () => {
      const created = await ensureFirstAdmin(t.db, {
        email: 'Boss@Example.org',
        password: 'boss password 123',
      });
      expect(created).to.deep.equal({
        created: true,
        email: 'Boss@Example.org',
        generatedPassword: null,
      });
      const row = await t.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'boss@example.org')
        .executeTakeFirstOrThrow();
      expect(await verifyPassword('boss password 123', row.passwordHash)).to.equal(true);
    });
  });
}
