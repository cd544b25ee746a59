import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { artefactId, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

for (const dialect of testDialects()) {
  describe(`readiness and BRAG routes (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;
    let id: string;
    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      id = await artefactId(server, bsc.token, 'BSCP701');
    });
    after(() => server.close());

    it('reports the seeded registry as not ready, naming the blockers', async () => {
      const res = await server.api('/api/readiness', { token: alice.token });
      expect(res.status).to.equal(200);
      expect(res.body.ready).to.equal(false);
      expect(res.body.criteria.map((c: { id: string }) => c.id)).to.deep.equal([
        'SC1',
        'SC2',
        'SC3',
        'SC4',
        'SC5',
        'KD1',
        'KD2',
        'KD3',
      ]);
      const sc4 = res.body.criteria.find((c: { id: string }) => c.id === 'SC4');
      expect(sc4.met).to.equal(false);
      expect(sc4.blockers.length).to.be.at.most(100);
      expect(sc4.blockerCount).to.be.greaterThan(80);
      expect(res.body.byCode.map((c: { code: string }) => c.code)).to.deep.equal([
        'BSC',
        'REC',
        'DCUSA',
      ]);
      expect(res.body.artefacts).to.have.length(81);
      expect(res.body.artefacts[0]).to.include({
        brag: 'red',
        statusText: '0 Industry comments outstanding',
      });
    });

    it("follows an artefact's comments and versions", async () => {
      await publish(server, bsc, id);
      await openConsultation(server, programme.token, [id]);
      await postComment(server, alice.token, id, { category: 'plain-english' });
      const one = await server.api(`/api/artefacts/${id}/readiness`, { token: alice.token });
      expect(one.status).to.equal(200);
      expect(one.body.data).to.include({
        brag: 'green',
        outstandingComments: 1,
        statusText: '1 Industry comment outstanding',
      });
      const sc3 = one.body.data.criteria.find((c: { id: string }) => c.id === 'SC3');
      expect(sc3.met).to.equal(false);
      expect(sc3.blockers[0]).to.include({ kind: 'comment', artefactId: id });
      const list = await server.api('/api/artefacts?brag=green', { token: alice.token });
      expect(list.body.data.map((a: { id: string }) => a.id)).to.deep.equal([id]);
    });

    it('runs the plain-English checks on publishing and blocks SC3 until a finding is waived', async () => {
      const other = await artefactId(server, bsc.token, 'BSCP703');
      await publish(
        server,
        bsc,
        other,
        '1. GENERAL\n\n1.1.1 Suppliers shall notify the SVAA and/or the BSCCo.',
        'v1',
      );
      const findings = await server.api(`/api/artefacts/${other}/findings`, { token: alice.token });
      expect(findings.status).to.equal(200);
      const vague = findings.body.data.find((f: { kind: string }) => f.kind === 'vague-wording');
      expect(vague).to.include({ clauseRef: '1.1.1', status: 'open' });
      const before = await server.api(`/api/artefacts/${other}/readiness`, { token: alice.token });
      const blockers = before.body.data.criteria.find(
        (c: { id: string }) => c.id === 'SC3',
      ).blockers;
      expect(blockers.map((b: { id: string }) => b.id)).to.include(vague.id);
      const waived = await server.api(`/api/findings/${vague.id}/waive`, {
        token: bsc.token,
        body: { reason: 'Both are meant' },
      });
      expect(waived.status).to.equal(200);
      const after = await server.api(`/api/artefacts/${other}/readiness`, { token: alice.token });
      const remaining = after.body.data.criteria.find(
        (c: { id: string }) => c.id === 'SC3',
      ).blockers;
      expect(remaining.map((b: { id: string }) => b.id)).to.not.include(vague.id);
    });

    it('lets the code body override BRAG with a reason, audited and shown as an override', async () => {
      const noReason = await server.api(`/api/artefacts/${id}/brag`, {
        token: bsc.token,
        body: { brag: 'amber', reason: ' ' },
      });
      expect(noReason.status).to.equal(400);
      const otherCode = await server.api(`/api/artefacts/${id}/brag`, {
        token: rec.token,
        body: { brag: 'amber', reason: 'x' },
      });
      expect(otherCode.status).to.equal(403);
      const participant = await server.api(`/api/artefacts/${id}/brag`, {
        token: alice.token,
        body: { brag: 'amber', reason: 'x' },
      });
      expect(participant.status).to.equal(403);
      const ok = await server.api(`/api/artefacts/${id}/brag`, {
        token: bsc.token,
        body: { brag: 'amber', reason: 'Legal review pending' },
      });
      expect(ok.status).to.equal(200);
      expect(ok.body.data).to.deep.equal({
        brag: 'amber',
        bragSource: 'override',
        bragOverrideReason: 'Legal review pending',
      });
      const row = await server.api(`/api/artefacts/${id}`, { token: alice.token });
      expect(row.body.data).to.include({ brag: 'amber', bragSource: 'override' });
      const filtered = await server.api('/api/artefacts?brag=amber', { token: alice.token });
      expect(filtered.body.data.map((a: { id: string }) => a.id)).to.deep.equal([id]);
      const audit = await server.api(`/api/audit?entity=artefact&entityId=${id}`, {
        token: programme.token,
      });
      expect(audit.body.data.map((e: { action: string }) => e.action)).to.include(
        'artefact.bragOverride',
      );
      const cleared = await server.api(`/api/artefacts/${id}/brag`, {
        token: programme.token,
        body: { brag: null, reason: 'Review done' },
      });
      expect(cleared.body.data).to.include({ brag: 'green', bragSource: 'computed' });
    });
  });
}
