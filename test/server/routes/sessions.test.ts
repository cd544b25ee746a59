import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { testDialects } from '../../helpers/db.js';
import { startSecondInstance } from '../../helpers/secondInstance.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

for (const dialect of testDialects()) {
  describe(`sessions end on sign-out, password reset, role change and deactivation (${dialect})`, () => {
    let server: TestServer;
    let admin: string;
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      admin = (await server.signedIn('admin')).token;
    });
    after(() => server.close());

    const me = (token: string) => server.api('/api/me', { token });

    it('signs out every session of the user with POST /api/auth/logout (204)', async () => {
      const user = await server.signedIn('programme');
      const otherDevice = await server.login(user.email, user.password);
      const bystander = await server.signedIn('programme');
      const out = await server.api('/api/auth/logout', { method: 'POST', token: user.token });
      expect(out.status).to.equal(204);
      expect((await me(user.token)).status).to.equal(401);
      expect((await me(otherDevice)).status).to.equal(401);
      expect((await me(bystander.token)).status).to.equal(200);
      const again = await server.login(user.email, user.password);
      expect((await me(again)).status).to.equal(200);
      const events = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['actorId', 'action'])
        .where('entity', '=', 'user')
        .where('entityId', '=', user.id)
        .where('action', '=', 'auth.logout')
        .execute();
      expect(events).to.deep.equal([{ actorId: user.id, action: 'auth.logout' }]);
    });

    it('needs a valid session to sign out', async () => {
      const res = await server.api('/api/auth/logout', { method: 'POST' });
      expect(res.status).to.equal(401);
    });

    it('ends the sessions of a user whose password is reset', async () => {
      const user = await server.signedIn('sro');
      const reset = await server.api(`/api/users/${user.id}/password`, {
        token: admin,
        body: { password: 'a brand new password' },
      });
      expect(reset.status).to.equal(200);
      expect((await me(user.token)).status).to.equal(401);
      expect((await me(await server.login(user.email, 'a brand new password'))).status).to.equal(
        200,
      );
    });

    it('ends the sessions of a user whose role changes; a new sign-in has the new role', async () => {
      const user = await server.signedIn('programme');
      const changed = await server.api(`/api/users/${user.id}/role`, {
        token: admin,
        body: { role: 'sro' },
      });
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(changed.body.data).to.include({ id: user.id, role: 'sro' });
      expect((await me(user.token)).status).to.equal(401);
      const fresh = await me(await server.login(user.email, user.password));
      expect(fresh.body.user.role).to.equal('sro');
    });

    it('ends the sessions of a deactivated user, and they stay ended', async () => {
      const user = await server.signedIn('participant');
      const before = await server.db.kysely
        .selectFrom('users')
        .select('tokenVersion')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      const off = await server.api(`/api/users/${user.id}/deactivate`, {
        method: 'POST',
        token: admin,
      });
      expect(off.status).to.equal(200);
      expect((await me(user.token)).status).to.equal(401);
      const after = await server.db.kysely
        .selectFrom('users')
        .select('tokenVersion')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(after.tokenVersion).to.equal(before.tokenVersion + 1);
    });

    it('ends a session on another app instance at once when the password is reset on this one', async () => {
      const second = await startSecondInstance(server);
      try {
        const user = await server.signedIn('programme');
        expect((await second.api('/api/me', { token: user.token })).status).to.equal(200);
        await server.api(`/api/users/${user.id}/password`, {
          token: admin,
          body: { password: 'another new password' },
        });
        expect((await second.api('/api/me', { token: user.token })).status).to.equal(401);
        const out = await second.api('/api/auth/logout', {
          method: 'POST',
          token: await server.login(user.email, 'another new password'),
        });
        expect(out.status).to.equal(204);
      } finally {
        await second.close();
      }
    });

    it('keeps tokens HS256 and carrying the version they were issued at', async () => {
      const user = await server.signedIn('sro');
      const decoded = jwt.decode(user.token, { complete: true });
      expect(decoded?.header.alg).to.equal('HS256');
      expect(decoded?.payload).to.include({ sub: user.id, ver: 0 });
      // The version claim is signed: raising it by hand breaks the signature.
      const [h, , s] = user.token.split('.');
      const payload = { ...(decoded?.payload as object), ver: 5 };
      const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
      expect((await me(forged)).status).to.equal(401);
    });

    it('says in the OpenAPI document that sign-out ends all sessions', async () => {
      const doc = await server.api('/api/openapi.json');
      const logout = doc.body.paths['/api/auth/logout'].post;
      expect(logout.summary).to.match(/all of the signed-in user's sessions/);
    });
  });
}
