import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

for (const dialect of testDialects()) {
  describe(`auth routes (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect });
    });
    after(() => server.close());

    it('signs in with the right password and returns a token and the user without its hash', async () => {
      const user = await server.createUser({
        role: 'programme',
        email: 'Pat.Programme@Example.org',
      });
      const res = await server.api('/api/auth/login', {
        body: { email: 'pat.programme@example.org', password: user.password },
      });
      expect(res.status).to.equal(200);
      expect(res.body.token).to.be.a('string');
      expect(res.body.user).to.include({ email: 'pat.programme@example.org', role: 'programme' });
      expect(JSON.stringify(res.body)).to.not.match(/passwordHash|scrypt/);
      const decoded = jwt.decode(res.body.token, { complete: true });
      expect(decoded?.header.alg).to.equal('HS256');
    });

    it('answers a wrong password and an unknown email alike: 401, no token', async () => {
      const user = await server.createUser({ role: 'sro' });
      const wrong = await server.api('/api/auth/login', {
        body: { email: user.email, password: 'nope-nope-nope' },
      });
      const unknown = await server.api('/api/auth/login', {
        body: { email: 'nobody@example.org', password: 'nope-nope-nope' },
      });
      expect(wrong.status).to.equal(401);
      expect(unknown.status).to.equal(401);
      expect(wrong.body.token).to.equal(undefined);
      expect(wrong.body.error.message).to.equal(unknown.body.error.message);
      expect(wrong.body.error.code).to.equal('unauthorized');
    });

    it('refuses a deactivated user at sign-in and on an existing token', async () => {
      const admin = await server.signedIn('admin');
      const user = await server.signedIn('participant');
      expect((await server.api('/api/me', { token: user.token })).status).to.equal(200);
      const off = await server.api(`/api/users/${user.id}/deactivate`, {
        method: 'POST',
        token: admin.token,
      });
      expect(off.status).to.equal(200);
      expect((await server.api('/api/me', { token: user.token })).status).to.equal(401);
      const login = await server.api('/api/auth/login', {
        body: { email: user.email, password: user.password },
      });
      expect(login.status).to.equal(401);
    });

    it('returns the current user from /api/me', async () => {
      const user = await server.signedIn('code_body', { code: 'REC' });
      const res = await server.api('/api/me', { token: user.token });
      expect(res.status).to.equal(200);
      expect(res.body.user).to.include({ id: user.id, role: 'code_body', code: 'REC' });
    });

    describe('bad tokens get 401', () => {
      let userId: string;
      before(async () => {
        userId = (await server.createUser({ role: 'admin' })).id;
      });
      const cases: [string, () => Record<string, string>][] = [
        ['missing', () => ({})],
        ['not a bearer header', () => ({ authorization: 'Basic abc' })],
        ['garbage', () => ({ authorization: 'Bearer not.a.jwt' })],
        [
          'expired',
          () => ({
            authorization: `Bearer ${jwt.sign({ sub: userId, exp: Math.floor(Date.now() / 1000) - 5 }, server.jwtSecret)}`,
          }),
        ],
        [
          'wrong secret',
          () => ({
            authorization: `Bearer ${jwt.sign({ sub: userId }, 'x'.repeat(40), { expiresIn: 60 })}`,
          }),
        ],
        [
          'alg none',
          () => ({
            authorization: `Bearer ${jwt.sign({ sub: userId }, '', { algorithm: 'none', expiresIn: 60 })}`,
          }),
        ],
        [
          'tampered subject',
          () => {
            const [h, , s] = jwt
              .sign({ sub: 'someone-else' }, server.jwtSecret, { expiresIn: 60 })
              .split('.');
            const body = Buffer.from(JSON.stringify({ sub: userId, exp: 9999999999 })).toString(
              'base64url',
            );
            return { authorization: `Bearer ${h}.${body}.${s}` };
          },
        ],
        [
          'a user that does not exist',
          () => ({
            authorization: `Bearer ${jwt.sign({ sub: 'ghost' }, server.jwtSecret, { expiresIn: 60 })}`,
          }),
        ],
      ];
      for (const [name, headers] of cases) {
        it(name, async () => {
          const res = await server.api('/api/artefacts', { headers: headers() });
          expect(res.status).to.equal(401);
          expect(res.body.error.code).to.equal('unauthorized');
        });
      }

      it('the same token signed correctly works (so the cases above fail for the reason named)', async () => {
        const token = jwt.sign({ sub: userId }, server.jwtSecret, {
          algorithm: 'HS256',
          expiresIn: 60,
        });
        expect((await server.api('/api/artefacts', { token })).status).to.equal(200);
      });
    });

    it('validates the login body', async () => {
      const res = await server.api('/api/auth/login', { body: { email: 'a@b.c', password: 42 } });
      expect(res.status).to.equal(400);
      expect(res.body.error.message).to.include('body.password');
    });
  });
}
