import { expect } from 'chai';
import { commentCountsByArtefact } from '../../../server/db/queries/comments.js';
import { canSeeComment, commentVisibility } from '../../../server/policies/commentVisibility.js';
import { testDialects } from '../../helpers/db.js';
import {
  artefactId,
  hoursFromNow,
  openConsultation,
  postComment,
  publish,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

for (const dialect of testDialects()) {
  describe(`comment routes (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed; // participant, organisation A
    let bob: Signed; // participant, organisation B
    let s1: string; // BSC artefact with an open consultation
    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      bob = await server.signedIn('participant');
      s1 = await artefactId(server, programme.token, 'Section S');
      await publish(server, bsc, s1);
      await openConsultation(server, programme.token, [s1]);
    });
    after(() => server.close());

    describe('consultations', () => {
      it('lists open, upcoming and closed windows with their state', async () => {
        const id = await artefactId(server, programme.token, 'Section E');
        await openConsultation(server, programme.token, [id], {
          title: 'Past',
          opensAt: hoursFromNow(-48),
          closesAt: hoursFromNow(-24),
        });
        await openConsultation(server, programme.token, [id], {
          title: 'Future',
          opensAt: hoursFromNow(24),
          closesAt: hoursFromNow(48),
        });
        const res = await server.api('/api/consultations?artefactId=bsc-section-e', {
          token: alice.token,
        });
        expect(res.status).to.equal(200);
        expect(
          res.body.data.map((c: { title: string; state: string }) => `${c.title}:${c.state}`),
        ).to.have.members(['Past:closed', 'Future:upcoming']);
        const open = await server.api('/api/consultations?state=open', { token: alice.token });
        expect(open.body.data.every((c: { state: string }) => c.state === 'open')).to.equal(true);
        expect(open.body.data.length).to.be.greaterThan(0);
      });

      it('is created by programme only, with a valid window over known artefacts', async () => {
        const body = {
          title: 'X',
          opensAt: hoursFromNow(-1),
          closesAt: hoursFromNow(1),
          artefacts: [s1],
        };
        expect(
          (await server.api('/api/consultations', { token: alice.token, body })).status,
        ).to.equal(403);
        expect(
          (await server.api('/api/consultations', { token: bsc.token, body })).status,
        ).to.equal(403);
        const backwards = await server.api('/api/consultations', {
          token: programme.token,
          body: { ...body, opensAt: hoursFromNow(2) },
        });
        expect(backwards.status).to.equal(400);
        expect(backwards.body.error.message).to.include('closesAt');
        const unknown = await server.api('/api/consultations', {
          token: programme.token,
          body: { ...body, artefacts: ['nope'] },
        });
        expect(unknown.status).to.equal(400);
        expect(unknown.body.error.message).to.include('"nope"');
        const badDate = await server.api('/api/consultations', {
          token: programme.token,
          body: { ...body, opensAt: 'soon' },
        });
        expect(badDate.status).to.equal(400);
      });
    });

    describe('commenting', () => {
      it('creates a comment on a clause with a quote, numbered and audited', async () => {
        const res = await postComment(server, alice.token, s1, {
          quote: 'basis of Supplier   Volume Allocation',
          severity: 'high',
          proposedText: 'Replace with...',
        });
        expect(res.status).to.equal(201);
        const c = res.body.data;
        expect(c.ref).to.match(/^C-\d{6}$/);
        expect(c).to.include({
          clauseRef: '1.1.1',
          status: 'open',
          revision: 1,
          severity: 'high',
          confidential: false,
        });
        expect(c.organisation.id).to.equal(alice.organisationId);
        const audit = await server.api(`/api/audit?entity=comment&entityId=${c.id}`, {
          token: alice.token,
        });
        expect(audit.body.data.map((e: { action: string }) => e.action)).to.deep.equal([
          'comment.create',
        ]);
      });

      it('refuses a closed window and a never-opened artefact with 409 naming the window', async () => {
        const closedId = await artefactId(server, programme.token, 'Section J');
        await publish(server, bsc, closedId);
        await openConsultation(server, programme.token, [closedId], {
          title: 'Summer round',
          opensAt: hoursFromNow(-72),
          closesAt: hoursFromNow(-1),
        });
        const closed = await postComment(server, alice.token, closedId);
        expect(closed.status).to.equal(409);
        expect(closed.body.error.message).to.include('"Summer round" closed at');
        const neverId = await artefactId(server, programme.token, 'Section K');
        await publish(server, bsc, neverId);
        const never = await postComment(server, alice.token, neverId);
        expect(never.status).to.equal(409);
        expect(never.body.error.message).to.include('has not been put out to consultation');
      });

      it('refuses an unknown clause, a quote not in the clause, empty and over-long bodies with 400', async () => {
        const unknown = await postComment(server, alice.token, s1, { clauseRef: '9.9.9' });
        expect(unknown.status).to.equal(400);
        expect(unknown.body.error.message).to.include('"9.9.9"');
        const quote = await postComment(server, alice.token, s1, {
          quote: 'words that are not there',
        });
        expect(quote.status).to.equal(400);
        expect(quote.body.error.message).to.match(/^body\.quote/);
        const empty = await postComment(server, alice.token, s1, { body: '   ' });
        expect(empty.status).to.equal(400);
        expect(empty.body.error.message).to.match(/^body\.body/);
        const long = await postComment(server, alice.token, s1, { body: 'x'.repeat(20_001) });
        expect(long.status).to.equal(400);
        expect(
          (await postComment(server, alice.token, s1, { body: 'x'.repeat(20_000) })).status,
        ).to.equal(201);
        const category = await postComment(server, alice.token, s1, { category: 'rude' });
        expect(category.status).to.equal(400);
      });

      it('stores markup as written and returns it as data, never as HTML', async () => {
        const body = '<script>alert(1)</script><img src=x onerror="alert(2)">';
        const res = await postComment(server, alice.token, s1, { body });
        expect(res.status).to.equal(201);
        const read = await server.api(`/api/comments/${res.body.data.id}`, { token: bob.token });
        expect(read.body.data.body).to.equal(body);
        expect(read.headers.get('content-type')).to.include('application/json');
      });

      it('refuses SRO and admin as commenters (403)', async () => {
        const sro = await server.signedIn('sro');
        expect((await postComment(server, sro.token, s1)).status).to.equal(403);
      });
    });

    describe('visibility of confidential comments', () => {
      let secret: { id: string; ref: string };
      before(async () => {
        const res = await postComment(server, alice.token, s1, {
          body: 'Commercially sensitive',
          confidential: true,
        });
        secret = res.body.data;
      });

      it('hides it from another organisation by id (404), in lists and in counts', async () => {
        expect(
          (await server.api(`/api/comments/${secret.id}`, { token: bob.token })).status,
        ).to.equal(404);
        expect(
          (await server.api(`/api/comments/${secret.ref}`, { token: bob.token })).status,
        ).to.equal(404);
        const list = await server.api(`/api/comments?artefactId=${s1}&limit=200`, {
          token: bob.token,
        });
        expect(list.body.data.map((c: { id: string }) => c.id)).to.not.include(secret.id);
        const mine = await server.api(`/api/comments?artefactId=${s1}&limit=200`, {
          token: alice.token,
        });
        expect(mine.body.data.map((c: { id: string }) => c.id)).to.include(secret.id);
        const total = (token: string) =>
          server
            .api(`/api/artefacts/${s1}`, { token })
            .then((r) => r.body.data.totalComments as number);
        expect(await total(alice.token)).to.equal((await total(bob.token)) + 1);
        const history = await server.api(`/api/audit?entity=comment&entityId=${secret.id}`, {
          token: bob.token,
        });
        expect(history.status).to.equal(404);
        const reply = await server.api(`/api/comments/${secret.id}/replies`, {
          token: bob.token,
          body: { body: 'peek' },
        });
        expect(reply.status).to.equal(404);
      });

      it("shows it to the artefact's code body and to programme, not to another code body", async () => {
        expect(
          (await server.api(`/api/comments/${secret.id}`, { token: bsc.token })).status,
        ).to.equal(200);
        expect(
          (await server.api(`/api/comments/${secret.id}`, { token: programme.token })).status,
        ).to.equal(200);
        expect(
          (await server.api(`/api/comments/${secret.id}`, { token: rec.token })).status,
        ).to.equal(404);
      });
    });

    describe('author edits, withdrawal and replies', () => {
      it('lets the author edit an open comment with the current revision; a stale revision is 409', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const edit = await server.api(`/api/comments/${c.id}`, {
          method: 'PATCH',
          token: alice.token,
          body: { revision: 1, body: 'Clearer wording', severity: 'low' },
        });
        expect(edit.status).to.equal(200);
        expect(edit.body.data).to.include({
          body: 'Clearer wording',
          severity: 'low',
          revision: 2,
        });
        const stale = await server.api(`/api/comments/${c.id}`, {
          method: 'PATCH',
          token: alice.token,
          body: { revision: 1, body: 'Lost?' },
        });
        expect(stale.status).to.equal(409);
        const read = await server.api(`/api/comments/${c.id}`, { token: alice.token });
        expect(read.body.data.body).to.equal('Clearer wording');
        const notAuthor = await server.api(`/api/comments/${c.id}`, {
          method: 'PATCH',
          token: bob.token,
          body: { revision: 2, body: 'Mine now' },
        });
        expect(notAuthor.status).to.equal(403);
      });

      it('lets the author withdraw an open comment, and not once it is triaged', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const withdrawn = await server.api(`/api/comments/${c.id}/withdraw`, {
          token: alice.token,
          body: { revision: 1 },
        });
        expect(withdrawn.status).to.equal(200);
        expect(withdrawn.body.data.status).to.equal('withdrawn');
        expect(
          withdrawn.body.data.decisions.map((d: { status: string }) => d.status),
        ).to.deep.equal(['withdrawn']);
        const d = (await postComment(server, alice.token, s1)).body.data;
        await server.api(`/api/comments/${d.id}/triage`, {
          token: bsc.token,
          body: { status: 'accepted', response: 'Agreed', revision: 1 },
        });
        const late = await server.api(`/api/comments/${d.id}/withdraw`, {
          token: alice.token,
          body: { revision: 2 },
        });
        expect(late.status).to.equal(409);
        const edit = await server.api(`/api/comments/${d.id}`, {
          method: 'PATCH',
          token: alice.token,
          body: { revision: 2, body: 'x' },
        });
        expect(edit.status).to.equal(409);
      });

      it('threads replies from anyone who can see the comment', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const reply = await server.api(`/api/comments/${c.id}/replies`, {
          token: bsc.token,
          body: { body: 'Can you say which paragraph?' },
        });
        expect(reply.status).to.equal(201);
        await server.api(`/api/comments/${c.id}/replies`, {
          token: bob.token,
          body: { body: 'We agree with this comment' },
        });
        const read = await server.api(`/api/comments/${c.id}`, { token: alice.token });
        expect(read.body.data.replies.map((r: { body: string }) => r.body)).to.deep.equal([
          'Can you say which paragraph?',
          'We agree with this comment',
        ]);
        expect(
          (
            await server.api(`/api/comments/${c.id}/replies`, {
              token: bob.token,
              body: { body: '' },
            })
          ).status,
        ).to.equal(400);
      });
    });

    describe('triage', () => {
      it('records a decision, bumps the revision and writes one audit transition', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const res = await server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: {
            status: 'rejected',
            response: 'The design says otherwise (DIN-0179).',
            revision: 1,
            action: 'None',
          },
        });
        expect(res.status).to.equal(200);
        expect(res.body.data).to.include({ status: 'rejected', revision: 2, outstanding: false });
        expect(res.body.data.decidedBy).to.match(/^Test code_body/);
        expect(res.body.data.decisions).to.have.length(1);
        expect(res.body.data.decisions[0]).to.include({
          fromStatus: 'open',
          status: 'rejected',
          action: 'None',
        });
        const audit = await server.api(`/api/audit?entity=comment&entityId=${c.ref}`, {
          token: alice.token,
        });
        const triage = audit.body.data.filter(
          (e: { action: string }) => e.action === 'comment.triage',
        );
        expect(triage).to.have.length(1);
        expect(triage[0].before).to.include({ status: 'open', revision: 1 });
        expect(triage[0].after).to.include({ status: 'rejected', revision: 2 });
        expect(triage[0].actor.id).to.equal(bsc.id);
      });

      it('links a decision to a change only when the change is in the register', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const unknown = await server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: { status: 'accepted', response: 'Done', changeId: 'CR999', revision: 1 },
        });
        expect(unknown.status).to.equal(400);
        expect(unknown.body.error.message).to.include('CR999');
        const known = await server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: { status: 'accepted', response: 'Done', changeId: 'CR053', revision: 1 },
        });
        expect(known.status).to.equal(200);
        expect(known.body.data.decisions[0].changeId).to.equal('CR053');
      });

      it('goes open -> triaged -> accepted, and refuses anything after a final decision', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const t1 = await server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: { status: 'triaged', response: 'Looking at it', revision: 1 },
        });
        expect(t1.body.data.status).to.equal('triaged');
        const t2 = await server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: { status: 'accepted', response: 'Done', revision: 2 },
        });
        expect(t2.body.data.status).to.equal('accepted');
        const again = await server.api(`/api/comments/${c.id}/triage`, {
          token: bsc.token,
          body: { status: 'rejected', response: 'No', revision: 3 },
        });
        expect(again.status).to.equal(409);
        expect(again.body.error.message).to.include('already accepted');
      });

      it('needs a written response for rejected, partially-accepted and deferred', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        for (const status of ['rejected', 'partially-accepted', 'deferred']) {
          const res = await server.api(`/api/comments/${c.id}/triage`, {
            token: bsc.token,
            body: { status, response: '', revision: 1 },
          });
          expect(res.status, status).to.equal(400);
          expect(res.body.error.message).to.include('written response');
        }
        const read = await server.api(`/api/comments/${c.id}`, { token: bsc.token });
        expect(read.body.data).to.include({ status: 'open', revision: 1 });
      });

      it('checks duplicateOf names another comment on the same artefact', async () => {
        const first = (await postComment(server, alice.token, s1)).body.data;
        const second = (await postComment(server, bob.token, s1)).body.data;
        const self = await server.api(`/api/comments/${second.id}/triage`, {
          token: bsc.token,
          body: { status: 'duplicate', response: '', duplicateOf: second.id, revision: 1 },
        });
        expect(self.status).to.equal(400);
        const ok = await server.api(`/api/comments/${second.id}/triage`, {
          token: bsc.token,
          body: {
            status: 'duplicate',
            response: 'See the first',
            duplicateOf: first.ref,
            revision: 1,
          },
        });
        expect(ok.status).to.equal(200);
        expect(ok.body.data.decisions[0].duplicateOf).to.equal(first.id);
      });

      it('refuses a REC code-body user on a BSC comment (403), and participants (403)', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const body = { status: 'accepted', response: 'ok', revision: 1 };
        expect(
          (await server.api(`/api/comments/${c.id}/triage`, { token: rec.token, body })).status,
        ).to.equal(403);
        expect(
          (await server.api(`/api/comments/${c.id}/triage`, { token: alice.token, body })).status,
        ).to.equal(403);
        expect(
          (await server.api(`/api/comments/${c.id}/triage`, { token: programme.token, body }))
            .status,
        ).to.equal(403);
        const read = await server.api(`/api/comments/${c.id}`, { token: bsc.token });
        expect(read.body.data.status).to.equal('open');
      });

      it('lets exactly one of two concurrent triage calls with the same revision win', async () => {
        const c = (await postComment(server, alice.token, s1)).body.data;
        const [a, b] = await Promise.all([
          server.api(`/api/comments/${c.id}/triage`, {
            token: bsc.token,
            body: { status: 'accepted', response: 'A', revision: 1 },
          }),
          server.api(`/api/comments/${c.id}/triage`, {
            token: bsc.token,
            body: { status: 'rejected', response: 'B', revision: 1 },
          }),
        ]);
        expect([a.status, b.status].sort()).to.deep.equal([200, 409]);
        const loser = a.status === 409 ? a : b;
        expect(loser.body.error.message).to.include('changed by someone else');
        const read = await server.api(`/api/comments/${c.id}`, { token: bsc.token });
        expect(read.body.data.decisions).to.have.length(1);
        expect(read.body.data.revision).to.equal(2);
        const audit = await server.api(`/api/audit?entity=comment&entityId=${c.id}`, {
          token: bsc.token,
        });
        expect(
          audit.body.data.filter((e: { action: string }) => e.action === 'comment.triage'),
        ).to.have.length(1);
      });
    });

    describe('queue, counts and paging', () => {
      let artefact: string;
      before(async () => {
        artefact = await artefactId(server, programme.token, 'Section L');
        await publish(server, bsc, artefact);
        await openConsultation(server, programme.token, [artefact]);
        const severities = ['low', 'high', 'medium', 'high', 'low', 'medium', 'high'];
        for (const severity of severities)
          await postComment(server, alice.token, artefact, { severity, body: `sev ${severity}` });
      });

      it('pages by cursor in age order without gaps or repeats', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const q: string = `/api/comments?artefactId=${artefact}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await server.api(q, { token: bsc.token });
          expect(res.status).to.equal(200);
          seen.push(...res.body.data.map((c: { id: string }) => c.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(seen).to.have.length(7);
        expect(new Set(seen).size).to.equal(7);
      });

      it('sorts by severity, high first, across pages', async () => {
        const first = await server.api(
          `/api/comments?artefactId=${artefact}&sort=severity&limit=4`,
          { token: bsc.token },
        );
        const second = await server.api(
          `/api/comments?artefactId=${artefact}&sort=severity&limit=4&cursor=${first.body.nextCursor}`,
          { token: bsc.token },
        );
        const order = [...first.body.data, ...second.body.data].map(
          (c: { severity: string }) => c.severity,
        );
        expect(order).to.deep.equal(['high', 'high', 'high', 'medium', 'medium', 'low', 'low']);
      });

      it('filters by status and reports counts per status', async () => {
        const all = await server.api(`/api/comments?artefactId=${artefact}&limit=200`, {
          token: bsc.token,
        });
        const target = all.body.data[0];
        await server.api(`/api/comments/${target.id}/triage`, {
          token: bsc.token,
          body: { status: 'accepted', response: 'ok', revision: 1 },
        });
        const outstanding = await server.api(
          `/api/comments?artefactId=${artefact}&status=outstanding`,
          { token: bsc.token },
        );
        expect(outstanding.body.data).to.have.length(6);
        expect(outstanding.body.counts).to.deep.equal({ open: 6, accepted: 1 });
        const registry = await server.api(`/api/artefacts/${artefact}`, { token: alice.token });
        expect(registry.body.data).to.include({ outstandingComments: 6, totalComments: 7 });
      });

      it('rejects a forged cursor and bad filters with 400', async () => {
        expect(
          (await server.api('/api/comments?cursor=garbage', { token: bsc.token })).status,
        ).to.equal(400);
        expect(
          (await server.api('/api/comments?status=nonsense', { token: bsc.token })).status,
        ).to.equal(400);
        expect((await server.api('/api/comments?limit=0', { token: bsc.token })).status).to.equal(
          400,
        );
        expect(
          (await server.api('/api/comments?artefactId=nope', { token: bsc.token })).status,
        ).to.equal(404);
      });

      it('refreshes cached registry and queue reads after a write', async () => {
        const before = await server.api('/api/artefacts', { token: alice.token });
        const queue = await server.api(`/api/comments?artefactId=${artefact}&status=outstanding`, {
          token: alice.token,
        });
        const row = before.body.data.find((a: { id: string }) => a.id === artefact);
        await postComment(server, alice.token, artefact, { body: 'one more' });
        const after = await server.api('/api/artefacts', { token: alice.token });
        const rowAfter = after.body.data.find((a: { id: string }) => a.id === artefact);
        expect(rowAfter.outstandingComments).to.equal(row.outstandingComments + 1);
        expect(rowAfter.totalComments).to.equal(row.totalComments + 1);
        const queueAfter = await server.api(
          `/api/comments?artefactId=${artefact}&status=outstanding`,
          { token: alice.token },
        );
        expect(queueAfter.body.counts.open).to.equal(queue.body.counts.open + 1);
      });

      it('keeps the tallies equal to a recount of the comments, for every viewer', async () => {
        const comments = await server.db.kysely
          .selectFrom('comments as c')
          .innerJoin('artefacts as a', 'a.id', 'c.artefactId')
          .select(['c.artefactId', 'c.status', 'c.confidential', 'c.organisationId', 'a.code'])
          .execute();
        for (const viewer of [alice, bob, bsc, rec, programme]) {
          const visibility = commentVisibility(viewer);
          const expected = new Map<string, { outstanding: number; total: number }>();
          for (const c of comments) {
            const seen = canSeeComment(visibility, {
              confidential: c.confidential === 1,
              organisationId: c.organisationId,
              artefactCode: c.code,
            });
            if (!seen || c.status === 'withdrawn') continue;
            const entry = expected.get(c.artefactId) ?? { outstanding: 0, total: 0 };
            entry.total += 1;
            if (c.status === 'open' || c.status === 'triaged') entry.outstanding += 1;
            expected.set(c.artefactId, entry);
          }
          const actual = await commentCountsByArtefact(server.db, visibility);
          expect(Object.fromEntries(actual), viewer.role).to.deep.equal(
            Object.fromEntries(expected),
          );
        }
      });

      it("shows a participant's own comments with mine=true", async () => {
        const mine = await server.api('/api/comments?mine=true&limit=200', { token: bob.token });
        expect(mine.body.data.length).to.be.greaterThan(0);
        expect(
          mine.body.data.every((c: { author: { id: string } }) => c.author.id === bob.id),
        ).to.equal(true);
      });
    });
  });
}
