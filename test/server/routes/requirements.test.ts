import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { artefactId, publish, SAMPLE_SECTION } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

for (const dialect of testDialects()) {
  describe(`requirement routes (${dialect})`, () => {
    let server: TestServer;
    let programme: Signed;
    let bsc: Signed;
    let rec: Signed;
    let participant: Signed;
    let sectionS: string;
    let sectionL: string; // no version

    const create = (id: string, token = programme.token) =>
      server.api('/api/requirements', {
        token,
        body: { id, text: `Requirement ${id}`, source: 'MHHS Design Artefact DES138' },
      });
    const trace = (id: string, body: Record<string, unknown>, token = bsc.token) =>
      server.api(`/api/requirements/${encodeURIComponent(id)}/traces`, { token, body });

    before(async () => {
      server = await startTestServer({ dialect });
      programme = await server.signedIn('programme');
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      participant = await server.signedIn('participant');
      sectionS = await artefactId(server, programme.token, 'Section S');
      sectionL = await artefactId(server, programme.token, 'Section L');
      await publish(server, bsc, sectionS);
    });
    after(() => server.close());

    it('creates a requirement (programme), refusing a duplicate (409) and other roles (403)', async () => {
      const res = await create('REQ-SVA-001');
      expect(res.status).to.equal(201);
      expect(res.body.data).to.deep.include({
        id: 'REQ-SVA-001',
        text: 'Requirement REQ-SVA-001',
        source: 'MHHS Design Artefact DES138',
        traces: [],
      });
      expect((await create('REQ-SVA-001')).status).to.equal(409);
      expect((await create('REQ-X', participant.token)).status).to.equal(403);
      expect((await create('REQ-X', bsc.token)).status).to.equal(403);
      expect((await create('x'.repeat(51))).status).to.equal(400);
      const blank = await server.api('/api/requirements', {
        token: programme.token,
        body: { id: 'REQ-Y', text: ' ', source: 'Design' },
      });
      expect(blank.status).to.equal(400);
      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select('action')
        .where('entity', '=', 'requirement')
        .where('entityId', '=', 'REQ-SVA-001')
        .execute();
      expect(audit.map((e) => e.action)).to.deep.equal(['requirement.create']);
    });

    it("traces to a clause of the artefact's current version by id or slug; duplicates are 409", async () => {
      await create('REQ-TRACE');
      const res = await trace('REQ-TRACE', { artefactId: 'bsc-section-s', clauseRef: '1.1.2' });
      expect(res.status).to.equal(201);
      expect(res.body.data.traces).to.deep.equal([
        {
          artefactId: sectionS,
          slug: 'bsc-section-s',
          reference: 'Section S',
          code: 'BSC',
          clauseRef: '1.1.2',
          broken: false,
        },
      ]);
      const again = await trace('REQ-TRACE', { artefactId: sectionS, clauseRef: '1.1.2' });
      expect(again.status).to.equal(409);
      const list = await server.api(`/api/requirements?artefactId=bsc-section-s`, {
        token: participant.token,
      });
      expect(list.status).to.equal(200);
      expect(list.body.data.map((r: { id: string }) => r.id)).to.deep.equal(['REQ-TRACE']);
    });

    it('refuses a missing clause or an artefact without a version (400, naming it)', async () => {
      await create('REQ-MISSING');
      const missing = await trace('REQ-MISSING', { artefactId: sectionS, clauseRef: '9.9.9' });
      expect(missing.status).to.equal(400);
      expect(missing.body.error.message).to.include('"9.9.9"');
      const noVersion = await trace('REQ-MISSING', { artefactId: sectionL, clauseRef: '1.1' });
      expect(noVersion.status).to.equal(400);
      expect(noVersion.body.error.message).to.include('Section L has no version');
      const noReq = await trace('REQ-NOPE', { artefactId: sectionS, clauseRef: '1.1.1' });
      expect(noReq.status).to.equal(404);
      const noArtefact = await trace('REQ-MISSING', { artefactId: 'nowhere', clauseRef: '1' });
      expect(noArtefact.status).to.equal(404);
    });

    it("lets a code body trace only its own code's artefacts; programme any", async () => {
      await create('REQ-WHO');
      const other = await trace('REQ-WHO', { artefactId: sectionS, clauseRef: '1.1.1' }, rec.token);
      expect(other.status).to.equal(403);
      const party = await trace(
        'REQ-WHO',
        { artefactId: sectionS, clauseRef: '1.1.1' },
        participant.token,
      );
      expect(party.status).to.equal(403);
      const prog = await trace(
        'REQ-WHO',
        { artefactId: sectionS, clauseRef: '1.1.1' },
        programme.token,
      );
      expect(prog.status).to.equal(201);
    });

    it('marks a trace broken once a new version drops its clause', async () => {
      const sectionK = await artefactId(server, programme.token, 'Section K');
      await publish(server, bsc, sectionK);
      await create('REQ-BREAK');
      expect(
        (await trace('REQ-BREAK', { artefactId: sectionK, clauseRef: '2.1.1' })).status,
      ).to.equal(201);
      expect(
        (await trace('REQ-BREAK', { artefactId: sectionK, clauseRef: '1.1.1' })).status,
      ).to.equal(201);
      const v2 = await server.api(`/api/artefacts/${sectionK}/versions`, {
        token: bsc.token,
        body: { label: 'v2', body: SAMPLE_SECTION.split('\n2. ALLOCATION')[0] },
      });
      expect(v2.status).to.equal(201);
      const list = await server.api(`/api/requirements?artefactId=${sectionK}`, {
        token: participant.token,
      });
      const req = list.body.data.find((r: { id: string }) => r.id === 'REQ-BREAK');
      expect(
        req.traces.map((t: { clauseRef: string; broken: boolean }) => [t.clauseRef, t.broken]),
      ).to.deep.equal([
        ['1.1.1', false],
        ['2.1.1', true],
      ]);
      const retrace = await trace('REQ-BREAK', { artefactId: sectionK, clauseRef: '2.1.1' });
      expect(retrace.status).to.equal(400);
      expect(retrace.body.error.message).to.include('v2 has no clause "2.1.1"');
    });

    it('removes a trace named in the body or the query; a missing one is 404', async () => {
      await create('REQ-UNTRACE');
      await trace('REQ-UNTRACE', { artefactId: sectionS, clauseRef: '1.1.1' });
      await trace('REQ-UNTRACE', { artefactId: sectionS, clauseRef: '2.1.1' });
      const other = await server.api('/api/requirements/REQ-UNTRACE/traces', {
        method: 'DELETE',
        token: rec.token,
        body: { artefactId: sectionS, clauseRef: '1.1.1' },
      });
      expect(other.status).to.equal(403);
      const byBody = await server.api('/api/requirements/REQ-UNTRACE/traces', {
        method: 'DELETE',
        token: bsc.token,
        body: { artefactId: sectionS, clauseRef: '1.1.1' },
      });
      expect(byBody.status).to.equal(200);
      expect(byBody.body.data.traces.map((t: { clauseRef: string }) => t.clauseRef)).to.deep.equal([
        '2.1.1',
      ]);
      const byQuery = await server.api(
        '/api/requirements/REQ-UNTRACE/traces?artefactId=bsc-section-s&clauseRef=2.1.1',
        { method: 'DELETE', token: bsc.token },
      );
      expect(byQuery.status).to.equal(200);
      expect(byQuery.body.data.traces).to.deep.equal([]);
      const gone = await server.api('/api/requirements/REQ-UNTRACE/traces', {
        method: 'DELETE',
        token: bsc.token,
        body: { artefactId: sectionS, clauseRef: '2.1.1' },
      });
      expect(gone.status).to.equal(404);
      const incomplete = await server.api('/api/requirements/REQ-UNTRACE/traces', {
        method: 'DELETE',
        token: bsc.token,
        body: { artefactId: sectionS },
      });
      expect(incomplete.status).to.equal(400);
      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select('action')
        .where('entity', '=', 'requirement')
        .where('entityId', '=', 'REQ-UNTRACE')
        .orderBy('id')
        .execute();
      expect(audit.map((e) => e.action)).to.deep.equal([
        'requirement.create',
        'requirement.trace',
        'requirement.trace',
        'requirement.untrace',
        'requirement.untrace',
      ]);
    });
  });
}
