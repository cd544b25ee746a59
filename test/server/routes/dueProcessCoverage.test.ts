import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };
interface Blocker {
  kind: string;
  id: string;
  message: string;
}
interface Criterion {
  id: string;
  met: boolean;
  blockers: Blocker[];
}

const yes = { confirmed: true };
const answers = (overrides: Record<string, unknown> = {}) => ({
  engaged: yes,
  input: yes,
  commentsAddressed: yes,
  designTranslated: yes,
  artefactsMakeSense: yes,
  ...overrides,
});

for (const dialect of testDialects()) {
  describe(`due-process coverage over participant organisations (${dialect})`, () => {
    let server: TestServer;
    let programme: Signed;
    let alice: Signed; // organisation A
    let bob: Signed; // organisation B
    let bobOrg: string;

    const summary = async (token: string) => {
      const res = await server.api('/api/due-process/summary', { token });
      expect(res.status).to.equal(200);
      return res.body.data;
    };
    const sc4 = async (): Promise<Criterion> => {
      const res = await server.api('/api/readiness', { token: programme.token });
      expect(res.status).to.equal(200);
      return res.body.criteria.find((c: Criterion) => c.id === 'SC4');
    };
    const respond = (token: string, body: unknown) =>
      server.api('/api/due-process/responses', { token, body });

    before(async () => {
      // No registry: SC4 then rests on due process alone.
      server = await startTestServer({ dialect, seedRegistry: false });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      bob = await server.signedIn('participant');
      const org = await server.db.kysely
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', bob.organisationId ?? '')
        .executeTakeFirstOrThrow();
      bobOrg = org.name;
    });
    after(() => server.close());

    it('is not met with no responses', async () => {
      const s = await summary(programme.token);
      expect(s).to.include({ participants: 2, responses: 0 });
      expect(s.nonResponders).to.have.length(2);
      expect((await sc4()).met).to.equal(false);
    });

    it('counts one response of two participant organisations as "1 of 2", names the other, and is not met', async () => {
      const res = await respond(alice.token, {
        answers: answers({ designTranslated: { confirmed: false, text: 'Section S misses it' } }),
      });
      expect(res.status).to.equal(201);
      const s = await summary(programme.token);
      expect(s).to.include({ participants: 2, responses: 1 });
      expect(s.nonResponders).to.deep.equal([{ id: bob.organisationId, name: bobOrg }]);
      const engaged = s.confirmations.find((c: { key: string }) => c.key === 'engaged');
      expect(engaged).to.include({ confirmed: 1, share: 1 });
      const designTranslated = s.confirmations.find(
        (c: { key: string }) => c.key === 'designTranslated',
      );
      expect(designTranslated).to.include({ confirmed: 0, share: 0 });
      const criterion = await sc4();
      expect(criterion.met).to.equal(false);
      expect(criterion.blockers).to.deep.include({
        kind: 'due-process',
        id: bob.organisationId,
        message: `${bobOrg} has not responded on due process`,
      });
    });

    it("lists a refusal with the programme's response, recorded by the programme and audited", async () => {
      const before = await summary(programme.token);
      expect(before.refusals).to.have.length(1);
      const refusal = before.refusals[0];
      expect(refusal).to.deep.include({
        key: 'designTranslated',
        confirmation: 'The Design had been correctly translated into Code',
        text: 'Section S misses it',
        programmeResponse: null,
      });
      expect(refusal.organisation.id).to.equal(alice.organisationId);

      const path = `/api/due-process/responses/${refusal.responseId}/refusals/designTranslated`;
      const body = { text: 'Traced in v2 of Section S; see CDWG minutes' };
      expect((await server.api(path, { method: 'PUT', token: alice.token, body })).status).to.equal(
        403,
      );
      const res = await server.api(path, { method: 'PUT', token: programme.token, body });
      expect(res.status).to.equal(200);
      expect(res.body.data.text).to.equal(body.text);

      const after = await summary(programme.token);
      expect(after.refusals[0].programmeResponse).to.include({ text: body.text });
      // The refusing organisation sees its own refusal and the answer; another does not.
      expect((await summary(alice.token)).refusals).to.have.length(1);
      expect((await summary(bob.token)).refusals).to.deep.equal([]);

      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'after'])
        .where('entityId', '=', refusal.responseId)
        .where('action', '=', 'dueProcess.answerRefusal')
        .execute();
      expect(audit).to.have.length(1);
      expect(JSON.parse(audit[0]!.after ?? '{}')).to.include({
        confirmation: 'designTranslated',
        text: body.text,
      });
    });

    it('refuses to answer a confirmation that was not refused, or an unknown response', async () => {
      const { refusals } = await summary(programme.token);
      const body = { text: 'Noted' };
      const confirmed = await server.api(
        `/api/due-process/responses/${refusals[0].responseId}/refusals/engaged`,
        { method: 'PUT', token: programme.token, body },
      );
      expect(confirmed.status).to.equal(409);
      expect(confirmed.body.error.code).to.equal('conflict');
      const unknown = await server.api('/api/due-process/responses/nope/refusals/engaged', {
        method: 'PUT',
        token: programme.token,
        body,
      });
      expect(unknown.status).to.equal(404);
      const badKey = await server.api(
        `/api/due-process/responses/${refusals[0].responseId}/refusals/other`,
        { method: 'PUT', token: programme.token, body },
      );
      expect(badKey.status).to.equal(400);
      const empty = await server.api(
        `/api/due-process/responses/${refusals[0].responseId}/refusals/designTranslated`,
        { method: 'PUT', token: programme.token, body: { text: '  ' } },
      );
      expect(empty.status).to.equal(400);
    });

    it('is met once both participant organisations have responded', async () => {
      expect((await respond(bob.token, { answers: answers() })).status).to.equal(201);
      const s = await summary(programme.token);
      expect(s).to.include({ participants: 2, responses: 2 });
      expect(s.nonResponders).to.deep.equal([]);
      const criterion = await sc4();
      expect(criterion.blockers).to.deep.equal([]);
      expect(criterion.met).to.equal(true);
    });
  });
}
