import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/server.js';

const LOCKED = 'Too many failed sign-ins; try again in 15 minutes';

/** The parts of a sign-in answer that must not tell a known account from an unknown one. */
const shape = (res: ApiResponse) => ({
  status: res.status,
  code: res.body.error?.code,
  message: res.body.error?.message,
  retryAfter: res.headers.get('retry-after') !== null,
});

function retryAfter(res: ApiResponse): number {
  return Number(res.headers.get('retry-after'));
}

async function throttleEvents(server: TestServer) {
  return server.db.kysely
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', 'auth.throttled')
    .orderBy('id')
    .execute();
}

for (const dialect of testDialects()) {
  describe(`sign-in throttling (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
    });
    after(() => server.close());
    // Every test starts with no failures on record for any account or address.
    beforeEach(() => server.db.kysely.deleteFrom('signInThrottles').execute());

    const login = (email: string, password: string, headers?: Record<string, string>) =>
      server.api('/api/auth/login', { body: { email, password }, headers });

    async function failTimes(email: string, times: number): Promise<ApiResponse[]> {
      const answers: ApiResponse[] = [];
      for (let i = 0; i < times; i++) answers.push(await login(email, `wrong guess ${i}`));
      return answers;
    }

    /** Moves the account's lock into the past, as if its time had run out. */
    async function endLock(email: string): Promise<void> {
      const past = new Date(Date.now() - 1000).toISOString();
      await server.db.kysely
        .updateTable('signInThrottles')
        .set({ lockedUntil: past, windowStartedAt: past })
        .where('key', '=', `account:${email}`)
        .execute();
    }

    it('answers 401 nine times, then 429 with Retry-After, for the right password too', async () => {
      const user = await server.createUser({ role: 'programme' });
      const answers = await failTimes(user.email, 10);
      expect(answers.slice(0, 9).map((r) => r.status)).to.deep.equal(Array(9).fill(401));
      const locked = answers[9] as ApiResponse;
      expect(locked.status).to.equal(429);
      expect(locked.body.error).to.deep.equal({
        code: 'too_many_requests',
        message: LOCKED,
        details: { retryAfterSeconds: 900 },
      });
      expect(retryAfter(locked)).to.equal(900);
      const right = await login(user.email, user.password);
      expect(right.status).to.equal(429);
      expect(right.body.token).to.equal(undefined);
      expect(retryAfter(right)).to.be.within(1, 900);
    });

    it('answers an unknown email exactly as a known one', async () => {
      const user = await server.createUser({ role: 'sro' });
      const known = (await failTimes(user.email, 12)).map(shape);
      const unknown = (await failTimes('nobody-here@example.org', 12)).map(shape);
      expect(unknown).to.deep.equal(known);
      expect(known.map((a) => a.status)).to.deep.equal([...Array(9).fill(401), 429, 429, 429]);
    });

    it('counts an email however it is typed (case, surrounding spaces)', async () => {
      const user = await server.createUser({ role: 'sro' });
      const spellings = [user.email.toUpperCase(), `  ${user.email}  `, user.email];
      for (let i = 0; i < 9; i++) await login(spellings[i % 3] as string, 'wrong password!');
      expect((await login(user.email.toUpperCase(), 'wrong password!')).status).to.equal(429);
    });

    it('clears the account on a successful sign-in; successes never count', async () => {
      const user = await server.createUser({ role: 'participant' });
      await failTimes(user.email, 9);
      expect((await login(user.email, user.password)).status).to.equal(200);
      for (let i = 0; i < 60; i++) await server.login(user.email, user.password);
      const again = await failTimes(user.email, 9);
      expect(again.map((r) => r.status)).to.deep.equal(Array(9).fill(401));
    });

    it('lets the account in once the lock has ended, and doubles the next lock up to an hour', async () => {
      const user = await server.createUser({ role: 'programme' });
      const locks: number[] = [];
      for (let round = 0; round < 4; round++) {
        const answers = await failTimes(user.email, 10);
        expect(answers.map((r) => r.status)).to.deep.equal([...Array(9).fill(401), 429]);
        locks.push(retryAfter(answers[9] as ApiResponse));
        await endLock(user.email);
      }
      expect(locks).to.deep.equal([900, 1800, 3600, 3600]);
      expect((await failTimes(user.email, 1))[0]?.status).to.equal(401);
      expect((await login(user.email, user.password)).status).to.equal(200);
    });

    it('locks a client address after 50 failures across accounts; X-Forwarded-For is not trusted', async () => {
      const user = await server.createUser({ role: 'programme' });
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++) {
        // A client naming itself a new address each time must not escape the count.
        const res = await login(`spray-${i}@example.org`, 'Winter2026!', {
          'x-forwarded-for': `198.51.100.${i}`,
        });
        statuses.push(res.status);
      }
      expect(statuses).to.deep.equal([...Array(49).fill(401), 429]);
      const right = await login(user.email, user.password, { 'x-forwarded-for': '192.0.2.1' });
      expect(right.status).to.equal(429);
      expect(right.body.error.message).to.equal(LOCKED);
    });

    it('audits each lock as it starts, with the email and the address and never the password', async () => {
      const before = (await throttleEvents(server)).length;
      await failTimes('ghost@example.org', 10);
      await login('ghost@example.org', 'another wrong guess');
      const events = (await throttleEvents(server)).slice(before);
      expect(events).to.have.length(1);
      const event = events[0];
      expect(event).to.include({
        actorId: null,
        entity: 'signIn',
        entityId: 'account:ghost@example.org',
      });
      const after = JSON.parse(event?.after ?? '{}') as Record<string, unknown>;
      expect(after).to.include({ scope: 'account', email: 'ghost@example.org', lockSeconds: 900 });
      expect(after.address).to.match(/127\.0\.0\.1/);
      expect(JSON.stringify(event)).to.not.match(/wrong guess/);

      // Administrators read it through the audit API; overseers without the admin role may not.
      const query = '/api/audit?entity=signIn&entityId=account:ghost@example.org';
      const admin = await server.signedIn('admin');
      const read = await server.api(query, { token: admin.token });
      expect(read.status).to.equal(200);
      expect(read.body.data.map((e: { action: string }) => e.action)).to.deep.equal([
        'auth.throttled',
      ]);
      const programme = await server.signedIn('programme');
      expect((await server.api(query, { token: programme.token })).status).to.equal(403);
    });

    it('counts concurrent failures one at a time: exactly nine 401s and one lock', async () => {
      const user = await server.createUser({ role: 'sro' });
      const before = (await throttleEvents(server)).length;
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(user.email, `parallel guess ${i}`)),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).to.have.length(9);
      expect(statuses.filter((s) => s === 429)).to.have.length(21);
      const events = (await throttleEvents(server)).slice(before);
      expect(events.map((e) => e.entityId)).to.deep.equal([`account:${user.email}`]);
    });
  });

  describe(`sign-in throttling behind a trusted proxy (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false, trustProxy: 'loopback' });
    });
    after(() => server.close());

    it('counts the address the proxy names: one client is locked out, the next is not', async () => {
      const user = await server.createUser({ role: 'programme' });
      const from = (address: string, email: string, password: string) =>
        server.api('/api/auth/login', {
          body: { email, password },
          headers: { 'x-forwarded-for': address },
        });
      for (let i = 0; i < 50; i++) await from('203.0.113.7', `spray-${i}@example.org`, 'guess!');
      expect((await from('203.0.113.7', user.email, user.password)).status).to.equal(429);
      expect((await from('203.0.113.8', user.email, user.password)).status).to.equal(200);
      const events = await throttleEvents(server);
      expect(events.map((e) => e.entityId)).to.deep.equal(['address:203.0.113.7']);
    });
  });
}
