import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const SAMPLE = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1 Introduction',
  '',
  '1.1.1 This Section S sets out:',
  '',
  '(a) the basis of Supplier Volume Allocation; and',
  '',
  '(b) the duties of the SVAA.',
].join('\n');

for (const dialect of testDialects()) {
  describe(`artefact and version routes (${dialect})`, () => {
    let server: TestServer;
    let reader: string;
    before(async () => {
      server = await startTestServer({ dialect });
      reader = (await server.signedIn('participant')).token;
    });
    after(() => server.close());

    const idOf = async (q: string) => {
      const res = await server.api(`/api/artefacts?q=${encodeURIComponent(q)}`, { token: reader });
      return res.body.data[0].id as string;
    };

    it('lists the 81 seeded artefacts with the contract fields', async () => {
      const res = await server.api('/api/artefacts', { token: reader });
      expect(res.status).to.equal(200);
      expect(res.body.data).to.have.length(81);
      const first = res.body.data[0];
      expect(first).to.include.keys(
        'id',
        'slug',
        'code',
        'kind',
        'reference',
        'title',
        'topicArea',
        'status',
        'brag',
        'bragSource',
        'outstandingComments',
        'totalComments',
        'currentVersion',
      );
      expect(first).to.include({
        reference: 'Section E',
        code: 'BSC',
        brag: 'red',
        bragSource: 'computed',
      });
      expect(new Set(res.body.data.map((a: { slug: string }) => a.slug)).size).to.equal(81);
    });

    it('filters by code, kind and text, case-insensitively', async () => {
      const byCode = async (code: string) =>
        (await server.api(`/api/artefacts?code=${code}`, { token: reader })).body.data.length;
      expect([await byCode('BSC'), await byCode('rec'), await byCode('DCUSA')]).to.deep.equal([
        60, 20, 1,
      ]);
      const bscps = await server.api('/api/artefacts?code=BSC&kind=bscp', { token: reader });
      expect(bscps.body.data.every((a: { kind: string }) => a.kind === 'bscp')).to.equal(true);
      const q = await server.api('/api/artefacts?q=smart%20data', { token: reader });
      expect(q.body.data.map((a: { reference: string }) => a.reference)).to.deep.equal(['BSCP701']);
      const pct = await server.api('/api/artefacts?q=%25', { token: reader });
      expect(pct.body.data).to.have.length(0);
    });

    it('rejects an unknown kind filter with 400 naming the field', async () => {
      const res = await server.api('/api/artefacts?kind=novel', { token: reader });
      expect(res.status).to.equal(400);
      expect(res.body.error.message).to.match(/^query\.kind/);
    });

    it('finds an artefact by id and by slug, and 404s an unknown one', async () => {
      const id = await idOf('BSCP701');
      const byId = await server.api(`/api/artefacts/${id}`, { token: reader });
      const bySlug = await server.api('/api/artefacts/bsc-bscp701', { token: reader });
      expect(byId.body.data.title).to.equal('Smart Data Service');
      expect(bySlug.body.data.id).to.equal(id);
      const missing = await server.api('/api/artefacts/no-such-thing', { token: reader });
      expect(missing.status).to.equal(404);
      expect(missing.body.error.code).to.equal('not_found');
    });

    describe('creating and editing artefacts', () => {
      it('lets programme users create with a unique slug and audits it', async () => {
        const programme = await server.signedIn('programme');
        const body = {
          code: 'REC',
          kind: 'schedule',
          reference: 'Schedule 99',
          title: 'Test Schedule',
        };
        const res = await server.api('/api/artefacts', { token: programme.token, body });
        expect(res.status).to.equal(201);
        expect(res.body.data).to.include({
          slug: 'rec-schedule-99',
          code: 'REC',
          status: 'Drafting',
        });
        const again = await server.api('/api/artefacts', { token: programme.token, body });
        expect(again.body.data.slug).to.equal('rec-test-schedule');
        const audit = await server.db.kysely
          .selectFrom('auditEvents')
          .selectAll()
          .where('entityId', '=', res.body.data.id)
          .execute();
        expect(audit.map((a) => a.action)).to.deep.equal(['artefact.create']);
        expect(audit[0]?.actorId).to.equal(programme.id);
      });

      it('refuses participants, code bodies and SROs with 403', async () => {
        for (const role of ['participant', 'code_body', 'sro'] as const) {
          const user = await server.signedIn(role);
          const res = await server.api('/api/artefacts', {
            token: user.token,
            body: { code: 'BSC', kind: 'bscp', reference: 'BSCP999', title: 'X' },
          });
          expect(res.status, role).to.equal(403);
        }
      });

      it('validates the body: unknown code, wrong type', async () => {
        const admin = await server.signedIn('admin');
        const unknown = await server.api('/api/artefacts', {
          token: admin.token,
          body: { code: 'XYZ', kind: 'bscp', reference: 'R', title: 'T' },
        });
        expect(unknown.status).to.equal(400);
        expect(unknown.body.error.message).to.include('body.code');
        const wrongType = await server.api('/api/artefacts', {
          token: admin.token,
          body: { code: 'BSC', kind: 'bscp', reference: 7, title: 'T' },
        });
        expect(wrongType.status).to.equal(400);
        expect(wrongType.body.error.message).to.match(/^body\.reference/);
      });

      it('edits registry fields with an audit of before and after', async () => {
        const programme = await server.signedIn('programme');
        const id = await idOf('BSCP702');
        const res = await server.api(`/api/artefacts/${id}`, {
          method: 'PATCH',
          token: programme.token,
          body: { topicArea: 'Settlement' },
        });
        expect(res.status).to.equal(200);
        expect(res.body.data.topicArea).to.equal('Settlement');
        const event = await server.db.kysely
          .selectFrom('auditEvents')
          .selectAll()
          .where('entityId', '=', id)
          .where('action', '=', 'artefact.update')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(event.before ?? '{}').topicArea).to.equal('Finalisation');
        expect(JSON.parse(event.after ?? '{}').topicArea).to.equal('Settlement');
        // The status follows the lifecycle: it is computed, not typed in.
        const typed = await server.api(`/api/artefacts/${id}`, {
          method: 'PATCH',
          token: programme.token,
          body: { status: 'Baselined' },
        });
        expect(typed.status).to.equal(400);
        expect(typed.body.error.message).to.include('status');
        const empty = await server.api(`/api/artefacts/${id}`, {
          method: 'PATCH',
          token: programme.token,
          body: {},
        });
        expect(empty.status).to.equal(400);
      });
    });

    describe('publishing versions', () => {
      it('lets a BSC code-body user publish on a BSC artefact; parses clauses and renders HTML', async () => {
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const id = await idOf('Section S Annex S-1');
        const res = await server.api(`/api/artefacts/${id}/versions`, {
          token: bsc.token,
          body: { label: 'v1', body: SAMPLE, changeNote: 'First draft', incorporates: ['CR053'] },
        });
        expect(res.status).to.equal(201);
        const version = res.body.data;
        expect(version.clauses.map((c: { ref: string }) => c.ref)).to.deep.equal([
          '1',
          '1.1',
          '1.1.1',
          '1.1.1(a)',
          '1.1.1(b)',
        ]);
        expect(version.html).to.include('id="clause-1-1-1"');
        expect(version.incorporates).to.deep.equal(['CR053']);
        expect(version.author.id).to.equal(bsc.id);
        expect(version.author.name).to.match(/^Test code_body/);

        const artefact = await server.api(`/api/artefacts/${id}`, { token: reader });
        expect(artefact.body.data.currentVersion).to.include({ id: version.id, label: 'v1' });
        // Drafted but not yet through a consultation: green at best.
        expect(artefact.body.data.brag).to.equal('green');

        const list = await server.api(`/api/artefacts/${id}/versions`, { token: reader });
        expect(list.body.data.map((v: { label: string }) => v.label)).to.deep.equal(['v1']);
        expect(list.body.data[0]).to.not.have.property('body');

        const one = await server.api(`/api/artefacts/${id}/versions/${version.id}`, {
          token: reader,
        });
        expect(one.status).to.equal(200);
        expect(one.body.data.body).to.equal(SAMPLE);
      });

      it('keeps versions immutable: a second label is a new version, a reused label is 409', async () => {
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const id = await idOf('BSCP703');
        const post = (label: string, body: string) =>
          server.api(`/api/artefacts/${id}/versions`, { token: bsc.token, body: { label, body } });
        expect((await post('v1', '1. ONE')).status).to.equal(201);
        expect((await post('v2', '1. TWO')).status).to.equal(201);
        const dup = await post('v1', '1. CHANGED');
        expect(dup.status).to.equal(409);
        const versions = await server.api(`/api/artefacts/${id}/versions`, { token: reader });
        expect(versions.body.data.map((v: { label: string }) => v.label)).to.deep.equal([
          'v2',
          'v1',
        ]);
        const v1 = versions.body.data[1];
        const stored = await server.api(`/api/artefacts/${id}/versions/${v1.id}`, {
          token: reader,
        });
        expect(stored.body.data.body).to.equal('1. ONE');
      });

      it('refuses a participant (403) and a BSC code-body user on a REC artefact (403)', async () => {
        const participant = await server.signedIn('participant');
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const bscArtefact = await idOf('BSCP704');
        const recArtefact = await idOf('Schedule 9');
        const body = { label: 'v1', body: '1. TEXT' };
        const byParticipant = await server.api(`/api/artefacts/${bscArtefact}/versions`, {
          token: participant.token,
          body,
        });
        expect(byParticipant.status).to.equal(403);
        const crossCode = await server.api(`/api/artefacts/${recArtefact}/versions`, {
          token: bsc.token,
          body,
        });
        expect(crossCode.status).to.equal(403);
        expect(crossCode.body.error.code).to.equal('forbidden');
        const versions = await server.api(`/api/artefacts/${recArtefact}/versions`, {
          token: reader,
        });
        expect(versions.body.data).to.have.length(0);
      });

      it('404s an unknown artefact and an unknown version', async () => {
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const res = await server.api('/api/artefacts/nope/versions', {
          token: bsc.token,
          body: { label: 'v1', body: 'x' },
        });
        expect(res.status).to.equal(404);
        const id = await idOf('BSCP705');
        expect(
          (await server.api(`/api/artefacts/${id}/versions/nope`, { token: reader })).status,
        ).to.equal(404);
      });

      it('answers a body over 5 MB with 413 and stores nothing', async () => {
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const id = await idOf('BSCP706');
        const big = '1.1 Big\n\n' + 'word '.repeat(1_100_000);
        const res = await server.api(`/api/artefacts/${id}/versions`, {
          token: bsc.token,
          body: { label: 'v1', body: big },
        });
        expect(res.status).to.equal(413);
        expect(res.body.error.code).to.equal('payload_too_large');
        const versions = await server.api(`/api/artefacts/${id}/versions`, { token: reader });
        expect(versions.body.data).to.have.length(0);
      });

      it('rejects an empty body, a wrong type and a malformed change id with 400 naming the field', async () => {
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const id = await idOf('BSCP707');
        const cases: [unknown, RegExp][] = [
          [{ label: 'v1', body: '' }, /^body\.body/],
          [{ label: 'v1', body: 42 }, /^body\.body/],
          [{ body: '1. X' }, /^body\.label/],
          [{ label: 'v1', body: '1. X', incorporates: ['not-a-change'] }, /^body\.incorporates\.0/],
        ];
        for (const [body, message] of cases) {
          const res = await server.api(`/api/artefacts/${id}/versions`, { token: bsc.token, body });
          expect(res.status, JSON.stringify(body)).to.equal(400);
          expect(res.body.error.message).to.match(message);
        }
      });

      it('renders script, event handlers and javascript: links inert', async () => {
        const bsc = await server.signedIn('code_body', { code: 'BSC' });
        const id = await idOf('BSCP708');
        const body = [
          '1. GENERAL',
          '',
          '1.1.1 Text <script>alert("x")</script> and <img src="x" onerror="alert(1)"> and',
          '[a link](javascript:alert(1)) and <a href="JAVASCRIPT:alert(2)">another</a>.',
        ].join('\n');
        const res = await server.api(`/api/artefacts/${id}/versions`, {
          token: bsc.token,
          body: { label: 'v1', body },
        });
        expect(res.status).to.equal(201);
        const html: string = res.body.data.html;
        expect(html).to.not.match(/<script/i);
        expect(html).to.not.match(/onerror/i);
        expect(html).to.not.match(/javascript:/i);
        expect(html).to.include('a link');
        expect(res.body.data.body).to.equal(body);
      });
    });
  });
}
