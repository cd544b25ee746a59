import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { hoursFromNow, openConsultation, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

const CLEAN = '1. GENERAL\n\n1.1 Scope\n\n1.1.1 This document sets out the rules for the service.';
const NO_EVIDENCE =
  'Not met: no evidence. No design requirement is traced and no artefact states that none apply';

// Issue 10 items 1 and 3: SC1 and Blue rest on evidence, never on the absence of data.
for (const dialect of testDialects()) {
  describe(`SC1 evidence and the Blue rule (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;

    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      await server.db.kysely
        .insertInto('codeBodies')
        .values([
          { code: 'BSC', name: 'Balancing and Settlement Code' },
          { code: 'REC', name: 'Retail Energy Code' },
        ])
        .execute();
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
    });
    after(() => server.close());

    async function createArtefact(reference: string): Promise<string> {
      const res = await server.api('/api/artefacts', {
        token: programme.token,
        body: { code: 'BSC', kind: 'section', reference, title: `${reference} (test)` },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.data.id as string;
    }

    async function sc1() {
      const res = await server.api('/api/readiness', { token: alice.token });
      expect(res.status).to.equal(200);
      return res.body.criteria.find((c: { id: string }) => c.id === 'SC1') as {
        met: boolean;
        blockers: { message: string }[];
      };
    }

    const brag = async (id: string) =>
      (await server.api(`/api/artefacts/${id}`, { token: alice.token })).body.data.brag as string;

    it('is not met with an empty register (no evidence), met with a statement, audited', async () => {
      const before = await sc1();
      expect(before.met).to.equal(false);
      expect(before.blockers.map((b) => b.message)).to.include(NO_EVIDENCE);

      const id = await createArtefact('Section S');
      const none = await sc1();
      expect(none.met).to.equal(false);
      expect(none.blockers.map((b) => b.message)).to.include.members([
        NO_EVIDENCE,
        'Section S has no traced design requirements and no statement that none apply',
      ]);

      const path = `/api/artefacts/${id}/no-requirements`;
      const blank = await server.api(path, { token: programme.token, body: { reason: '  ' } });
      expect(blank.status).to.equal(400);
      expect(blank.body.error.code).to.be.a('string');
      expect(
        (await server.api(path, { token: alice.token, body: { reason: 'x' } })).status,
      ).to.equal(403);
      expect((await server.api(path, { token: rec.token, body: { reason: 'x' } })).status).to.equal(
        403,
      );
      const unknown = await server.api('/api/artefacts/nope/no-requirements', {
        token: programme.token,
        body: { reason: 'x' },
      });
      expect(unknown.status).to.equal(404);

      const reason = 'Charging methodology: no MHHS design requirement applies';
      const stated = await server.api(path, { token: bsc.token, body: { reason } });
      expect(stated.status, JSON.stringify(stated.body)).to.equal(200);
      expect(stated.body.data.noRequirements).to.include({ reason, by: bsc.id });
      const shown = await server.api(`/api/artefacts/${id}`, { token: alice.token });
      expect(shown.body.data.noRequirements).to.include({ reason });
      expect((await sc1()).met).to.equal(true);

      const marked = await server.db.kysely
        .selectFrom('auditEvents')
        .selectAll()
        .where('entityId', '=', id)
        .where('action', '=', 'artefact.markNoRequirements')
        .executeTakeFirstOrThrow();
      expect(marked.actorId).to.equal(bsc.id);
      expect(JSON.parse(marked.after ?? '{}').noRequirements.reason).to.equal(reason);

      const withdrawn = await server.api(path, { method: 'DELETE', token: programme.token });
      expect(withdrawn.status).to.equal(200);
      expect(withdrawn.body.data.noRequirements).to.equal(null);
      expect((await sc1()).met).to.equal(false);
      const events = await server.db.kysely
        .selectFrom('auditEvents')
        .select('action')
        .where('entityId', '=', id)
        .where('action', '=', 'artefact.withdrawNoRequirements')
        .execute();
      expect(events).to.have.length(1);
      await server.api(path, { method: 'DELETE', token: programme.token });
      const again = await server.db.kysely
        .selectFrom('auditEvents')
        .select('action')
        .where('entityId', '=', id)
        .where('action', '=', 'artefact.withdrawNoRequirements')
        .execute();
      expect(again, 'withdrawing nothing audits nothing').to.have.length(1);
    });

    it('rates a drafted artefact Green until a consultation covering it has closed, then Blue', async () => {
      const drafted = await createArtefact('Section T');
      await publish(server, bsc, drafted, CLEAN);
      expect(await brag(drafted)).to.equal('green');

      const consulting = await createArtefact('Section U');
      await publish(server, bsc, consulting, CLEAN);
      await openConsultation(server, programme.token, [consulting], { closesAt: hoursFromNow(24) });
      expect(await brag(consulting)).to.equal('green');

      await openConsultation(server, programme.token, [drafted], {
        title: 'Closed round',
        opensAt: hoursFromNow(-48),
        closesAt: hoursFromNow(-1),
      });
      expect(await brag(drafted)).to.equal('blue');
    });
  });
}
