import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

for (const dialect of testDialects()) {
  describe(`user and organisation routes (${dialect})`, () => {
    let server: TestServer;
    let admin: string;
    before(async () => {
      server = await startTestServer({ dialect });
      admin = (await server.signedIn('admin')).token;
    });
    after(() => server.close());

    it('lets an admin create an organisation and a participant in it who can sign in', async () => {
      const org = await server.api('/api/organisations', {
        token: admin,
        body: { name: 'Octopus Testing Ltd', kind: 'participant', marketRole: 'supplier' },
      });
      expect(org.status).to.equal(201);
      const user = await server.api('/api/users', {
        token: admin,
        body: {
          email: 'Olive@Octopus.test',
          name: 'Olive',
          role: 'participant',
          password: 'a long enough password',
          organisationId: org.body.data.id,
        },
      });
      expect(user.status).to.equal(201);
      expect(user.body.data).to.include({
        email: 'olive@octopus.test',
        role: 'participant',
        active: true,
      });
      expect(user.body.data).to.not.have.property('passwordHash');
      const token = await server.login('olive@octopus.test', 'a long enough password');
      expect(token).to.be.a('string');
      const dup = await server.api('/api/organisations', {
        token: admin,
        body: { name: 'Octopus Testing Ltd', kind: 'participant', marketRole: 'supplier' },
      });
      expect(dup.status).to.equal(409);
    });

    it('enforces role links: participants need an organisation, code-body users a known code', async () => {
      const base = { name: 'X', password: 'a long enough password' };
      const noOrg = await server.api('/api/users', {
        token: admin,
        body: { ...base, email: 'p@x.test', role: 'participant' },
      });
      expect(noOrg.status).to.equal(400);
      expect(noOrg.body.error.message).to.include('organisationId');
      const badCode = await server.api('/api/users', {
        token: admin,
        body: { ...base, email: 'c@x.test', role: 'code_body', code: 'NOPE' },
      });
      expect(badCode.status).to.equal(400);
      const shortPw = await server.api('/api/users', {
        token: admin,
        body: { ...base, email: 's@x.test', role: 'sro', password: 'short' },
      });
      expect(shortPw.status).to.equal(400);
      expect(shortPw.body.error.message).to.match(/^body\.password/);
    });

    it('refuses a duplicate email with 409', async () => {
      const body = {
        email: 'dup@x.test',
        name: 'D',
        role: 'sro',
        password: 'a long enough password',
      };
      expect((await server.api('/api/users', { token: admin, body })).status).to.equal(201);
      const again = await server.api('/api/users', {
        token: admin,
        body: { ...body, email: 'DUP@x.test' },
      });
      expect(again.status).to.equal(409);
    });

    it('lists users without password hashes, resets a password, deactivates', async () => {
      const user = await server.createUser({ role: 'programme' });
      const list = await server.api('/api/users', { token: admin });
      expect(list.status).to.equal(200);
      expect(JSON.stringify(list.body)).to.not.include('scrypt');
      const reset = await server.api(`/api/users/${user.id}/password`, {
        token: admin,
        body: { password: 'a brand new password' },
      });
      expect(reset.status).to.equal(200);
      await server.login(user.email, 'a brand new password');
      const old = await server.api('/api/auth/login', {
        body: { email: user.email, password: user.password },
      });
      expect(old.status).to.equal(401);
      const missing = await server.api('/api/users/nobody/deactivate', {
        method: 'POST',
        token: admin,
      });
      expect(missing.status).to.equal(404);
    });

    it('keeps every user endpoint admin-only', async () => {
      for (const role of ['participant', 'code_body', 'programme', 'sro'] as const) {
        const { token, id } = await server.signedIn(role);
        const calls = [
          server.api('/api/users', { token }),
          server.api('/api/users', {
            token,
            body: {
              email: 'z@z.test',
              name: 'Z',
              role: 'admin',
              password: 'a long enough password',
            },
          }),
          server.api(`/api/users/${id}/deactivate`, { method: 'POST', token }),
          server.api(`/api/users/${id}/password`, {
            token,
            body: { password: 'a long enough password' },
          }),
          server.api('/api/organisations', { token, body: { name: 'Q', kind: 'programme' } }),
        ];
        for (const res of await Promise.all(calls)) expect(res.status, role).to.equal(403);
        expect((await server.api('/api/organisations', { token })).status, role).to.equal(200);
      }
    });

    it('keeps code-body users out of participant organisations, and participants out of code bodies', async () => {
      const base = { name: 'X', password: 'a long enough password' };
      const participantOrg = await server.api('/api/organisations', {
        token: admin,
        body: { name: 'Supplier For Links Ltd', kind: 'participant', marketRole: 'supplier' },
      });
      const orgs = (await server.api('/api/organisations', { token: admin })).body.data as {
        id: string;
        kind: string;
        code: string | null;
      }[];
      const elexon = orgs.find((o) => o.kind === 'code_body' && o.code === 'BSC');
      const recco = orgs.find((o) => o.kind === 'code_body' && o.code === 'REC');
      const create = (email: string, extra: Record<string, unknown>) =>
        server.api('/api/users', { token: admin, body: { ...base, email, ...extra } });

      const intoParticipant = await create('cb1@x.test', {
        role: 'code_body',
        code: 'BSC',
        organisationId: participantOrg.body.data.id,
      });
      expect(intoParticipant.status).to.equal(400);
      expect(intoParticipant.body.error.message).to.match(/^body\.organisationId: /);
      const intoOtherCode = await create('cb2@x.test', {
        role: 'code_body',
        code: 'BSC',
        organisationId: recco?.id,
      });
      expect(intoOtherCode.status).to.equal(400);
      const participantInCodeBody = await create('p1@x.test', {
        role: 'participant',
        organisationId: elexon?.id,
      });
      expect(participantInCodeBody.status).to.equal(400);
      const own = await create('cb3@x.test', {
        role: 'code_body',
        code: 'BSC',
        organisationId: elexon?.id,
      });
      expect(own.status, JSON.stringify(own.body)).to.equal(201);

      // The same rule holds when a role changes.
      const moved = await server.api(`/api/users/${own.body.data.id}/role`, {
        token: admin,
        body: { role: 'code_body', code: 'BSC', organisationId: participantOrg.body.data.id },
      });
      expect(moved.status).to.equal(400);
      expect(moved.body.error.message).to.match(/^body\.organisationId: /);
    });
  });

  describe(`the last active admin (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
    });
    after(() => server.close());

    const activeAdmins = () =>
      server.db.kysely
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .execute();
    const deactivate = (token: string, id: string) =>
      server.api(`/api/users/${id}/deactivate`, { method: 'POST', token });

    it('cannot deactivate or demote themselves (409); with another admin they can', async () => {
      const only = await server.signedIn('admin');
      expect((await activeAdmins()).map((a) => a.id)).to.deep.equal([only.id]);
      const off = await deactivate(only.token, only.id);
      expect(off.status).to.equal(409);
      expect(off.body.error.message).to.match(/last active admin/);
      const demoted = await server.api(`/api/users/${only.id}/role`, {
        token: only.token,
        body: { role: 'programme' },
      });
      expect(demoted.status).to.equal(409);
      expect((await server.api('/api/me', { token: only.token })).status).to.equal(200);

      const second = await server.signedIn('admin');
      expect((await deactivate(second.token, only.id)).status).to.equal(200);
      expect((await activeAdmins()).map((a) => a.id)).to.deep.equal([second.id]);
    });

    it('leaves one admin active when two deactivate each other at the same moment', async () => {
      // A server of its own: every round starts with exactly two active admins.
      const own = await startTestServer({ dialect, seedRegistry: false });
      try {
        const admins = () =>
          own.db.kysely
            .selectFrom('users')
            .select('id')
            .where('role', '=', 'admin')
            .where('active', '=', 1)
            .execute();
        const off = (token: string, id: string) =>
          own.api(`/api/users/${id}/deactivate`, { method: 'POST', token });
        let a = await own.signedIn('admin');
        for (let round = 0; round < 8; round++) {
          const b = await own.signedIn('admin');
          const answers = await Promise.all([off(a.token, b.id), off(b.token, a.id)]);
          // The loser answers 409 (last admin), or 401 if its session had already ended.
          const statuses = answers.map((r) => r.status);
          expect(
            statuses.filter((status) => status === 200),
            `round ${round}`,
          ).to.have.length(1);
          expect(statuses.filter((status) => status !== 200)[0], `round ${round}`).to.be.oneOf([
            401, 409,
          ]);
          const left = await admins();
          expect(left, `round ${round}`).to.have.length(1);
          a = left[0]?.id === a.id ? a : b;
        }
      } finally {
        await own.close();
      }
    });
  });
}
