import { expect } from 'chai';
import { seedRegistry } from '../../../server/commands/seedRegistry.js';
import { anyChangesExist, findChangeIds } from '../../../server/db/queries/changes.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

for (const dialect of testDialects()) {
  describe(`change routes (${dialect})`, () => {
    let server: TestServer;
    let programme: Signed;
    let bsc: Signed;
    let rec: Signed;
    let participant: Signed;
    let sectionS: string;
    let sectionE: string;

    const auditOf = (id: string) =>
      server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'before', 'after'])
        .where('entity', '=', 'change')
        .where('entityId', '=', id)
        .orderBy('id')
        .execute();

    before(async () => {
      server = await startTestServer({ dialect });
      programme = await server.signedIn('programme');
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      participant = await server.signedIn('participant');
      sectionS = await artefactId(server, programme.token, 'Section S');
      sectionE = await artefactId(server, programme.token, 'Section E');
    });
    after(() => server.close());

    it("lists the seed pack's change requests with their statuses, linked to nothing", async () => {
      const res = await server.api('/api/changes', { token: participant.token });
      expect(res.status).to.equal(200);
      const byId = new Map(
        res.body.data.map((c: { id: string; status: string }) => [c.id, c] as const),
      );
      expect(byId.get('CR053')).to.deep.include({
        type: 'CR',
        title: 'ISD Publication Frequency Change',
        status: 'approved',
        decidedAt: '2024-08-07',
        postM6: false,
        affects: [],
      });
      expect(byId.get('CR054')).to.deep.include({
        status: 'impact-assessment',
        title: 'issued for Impact Assessment',
      });
      expect(byId.get('CR045')).to.deep.include({
        status: 'rejected',
        title: 'ERDS/CSS manual correction',
      });
      const approved = await server.api('/api/changes?status=approved', {
        token: participant.token,
      });
      expect(approved.body.data.map((c: { id: string }) => c.id)).to.include.members([
        'CR050',
        'CR051',
        'CR052',
        'CR053',
      ]);
      expect(approved.body.data.every((c: { status: string }) => c.status === 'approved')).to.equal(
        true,
      );
      expect(await anyChangesExist(server.db)).to.equal(true);
      expect([...(await findChangeIds(server.db, ['CR053', 'CR999', 'DIN-1']))]).to.deep.equal([
        'CR053',
      ]);
    });

    it('seeds the change requests once: a restart never re-adds or overwrites them', async () => {
      const edit = await server.api('/api/changes/CR052', {
        method: 'PATCH',
        token: programme.token,
        body: { title: 'Edited', status: 'implemented' },
      });
      expect(edit.status).to.equal(200);
      await seedRegistry(server.db);
      const rows = await server.db.kysely
        .selectFrom('changes')
        .select(['id', 'title', 'status'])
        .where('id', 'like', 'CR05%')
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.id)).to.deep.equal(['CR050', 'CR051', 'CR052', 'CR053', 'CR054']);
      expect(rows[2]).to.deep.equal({ id: 'CR052', title: 'Edited', status: 'implemented' });
    });

    it('creates a DIN affecting artefacts by id or slug, audited; reads it back', async () => {
      const res = await server.api('/api/changes', {
        token: programme.token,
        body: {
          id: 'din-0179',
          title: 'Registration of smart meters',
          status: 'approved',
          decidedAt: '2024-07-01T10:00:00+01:00',
          artefacts: [sectionS, 'bsc-section-e', sectionS],
        },
      });
      expect(res.status).to.equal(201);
      expect(res.body.data).to.deep.include({
        id: 'DIN-0179',
        type: 'DIN',
        status: 'approved',
        decidedAt: '2024-07-01',
        postM6: false,
      });
      expect(res.body.data.affects).to.have.length(2);
      expect(res.body.data.affects[0]).to.deep.equal({
        artefactId: sectionE,
        slug: 'bsc-section-e',
        reference: 'Section E',
        code: 'BSC',
        noCodeImpact: false,
        noImpactReason: null,
      });
      const read = await server.api('/api/changes/DIN-0179', { token: participant.token });
      expect(read.status).to.equal(200);
      expect(read.body.data.affects.map((a: { slug: string }) => a.slug)).to.deep.equal([
        'bsc-section-e',
        'bsc-section-s',
      ]);
      const filtered = await server.api('/api/changes?artefactId=bsc-section-s', {
        token: participant.token,
      });
      expect(filtered.body.data.map((c: { id: string }) => c.id)).to.deep.equal(['DIN-0179']);
      expect((await auditOf('DIN-0179')).map((e) => e.action)).to.deep.equal(['change.create']);
    });

    it('refuses a duplicate id (409), bad ids, statuses and unknown artefacts (400)', async () => {
      const body = { id: 'CR053', title: 'Again', status: 'raised' };
      const dup = await server.api('/api/changes', { token: programme.token, body });
      expect(dup.status).to.equal(409);
      expect(dup.body.error.message).to.include('CR053');
      const badId = await server.api('/api/changes', {
        token: programme.token,
        body: { ...body, id: 'CHANGE-1' },
      });
      expect(badId.status).to.equal(400);
      expect(badId.body.error.message).to.match(/^body\.id/);
      const badStatus = await server.api('/api/changes', {
        token: programme.token,
        body: { ...body, id: 'CR900', status: 'done' },
      });
      expect(badStatus.status).to.equal(400);
      const unknown = await server.api('/api/changes', {
        token: programme.token,
        body: { ...body, id: 'CR901', artefacts: ['bsc-section-s', 'no-such-thing'] },
      });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.error.message).to.include('"no-such-thing"');
      expect((await server.api('/api/changes/CR901', { token: programme.token })).status).to.equal(
        404,
      );
    });

    it('is created and edited by programme only: participants and code bodies get 403', async () => {
      const body = { id: 'CR902', title: 'Nope', status: 'raised' };
      expect(
        (await server.api('/api/changes', { token: participant.token, body })).status,
      ).to.equal(403);
      expect((await server.api('/api/changes', { token: bsc.token, body })).status).to.equal(403);
      const patch = await server.api('/api/changes/CR053', {
        method: 'PATCH',
        token: participant.token,
        body: { status: 'implemented' },
      });
      expect(patch.status).to.equal(403);
      expect((await server.api('/api/changes/CR902', { token: programme.token })).status).to.equal(
        404,
      );
    });

    it('patches fields and replaces the artefact set, keeping marks on artefacts that stay', async () => {
      await server.api('/api/changes', {
        token: programme.token,
        body: { id: 'CR903', title: 'Draft', status: 'raised', artefacts: [sectionS, sectionE] },
      });
      const mark = await server.api(`/api/changes/CR903/artefacts/${sectionS}/no-impact`, {
        token: bsc.token,
        body: { reason: 'Already covered by 1.1.1' },
      });
      expect(mark.status).to.equal(200);
      const res = await server.api('/api/changes/cr903', {
        method: 'PATCH',
        token: programme.token,
        body: {
          title: 'Final',
          status: 'approved',
          decidedAt: '2024-08-07',
          postM6: true,
          artefacts: ['bsc-section-s', 'bsc-section-j'],
        },
      });
      expect(res.status).to.equal(200);
      expect(res.body.data).to.deep.include({
        title: 'Final',
        status: 'approved',
        decidedAt: '2024-08-07',
        postM6: true,
      });
      const affects = res.body.data.affects as { slug: string; noCodeImpact: boolean }[];
      expect(affects.map((a) => [a.slug, a.noCodeImpact])).to.deep.equal([
        ['bsc-section-j', false],
        ['bsc-section-s', true],
      ]);
      const events = await auditOf('CR903');
      expect(events.map((e) => e.action)).to.deep.equal([
        'change.create',
        'change.markNoImpact',
        'change.update',
      ]);
      const update = events[2];
      expect(JSON.parse(update?.before ?? 'null')).to.include({ status: 'raised', title: 'Draft' });
      expect(JSON.parse(update?.after ?? 'null')).to.include({ status: 'approved', postM6: true });

      const notFound = await server.api('/api/changes/CR999', {
        method: 'PATCH',
        token: programme.token,
        body: { status: 'approved' },
      });
      expect(notFound.status).to.equal(404);
      const empty = await server.api('/api/changes/CR903', {
        method: 'PATCH',
        token: programme.token,
        body: {},
      });
      expect(empty.status).to.equal(400);
      const badStatus = await server.api('/api/changes/CR903', {
        method: 'PATCH',
        token: programme.token,
        body: { status: 'finished' },
      });
      expect(badStatus.status).to.equal(400);
      const unknown = await server.api('/api/changes/CR903', {
        method: 'PATCH',
        token: programme.token,
        body: { artefacts: ['nowhere'] },
      });
      expect(unknown.status).to.equal(400);
    });

    describe('no code impact', () => {
      before(async () => {
        const res = await server.api('/api/changes', {
          token: programme.token,
          body: { id: 'CR904', title: 'Impact', status: 'approved', artefacts: [sectionS] },
        });
        expect(res.status).to.equal(201);
      });

      it("lets the artefact's code body mark it with a reason and withdraw the mark", async () => {
        const res = await server.api(`/api/changes/CR904/artefacts/bsc-section-s/no-impact`, {
          token: bsc.token,
          body: { reason: '  Settlement text unaffected  ' },
        });
        expect(res.status).to.equal(200);
        expect(res.body.data.affects[0]).to.include({
          artefactId: sectionS,
          noCodeImpact: true,
          noImpactReason: 'Settlement text unaffected',
        });
        const undo = await server.api(`/api/changes/CR904/artefacts/${sectionS}/no-impact`, {
          method: 'DELETE',
          token: bsc.token,
        });
        expect(undo.status).to.equal(200);
        expect(undo.body.data.affects[0]).to.include({
          noCodeImpact: false,
          noImpactReason: null,
        });
        expect((await auditOf('CR904')).map((e) => e.action)).to.deep.equal([
          'change.create',
          'change.markNoImpact',
          'change.withdrawNoImpact',
        ]);
      });

      it('lets programme mark any artefact', async () => {
        const res = await server.api(`/api/changes/CR904/artefacts/${sectionS}/no-impact`, {
          token: programme.token,
          body: { reason: 'Programme view' },
        });
        expect(res.status).to.equal(200);
      });

      it('refuses another code body (403) and participants (403)', async () => {
        const path = `/api/changes/CR904/artefacts/${sectionS}/no-impact`;
        const other = await server.api(path, { token: rec.token, body: { reason: 'Not ours' } });
        expect(other.status).to.equal(403);
        const withdraw = await server.api(path, { method: 'DELETE', token: rec.token });
        expect(withdraw.status).to.equal(403);
        const party = await server.api(path, {
          token: participant.token,
          body: { reason: 'Hmm' },
        });
        expect(party.status).to.equal(403);
      });

      it('needs a reason (400) and a change that affects the artefact (400), else 404', async () => {
        const path = `/api/changes/CR904/artefacts/${sectionS}/no-impact`;
        const missing = await server.api(path, { token: bsc.token, body: {} });
        expect(missing.status).to.equal(400);
        expect(missing.body.error.message).to.match(/^body\.reason/);
        const blank = await server.api(path, { token: bsc.token, body: { reason: '   ' } });
        expect(blank.status).to.equal(400);
        const unaffected = await server.api(`/api/changes/CR904/artefacts/${sectionE}/no-impact`, {
          token: bsc.token,
          body: { reason: 'Not linked' },
        });
        expect(unaffected.status).to.equal(400);
        expect(unaffected.body.error.message).to.include('does not affect Section E');
        const noChange = await server.api(`/api/changes/CR998/artefacts/${sectionS}/no-impact`, {
          token: bsc.token,
          body: { reason: 'x' },
        });
        expect(noChange.status).to.equal(404);
        const noArtefact = await server.api('/api/changes/CR904/artefacts/nothing/no-impact', {
          token: bsc.token,
          body: { reason: 'x' },
        });
        expect(noArtefact.status).to.equal(404);
      });
    });
  });
}
