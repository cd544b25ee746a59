import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

const answers = (confirmed: boolean, overrides: Record<string, unknown> = {}) => ({
  engaged: { confirmed: true },
  input: { confirmed: true, text: 'Attended every CDWG' },
  commentsAddressed: { confirmed },
  designTranslated: { confirmed },
  artefactsMakeSense: { confirmed: true },
  ...overrides,
});

for (const dialect of testDialects()) {
  describe(`due process routes (${dialect})`, () => {
    let server: TestServer;
    let programme: Signed;
    let alice: Signed; // organisation A
    let alice2: Signed; // also organisation A
    let bob: Signed; // organisation B

    const respond = (token: string, body: unknown) =>
      server.api('/api/due-process/responses', { token, body });

    before(async () => {
      server = await startTestServer({ dialect });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      alice2 = await server.signedIn('participant', { organisationId: alice.organisationId ?? '' });
      bob = await server.signedIn('participant');
    });
    after(() => server.close());

    it('has an empty summary before anyone responds', async () => {
      const res = await server.api('/api/due-process/summary', { token: alice.token });
      expect(res.status).to.equal(200);
      expect(res.body.data.responses).to.equal(0);
      expect(res.body.data.confirmations).to.have.length(5);
      expect(res.body.data.confirmations[0]).to.deep.equal({
        key: 'engaged',
        text: 'Parties had been able to engage with the Code workstream',
        confirmed: 0,
        share: 0,
      });
    });

    it('records one response per organisation: a later one replaces it (201, then 200), audited', async () => {
      const first = await respond(alice.token, { answers: answers(false) });
      expect(first.status).to.equal(201);
      expect(first.body.data.organisation.id).to.equal(alice.organisationId);
      expect(first.body.data.answers.input).to.deep.equal({
        confirmed: true,
        text: 'Attended every CDWG',
      });
      expect(first.body.data.answers.engaged).to.deep.equal({ confirmed: true, text: null });
      const second = await respond(alice2.token, {
        answers: answers(true),
        lessonsLearnt: 'Better redlining of text',
      });
      expect(second.status).to.equal(200);
      expect(second.body.data.id).to.equal(first.body.data.id);
      expect(second.body.data.submittedBy.id).to.equal(alice2.id);
      const rows = await server.db.kysely
        .selectFrom('dueProcessResponses')
        .select('id')
        .where('organisationId', '=', alice.organisationId ?? '')
        .execute();
      expect(rows).to.have.length(1);
      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'before', 'after'])
        .where('entity', '=', 'dueProcessResponse')
        .where('entityId', '=', first.body.data.id)
        .orderBy('id')
        .execute();
      expect(audit.map((e) => e.action)).to.deep.equal([
        'dueProcess.respond',
        'dueProcess.replace',
      ]);
      expect(audit[0]?.before).to.equal(null);
      const replaced = audit[1];
      expect(JSON.parse(replaced?.before ?? '{}').answers.designTranslated.confirmed).to.equal(
        false,
      );
      expect(JSON.parse(replaced?.after ?? '{}').answers.designTranslated.confirmed).to.equal(true);
    });

    it('summarises shares across organisations and collects lessons learnt', async () => {
      await respond(bob.token, {
        answers: answers(false, { engaged: { confirmed: false, text: 'Too little time' } }),
        lessonsLearnt: '  More Code/participant meetings ',
      });
      const res = await server.api('/api/due-process/summary', { token: programme.token });
      expect(res.status).to.equal(200);
      const summary = res.body.data;
      expect(summary.responses).to.equal(2);
      const byKey = Object.fromEntries(
        summary.confirmations.map((c: { key: string; confirmed: number; share: number }) => [
          c.key,
          [c.confirmed, c.share],
        ]),
      );
      expect(byKey).to.deep.equal({
        engaged: [1, 0.5],
        input: [2, 1],
        commentsAddressed: [1, 0.5],
        designTranslated: [1, 0.5],
        artefactsMakeSense: [2, 1],
      });
      expect(summary.lessonsLearnt).to.have.members([
        'Better redlining of text',
        'More Code/participant meetings',
      ]);
    });

    it('shows the programme every response with organisation names, a participant only its own', async () => {
      const all = await server.api('/api/due-process/responses', { token: programme.token });
      expect(all.status).to.equal(200);
      expect(
        all.body.data.map((r: { organisation: { id: string } }) => r.organisation.id),
      ).to.have.members([alice.organisationId, bob.organisationId]);
      expect(all.body.data[0].organisation.name).to.be.a('string').and.not.equal('');
      const sro = await server.signedIn('sro');
      expect(
        (await server.api('/api/due-process/responses', { token: sro.token })).body.data,
      ).to.have.length(2);
      const own = await server.api('/api/due-process/responses', { token: bob.token });
      expect(own.status).to.equal(200);
      expect(own.body.data).to.have.length(1);
      expect(own.body.data[0].organisation.id).to.equal(bob.organisationId);
      const carol = await server.signedIn('participant');
      expect(
        (await server.api('/api/due-process/responses', { token: carol.token })).body.data,
      ).to.deep.equal([]);
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      expect(
        (await server.api('/api/due-process/responses', { token: bsc.token })).body.data,
      ).to.deep.equal([]);
    });

    it('lets only participants respond (403) and needs all five answers (400)', async () => {
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      expect((await respond(bsc.token, { answers: answers(true) })).status).to.equal(403);
      expect((await respond(programme.token, { answers: answers(true) })).status).to.equal(403);
      const { engaged: _engaged, ...four } = answers(true);
      const incomplete = await respond(alice.token, { answers: four });
      expect(incomplete.status).to.equal(400);
      expect(incomplete.body.error.message).to.match(/^body\.answers\.engaged/);
      const notBoolean = await respond(alice.token, {
        answers: answers(true, { input: { confirmed: 'yes' } }),
      });
      expect(notBoolean.status).to.equal(400);
    });
  });
}
