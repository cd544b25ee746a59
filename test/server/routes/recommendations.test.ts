import { expect } from 'chai';
import mammoth from 'mammoth';
import { testDialects } from '../../helpers/db.js';
import {
  hoursFromNow,
  openConsultation,
  postComment,
  stateNoRequirements,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

const CLEAN = [
  '1. GENERAL',
  '',
  '1.1 Scope',
  '',
  '1.1.1 This document sets out the rules for the service.',
].join('\n');
const STANDARD =
  'Based on the current MHHS Design, the Code Artefacts have been translated accurately (subject to CRs and Design Changes), they meet the M6 success criteria and are ready to be CCAG approved to baseline the MHHS Code Artefacts';

for (const dialect of testDialects()) {
  describe(`recommendation paper, decisions and the M6 baseline (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let codeBodies: Record<string, Signed>;
    let programme: Signed;
    let sro: Signed;
    let alice: Signed;
    let artefacts: { id: string; code: string; reference: string }[];

    const decide = (paper: string, token: string, body: string, outcome: string) =>
      server.api(`/api/recommendations/${paper}/decisions`, {
        token,
        body: { body, outcome, notes: 'Minuted' },
      });

    before(async () => {
      server = await startTestServer({ dialect });
      codeBodies = {
        BSC: await server.signedIn('code_body', { code: 'BSC' }),
        REC: await server.signedIn('code_body', { code: 'REC' }),
        DCUSA: await server.signedIn('code_body', { code: 'DCUSA' }),
      };
      programme = await server.signedIn('programme');
      sro = await server.signedIn('sro');
      alice = await server.signedIn('participant');
      artefacts = (await server.api('/api/artefacts', { token: programme.token })).body.data;
      for (const a of artefacts) {
        const res = await server.api(`/api/artefacts/${a.id}/versions`, {
          token: codeBodies[a.code]?.token,
          body: { label: 'v1', body: CLEAN },
        });
        expect(res.status, a.reference).to.equal(201);
      }
      await stateNoRequirements(
        server,
        programme.token,
        artefacts.map((a) => a.id),
      );
      await openConsultation(
        server,
        programme.token,
        artefacts.map((a) => a.id),
        { closesAt: hoursFromNow(48) },
      );
      const bscp701 = artefacts.find((a) => a.reference === 'BSCP701');
      const comment = (await postComment(server, alice.token, bscp701?.id ?? '')).body.data;
      await server.api(`/api/comments/${comment.id}/triage`, {
        token: codeBodies.BSC?.token,
        body: { status: 'accepted', response: 'Agreed and updated', revision: 1 },
      });
      const answers = Object.fromEntries(
        ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map(
          (k) => [k, { confirmed: true }],
        ),
      );
      const dp = await server.api('/api/due-process/responses', {
        token: alice.token,
        body: { answers, lessonsLearnt: 'Better redlining of text' },
      });
      expect(dp.status).to.be.oneOf([200, 201]);
    });
    after(() => server.close());

    it('refuses papers and decisions from participants (403)', async () => {
      expect(
        (await server.api('/api/recommendations', { method: 'POST', token: alice.token })).status,
      ).to.equal(403);
      const paper = (
        await server.api('/api/recommendations', { method: 'POST', token: programme.token })
      ).body.data;
      expect((await decide(paper.id, alice.token, 'CCAG', 'recommended')).status).to.equal(403);
      expect((await decide(paper.id, programme.token, 'SRO', 'approved')).status).to.equal(403);
      expect((await decide(paper.id, sro.token, 'SRO', 'recommended')).status).to.equal(400);
    });

    it('renders a ready paper in Markdown, HTML and Word mirroring the seed pack', async () => {
      const res = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(res.status).to.equal(201);
      expect(res.body.data.verdict).to.equal('ready');
      const id = res.body.data.id;
      const md = await server.api(`/api/recommendations/${id}.md`, { token: alice.token });
      expect(md.status).to.equal(200);
      for (const heading of [
        '## M6 - Success Criteria',
        '### Key Dependencies',
        '## 1 Due Process response',
        '## BSC Code Artefacts',
        '## REC Code Artefacts',
        '## Code Artefacts – DCUSA',
        '## CDWG Recommendation',
      ]) {
        expect(md.body, heading).to.include(heading);
      }
      expect(md.body).to.include(
        '| Topic Area | Document | Status | BRAG | Current status and issues |',
      );
      expect(md.body).to.include(
        '| Finalisation | BSCP701 – Smart Data Service | Consultation | Green | 0 Industry comments outstanding |',
      );
      expect(md.body).to.include(`*${STANDARD}*`);
      expect(md.body).to.include('Better redlining of text');
      const html = await server.api(`/api/recommendations/${id}.html`, { token: alice.token });
      expect(html.headers.get('content-type')).to.include('text/html');
      expect(html.body).to.include('<table>').and.include('<em>Based on the current MHHS Design');
      const docx = await fetch(`${server.url}/api/recommendations/${id}.docx`, {
        headers: { authorization: `Bearer ${alice.token}` },
      });
      // Saved under the reference the paper is cited by, as its JSON and its header give it.
      const paper = await server.api(`/api/recommendations/${id}`, { token: alice.token });
      const reference = paper.body.data.reference as string;
      expect(reference).to.match(/^CDWG-M6-\d{8}-[0-9A-Z]{8}$/);
      expect(docx.headers.get('content-disposition')).to.equal(
        `attachment; filename="${reference}.docx"`,
      );
      const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
        .value;
      expect(text)
        .to.include('M6 - Success Criteria')
        .and.include(STANDARD)
        .and.include('0 Industry comments outstanding');
    });

    it('needs a CCAG recommendation before the SRO can approve, and a matching state', async () => {
      const paper = (
        await server.api('/api/recommendations', { method: 'POST', token: programme.token })
      ).body.data;
      const early = await decide(paper.id, sro.token, 'SRO', 'approved');
      expect(early.status).to.equal(409);
      expect(early.body.error.message).to.include('CCAG');
      expect((await decide(paper.id, programme.token, 'CCAG', 'recommended')).status).to.equal(201);
      const bscp702 = artefacts.find((a) => a.reference === 'BSCP702');
      await postComment(server, alice.token, bscp702?.id ?? '', { body: 'A late comment' });
      const stale = await decide(paper.id, sro.token, 'SRO', 'approved');
      expect(stale.status).to.equal(409);
      expect(stale.body.error.message).to.include('BSCP702: outstanding comments 0 → 1');
    });

    it('refuses to approve a not-ready paper', async () => {
      const paper = (
        await server.api('/api/recommendations', { method: 'POST', token: programme.token })
      ).body.data;
      expect(paper.verdict).to.equal('not-ready');
      const md = await server.api(`/api/recommendations/${paper.id}.md`, {
        token: programme.token,
      });
      expect(md.body).to.include('**Not ready.**').and.include('SC4');
      await decide(paper.id, programme.token, 'CCAG', 'recommended');
      const res = await decide(paper.id, sro.token, 'SRO', 'approved');
      expect(res.status).to.equal(409);
      expect(res.body.error.message).to.include('not ready');
    });

    it('baselines every current version on SRO approval; baselined artefacts need a post-M6 change', async () => {
      const open = await server.api('/api/comments?status=outstanding&limit=200', {
        token: codeBodies.BSC?.token,
      });
      for (const c of open.body.data) {
        await server.api(`/api/comments/${c.id}/triage`, {
          token: codeBodies.BSC?.token,
          body: { status: 'deferred', response: 'Post-M6 work-off', revision: c.revision },
        });
      }
      const paper = (
        await server.api('/api/recommendations', { method: 'POST', token: programme.token })
      ).body.data;
      expect(paper.verdict).to.equal('ready');
      await decide(paper.id, programme.token, 'CCAG', 'recommended');
      const approved = await decide(paper.id, sro.token, 'SRO', 'approved');
      expect(approved.status).to.equal(201);
      expect(approved.body.data.baselineId).to.be.a('string');
      const baseline = await server.api('/api/baseline', { token: alice.token });
      expect(baseline.body.data.versions).to.have.length(81);
      expect(
        baseline.body.data.workOff.map((w: { reference: string }) => w.reference),
      ).to.deep.equal(['BSCP702']);
      const readiness = await server.api('/api/readiness', { token: alice.token });
      expect(readiness.body.criteria.find((c: { id: string }) => c.id === 'SC5').met).to.equal(
        true,
      );
      const bscp701 = artefacts.find((a) => a.reference === 'BSCP701')?.id;
      const row = await server.api(`/api/artefacts/${bscp701}`, { token: alice.token });
      expect(row.body.data.baselined).to.equal(true);

      const frozen = await server.api(`/api/artefacts/${bscp701}/versions`, {
        token: codeBodies.BSC?.token,
        body: { label: 'v2', body: CLEAN },
      });
      expect(frozen.status).to.equal(409);
      const unknown = await server.api(`/api/artefacts/${bscp701}/versions`, {
        token: codeBodies.BSC?.token,
        body: { label: 'v2', body: CLEAN, incorporates: ['CR999'] },
      });
      expect(unknown.status).to.equal(400);
      await server.api('/api/changes', {
        token: programme.token,
        body: {
          id: 'CR077',
          title: 'Post-M6 fix',
          status: 'approved',
          postM6: true,
          artefacts: [bscp701],
        },
      });
      const allowed = await server.api(`/api/artefacts/${bscp701}/versions`, {
        token: codeBodies.BSC?.token,
        body: { label: 'v2', body: CLEAN, incorporates: ['CR077'] },
      });
      expect(allowed.status).to.equal(201);
      const again = await decide(paper.id, sro.token, 'SRO', 'approved');
      expect(again.status).to.equal(409);
    });
  });
}
