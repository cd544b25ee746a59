import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import {
  artefactId,
  hoursFromNow,
  openConsultation,
  postComment,
  publish,
  type SignedInUser,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

for (const dialect of testDialects()) {
  describe(`consultation close, extend and reopen (${dialect})`, () => {
    let server: TestServer;
    let programme: SignedInUser;
    let alice: SignedInUser;
    let section: string;
    let n = 0;

    before(async () => {
      server = await startTestServer({ dialect });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      section = await artefactId(server, programme.token, 'Section S');
      await publish(server, bsc, section);
    });
    after(() => server.close());

    const open = async (closesAt = hoursFromNow(24)) =>
      (
        await openConsultation(server, programme.token, [section], {
          title: `Window ${(n += 1)}`,
          closesAt,
        })
      ).id;
    const close = (id: string, body: unknown, token = programme.token) =>
      server.api(`/api/consultations/${id}/close`, { token, body });
    const change = (id: string, body: unknown, token = programme.token) =>
      server.api(`/api/consultations/${id}`, { method: 'PATCH', token, body });
    const listed = async (id: string) =>
      (await server.api('/api/consultations', { token: alice.token })).body.data.find(
        (c: { id: string }) => c.id === id,
      );

    it('closes early: comments are then refused (409), and closing again is 409', async () => {
      const id = await open();
      expect((await postComment(server, alice.token, section)).status).to.equal(201);
      const closed = await close(id, { reason: 'Design freeze brought forward' });
      expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
      expect(closed.body.data.state).to.equal('closed');
      expect(closed.body.data.revision).to.equal(2);
      const refused = await postComment(server, alice.token, section);
      expect(refused.status).to.equal(409);
      expect(refused.body.error.message).to.match(/closed/);
      const again = await close(id, { reason: 'Twice' });
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('conflict');
    });

    it('reopens a closed consultation by a future closing time: comments are accepted again', async () => {
      const id = await open();
      await close(id, { reason: 'Paused' });
      expect((await postComment(server, alice.token, section)).status).to.equal(409);
      const closesAt = hoursFromNow(48);
      const reopened = await change(id, { closesAt, reason: 'Resumed', revision: 2 });
      expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200);
      expect(reopened.body.data).to.include({ state: 'open', closesAt, revision: 3 });
      expect((await postComment(server, alice.token, section)).status).to.equal(201);
      const history = (await listed(id)).history;
      expect(history.map((h: { kind: string }) => h.kind)).to.deep.equal(['close', 'reopen']);
      expect(history[1]).to.include({ reason: 'Resumed', toClosesAt: closesAt });
      expect(history[1].by).to.be.a('string');
      await close(id, { reason: 'Tidy up' });
    });

    it('extends and shortens an open consultation; a stale revision is 409', async () => {
      const id = await open(hoursFromNow(24));
      const later = hoursFromNow(72);
      expect(
        (await change(id, { closesAt: later, reason: 'More time', revision: 1 })).status,
      ).to.equal(200);
      const stale = await change(id, { closesAt: hoursFromNow(12), reason: 'Less', revision: 1 });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.message).to.match(/changed by someone else/);
      expect(
        (await change(id, { closesAt: hoursFromNow(12), reason: 'Less', revision: 2 })).status,
      ).to.equal(200);
      const kinds = (await listed(id)).history.map((h: { kind: string }) => h.kind);
      expect(kinds).to.deep.equal(['extend', 'shorten']);
      await close(id, { reason: 'Tidy up' });
    });

    it('requires a reason of 1..2000 characters and a valid future closing time (400)', async () => {
      const id = await open();
      for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }]) {
        const res = await close(id, body);
        expect(res.status, JSON.stringify(body)).to.equal(400);
        expect(res.body.error.message).to.match(/^body\.reason/);
      }
      const noReason = await change(id, { closesAt: hoursFromNow(30), revision: 1 });
      expect(noReason.status).to.equal(400);
      const past = await change(id, { closesAt: hoursFromNow(-0.5), reason: 'x', revision: 1 });
      expect(past.status).to.equal(400);
      expect(past.body.error.message).to.match(/^body\.closesAt: must be in the future/);
      const beforeOpen = await change(id, { closesAt: hoursFromNow(-2), reason: 'x', revision: 1 });
      expect(beforeOpen.body.error.message).to.equal('body.closesAt: must be after opensAt');
      const outOfRange = await change(id, {
        closesAt: '2101-01-01T00:00:00Z',
        reason: 'x',
        revision: 1,
      });
      expect(outOfRange.status).to.equal(400);
      expect((await listed(id)).revision).to.equal(1);
      await close(id, { reason: 'Tidy up' });
    });

    it('refuses participants (403) and unknown consultations (404)', async () => {
      const id = await open();
      expect((await close(id, { reason: 'Mine' }, alice.token)).status).to.equal(403);
      const patch = await change(
        id,
        { closesAt: hoursFromNow(30), reason: 'x', revision: 1 },
        alice.token,
      );
      expect(patch.status).to.equal(403);
      expect((await close('no-such-id', { reason: 'x' })).status).to.equal(404);
      await close(id, { reason: 'Tidy up' });
    });

    it('audits each change with before, after and the reason', async () => {
      const id = await open(hoursFromNow(24));
      const was = (await listed(id)).closesAt;
      await close(id, { reason: 'Early close' });
      const audit = await server.api(`/api/audit?entity=consultation&entityId=${id}`, {
        token: programme.token,
      });
      expect(audit.status).to.equal(200);
      const event = audit.body.data.find(
        (e: { action: string }) => e.action === 'consultation.close',
      );
      expect(event.before).to.deep.equal({ closesAt: was, revision: 1 });
      expect(event.after).to.include({ reason: 'Early close', revision: 2 });
      expect(event.after.closesAt < was).to.equal(true);
    });

    // Last: the baseline is for good.
    it('refuses every change once the M6 baseline exists (409)', async () => {
      const id = await open();
      const paper = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      // Reaching a real SRO approval needs a ready registry; the refusal only needs the baseline.
      await server.db.kysely
        .insertInto('baselines')
        .values({ id: 'b-1', recommendationId: paper.body.data.id, createdAt: hoursFromNow(0) })
        .execute();
      const closed = await close(id, { reason: 'After M6' });
      expect(closed.status).to.equal(409);
      expect(closed.body.error.message).to.match(/M6 baseline/);
      const changed = await change(id, { closesAt: hoursFromNow(30), reason: 'x', revision: 1 });
      expect(changed.status).to.equal(409);
      expect((await listed(id)).revision).to.equal(1);
    });
  });
}
