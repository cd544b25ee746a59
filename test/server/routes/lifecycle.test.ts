import { expect } from 'chai';
import { stringify } from 'csv-stringify/sync';
import { COMMENT_LOG_COLUMNS } from '../../../server/domain/commentLog/index.js';
import { testDialects } from '../../helpers/db.js';
import {
  hoursFromNow,
  openConsultation,
  postComment,
  publish,
  stateNoRequirements,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

// Life after M6: the SRO's approval closes the consultations over what it baselines, the
// baselined text takes no new comment, and readiness, registry and consultations agree.

type Signed = TestUser & { token: string };

const CLEAN = [
  '1. GENERAL',
  '',
  '1.1 Scope',
  '',
  '1.1.1 This document sets out the rules for the service.',
].join('\n');
const POST_M6 = `${CLEAN}\n\n1.1.2 The service publishes its rules each quarter.`;

const BASELINED =
  /Section S v1 is baselined at M6 \(approved \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}\)/;
const POST_M6_ROUTE = 'changes to it now go through a post-M6 change request on the Changes page';

for (const dialect of testDialects()) {
  describe(`life after M6: lifecycle status, consultations closed, comments refused (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let bsc: Signed;
    let programme: Signed;
    let sro: Signed;
    let alice: Signed;
    let artefactId: string;
    let paperId: string;
    const consultations: Record<'first' | 'second' | 'upcoming', string> = {
      first: '',
      second: '',
      upcoming: '',
    };
    let commentId: string;
    let postM6Round: string;

    const status = async () => {
      const res = await server.api(`/api/artefacts/${artefactId}`, { token: alice.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const list = await server.api('/api/artefacts', { token: alice.token });
      const listed = (list.body.data as { id: string; status: string }[]).find(
        (a) => a.id === artefactId,
      );
      // The registry list, the artefact and the readiness table say the same.
      const readiness = await server.api('/api/readiness', { token: alice.token });
      const rated = (readiness.body.artefacts as { id: string; status: string }[]).find(
        (a) => a.id === artefactId,
      );
      expect(listed?.status).to.equal(res.body.data.status);
      expect(rated?.status).to.equal(res.body.data.status);
      return res.body.data.status as string;
    };

    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      await server.db.kysely
        .insertInto('codeBodies')
        .values({ code: 'BSC', name: 'Balancing and Settlement Code' })
        .execute();
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      programme = await server.signedIn('programme');
      sro = await server.signedIn('sro');
      alice = await server.signedIn('participant');
    });
    after(() => server.close());

    it('walks Drafting -> Consultation -> Triage and Action -> Finalisation, computed not typed', async () => {
      const created = await server.api('/api/artefacts', {
        token: programme.token,
        body: { code: 'BSC', kind: 'section', reference: 'Section S', title: 'Volume Allocation' },
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      artefactId = created.body.data.id;
      expect(created.body.data.status).to.equal('Drafting');

      await publish(server, bsc, artefactId, CLEAN, 'v1');
      await stateNoRequirements(server, programme.token, [artefactId]);
      expect(await status(), 'a version nobody has been consulted on yet').to.equal('Drafting');

      consultations.first = (await openConsultation(server, programme.token, [artefactId])).id;
      expect(await status()).to.equal('Consultation');

      const comment = await postComment(server, alice.token, artefactId);
      expect(comment.status, JSON.stringify(comment.body)).to.equal(201);
      commentId = comment.body.data.id;
      const closed = await server.api(`/api/consultations/${consultations.first}/close`, {
        token: programme.token,
        body: { reason: 'Enough said' },
      });
      expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
      expect(await status()).to.equal('Triage and Action');

      const triage = await server.api(`/api/comments/${commentId}/triage`, {
        token: bsc.token,
        body: { revision: 1, status: 'rejected', response: 'The scope is deliberate' },
      });
      expect(triage.status, JSON.stringify(triage.body)).to.equal(200);
      expect(await status()).to.equal('Finalisation');
    });

    it('closes every open or upcoming consultation over the baseline on SRO approval, with history', async () => {
      consultations.second = (
        await openConsultation(server, programme.token, [artefactId], { title: 'Second round' })
      ).id;
      consultations.upcoming = (
        await openConsultation(server, programme.token, [artefactId], {
          title: 'Third round',
          opensAt: hoursFromNow(48),
          closesAt: hoursFromNow(96),
        })
      ).id;
      expect(await status()).to.equal('Consultation');
      const answers = Object.fromEntries(
        ['engaged', 'input', 'commentsAddressed', 'designTranslated', 'artefactsMakeSense'].map(
          (k) => [k, { confirmed: true }],
        ),
      );
      const dp = await server.api('/api/due-process/responses', {
        token: alice.token,
        body: { answers },
      });
      expect(dp.status).to.be.oneOf([200, 201]);
      const paper = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(paper.body.data.verdict, JSON.stringify(paper.body.data.readiness)).to.equal('ready');
      paperId = paper.body.data.id;
      const before = await server.api('/api/readiness', { token: alice.token });
      expect(before.body.baseline).to.equal(null);

      for (const [token, body, outcome] of [
        [programme.token, 'CCAG', 'recommended'],
        [sro.token, 'SRO', 'approved'],
      ] as const) {
        const decided = await server.api(`/api/recommendations/${paperId}/decisions`, {
          token,
          body: { body, outcome, notes: 'Minuted' },
        });
        expect(decided.status, JSON.stringify(decided.body)).to.equal(201);
      }
      const baseline = await server.db.kysely
        .selectFrom('baselines')
        .selectAll()
        .executeTakeFirstOrThrow();

      const sroName = (
        await server.db.kysely
          .selectFrom('users')
          .select('name')
          .where('id', '=', sro.id)
          .executeTakeFirstOrThrow()
      ).name;
      const list = await server.api('/api/consultations', { token: alice.token });
      type Listed = {
        id: string;
        state: string;
        closesAt: string;
        history: { kind: string; reason: string; by: string | null; toClosesAt: string }[];
      };
      const byId = new Map((list.body.data as Listed[]).map((c) => [c.id, c]));
      for (const key of ['second', 'upcoming'] as const) {
        const c = byId.get(consultations[key]);
        expect(c?.state, key).to.equal('closed');
        expect(c?.closesAt, key).to.equal(baseline.createdAt);
        expect(c?.history.at(-1), key).to.deep.include({
          kind: 'close',
          reason: 'Closed by the M6 baseline',
          by: sroName,
          toClosesAt: baseline.createdAt,
        });
      }
      // Closed early before the approval: its history has that closing only.
      expect(byId.get(consultations.first)?.history.map((h) => h.reason)).to.deep.equal([
        'Enough said',
      ]);
      const audited = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['entityId', 'actorId'])
        .where('action', '=', 'consultation.close')
        .where('after', 'like', '%Closed by the M6 baseline%')
        .execute();
      expect(audited.map((a) => a.entityId).sort()).to.deep.equal(
        [consultations.second, consultations.upcoming].sort(),
      );
      expect(audited.every((a) => a.actorId === sro.id)).to.equal(true);
    });

    it('shows the artefact Baselined and readiness carrying the baseline', async () => {
      expect(await status()).to.equal('Baselined');
      const readiness = await server.api('/api/readiness', { token: alice.token });
      expect(readiness.body.baseline).to.include({ recommendationId: paperId });
      expect(readiness.body.baseline.createdAt).to.match(/^\d{4}-\d{2}-\d{2}T/);
      const brag = (readiness.body.artefacts as { id: string; brag: string }[]).find(
        (a) => a.id === artefactId,
      );
      expect(brag?.brag, 'consulted on, closed, nothing outstanding').to.equal('blue');
    });

    it('refuses a comment on the baselined text with 409 naming the post-M6 route, even in a new window', async () => {
      const closed = await postComment(server, alice.token, artefactId);
      expect(closed.status).to.equal(409);
      expect(closed.body.error.message).to.match(BASELINED);
      expect(closed.body.error.message).to.include(POST_M6_ROUTE);

      // A consultation opened after M6 does not reopen the baselined text.
      postM6Round = (
        await openConsultation(server, programme.token, [artefactId], { title: 'Post-M6 round' })
      ).id;
      const reopened = await postComment(server, alice.token, artefactId);
      expect(reopened.status).to.equal(409);
      expect(reopened.body.error.message).to.match(BASELINED);
      const count = await server.db.kysely
        .selectFrom('comments')
        .select('id')
        .where('artefactId', '=', artefactId)
        .execute();
      expect(count).to.have.length(1);

      // Replies to what was said before the baseline continue.
      const reply = await server.api(`/api/comments/${commentId}/replies`, {
        token: bsc.token,
        body: { body: 'For the record: covered by the post-M6 work-off' },
      });
      expect(reply.status, JSON.stringify(reply.body)).to.equal(201);
    });

    it('refuses imported rows on the baselined text as row problems, importing nothing', async () => {
      const csv = stringify([
        [...COMMENT_LOG_COLUMNS],
        [...COMMENT_LOG_COLUMNS].map(
          (column) =>
            ({
              Artefact: 'Section S',
              Clause: '1.1.1',
              Category: 'drafting',
              Comment: 'Received by email after M6',
            })[column as string] ?? '',
        ),
      ]);
      const res = await fetch(`${server.url}/api/comments/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bsc.token}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const body = (await res.json()) as {
        error: { message: string; details: { row: number; message: string }[] };
      };
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(body.error.message).to.include('nothing was imported');
      expect(JSON.stringify(body.error.details)).to.match(/Section S v1 is baselined at M6/);
      expect(JSON.stringify(body.error.details)).to.include(POST_M6_ROUTE);
    });

    it('stays Baselined after a post-M6 version, whose text does take comments in an open window', async () => {
      const change = await server.api('/api/changes', {
        token: programme.token,
        body: {
          id: 'CR950',
          title: 'Quarterly publication',
          status: 'approved',
          postM6: true,
          artefacts: [artefactId],
        },
      });
      expect(change.status, JSON.stringify(change.body)).to.equal(201);
      const v2 = await server.api(`/api/artefacts/${artefactId}/versions`, {
        token: bsc.token,
        body: { label: 'v2', body: POST_M6, incorporates: ['CR950'] },
      });
      expect(v2.status, JSON.stringify(v2.body)).to.equal(201);
      expect(await status()).to.equal('Baselined');
      const onV2 = await postComment(server, alice.token, artefactId, { clauseRef: '1.1.2' });
      expect(onV2.status, JSON.stringify(onV2.body)).to.equal(201);
      const onV1 = await postComment(server, alice.token, artefactId, {
        versionId: (
          await server.db.kysely
            .selectFrom('baselineVersions')
            .select('versionId')
            .executeTakeFirstOrThrow()
        ).versionId,
      });
      expect(onV1.status).to.equal(409);
      expect(onV1.body.error.message).to.match(BASELINED);
    });

    it('keeps the consultations the baseline closed closed, and lets the programme control later ones', async () => {
      const listed = await server.api('/api/consultations', { token: programme.token });
      const second = (listed.body.data as { id: string; revision: number }[]).find(
        (c) => c.id === consultations.second,
      );
      const reopen = await server.api(`/api/consultations/${consultations.second}`, {
        method: 'PATCH',
        token: programme.token,
        body: { closesAt: hoursFromNow(24), reason: 'One more week', revision: second?.revision },
      });
      expect(reopen.status).to.equal(409);
      expect(reopen.body.error.message).to.match(
        /^Consultation "Second round" cannot change: the M6 baseline was approved on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}/,
      );
      expect(reopen.body.error.message).to.include('post-M6 change request');

      const closed = await server.api(`/api/consultations/${postM6Round}/close`, {
        token: programme.token,
        body: { reason: 'Post-M6 comments are in' },
      });
      expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
      expect(closed.body.data.state).to.equal('closed');
    });
  });
}
