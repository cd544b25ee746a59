import { expect } from 'chai';
import { createOrganisation } from '../../../server/commands/createOrganisation.js';
import { testDialects } from '../../helpers/db.js';
import {
  artefactId,
  hoursFromNow,
  openConsultation,
  postComment,
  publish,
  signInCast,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

for (const dialect of testDialects()) {
  describe(`comment rules: authors and the consultation window (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;
    let bob: Signed;
    let section: string; // BSC artefact, consultation open
    before(async () => {
      server = await startTestServer({ dialect });
      ({ bsc, rec, programme, alice, bob } = await signInCast(server));
      section = await artefactId(server, programme.token, 'Section S');
      await publish(server, bsc, section);
      await openConsultation(server, programme.token, [section], { title: 'Round 1' });
    });
    after(() => server.close());

    describe("a code body's confidential comment on another code's artefact", () => {
      it('is shown to its author, from the create call on', async () => {
        const created = await postComment(server, rec.token, section, {
          confidential: true,
          body: 'REC consequential change needed',
        });
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        expect(created.body.data).to.include({ confidential: true });
        const id = created.body.data.id as string;
        expect((await server.api(`/api/comments/${id}`, { token: rec.token })).status).to.equal(
          200,
        );
        const mine = await server.api('/api/comments?mine=true', { token: rec.token });
        expect(mine.body.data.map((c: { id: string }) => c.id)).to.include(id);
        // The artefact's code body sees it; another REC user and a participant do not.
        expect((await server.api(`/api/comments/${id}`, { token: bsc.token })).status).to.equal(
          200,
        );
        const rec2 = await server.signedIn('code_body', { code: 'REC' });
        for (const other of [rec2, alice]) {
          expect(
            (await server.api(`/api/comments/${id}`, { token: other.token })).status,
            other.role,
          ).to.equal(404);
        }
      });

      it("is shown to the author's organisation, and counted as listed", async () => {
        const recco = await createOrganisation(server.db, null, {
          name: `RECCo ${dialect}`,
          kind: 'code_body',
          code: 'REC',
        });
        const author = await server.signedIn('code_body', {
          code: 'REC',
          organisationId: recco.id,
        });
        const colleague = await server.signedIn('code_body', {
          code: 'REC',
          organisationId: recco.id,
        });
        const created = await postComment(server, author.token, section, { confidential: true });
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        const id = created.body.data.id as string;
        expect(
          (await server.api(`/api/comments/${id}`, { token: colleague.token })).status,
        ).to.equal(200);
        const listed = await server.api(`/api/comments?artefactId=${section}&limit=200`, {
          token: colleague.token,
        });
        expect(listed.body.data.map((c: { id: string }) => c.id)).to.include(id);
        const registry = await server.api(`/api/artefacts/${section}`, {
          token: colleague.token,
        });
        expect(registry.body.data.totalComments).to.equal(listed.body.data.length);
      });
    });

    describe('after the consultation closes', () => {
      let open: { id: string; revision: number };
      before(async () => {
        const res = await postComment(server, alice.token, section, { body: 'Before close' });
        expect(res.status).to.equal(201);
        open = res.body.data;
        // While the window is open the author edits and anyone who sees it replies.
        const edited = await server.api(`/api/comments/${open.id}`, {
          method: 'PATCH',
          token: alice.token,
          body: { revision: open.revision, body: 'Before close, edited' },
        });
        expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
        open = edited.body.data;
        const reply = await server.api(`/api/comments/${open.id}/replies`, {
          token: bob.token,
          body: { body: 'Agreed' },
        });
        expect(reply.status).to.equal(201);
        await server.db.kysely
          .updateTable('consultations')
          .set({ closesAt: hoursFromNow(-1), opensAt: hoursFromNow(-48) })
          .where('title', '=', 'Round 1')
          .execute();
      });

      it("refuses the author's edits and withdrawal with 409, naming the window", async () => {
        const edit = await server.api(`/api/comments/${open.id}`, {
          method: 'PATCH',
          token: alice.token,
          body: { revision: open.revision, body: 'After close' },
        });
        expect(edit.status).to.equal(409);
        expect(edit.body.error.code).to.equal('conflict');
        expect(edit.body.error.message)
          .to.include('can no longer be edited')
          .and.include('consultation "Round 1" closed at');
        const withdraw = await server.api(`/api/comments/${open.id}/withdraw`, {
          token: alice.token,
          body: { revision: open.revision },
        });
        expect(withdraw.status).to.equal(409);
        expect(withdraw.body.error.message).to.include('can no longer be withdrawn');
        const stored = await server.api(`/api/comments/${open.id}`, { token: alice.token });
        expect(stored.body.data).to.include({ body: 'Before close, edited', status: 'open' });
      });

      it('refuses replies from everyone but the code body of the artefact', async () => {
        for (const caller of [alice, bob, rec, programme]) {
          const res = await server.api(`/api/comments/${open.id}/replies`, {
            token: caller.token,
            body: { body: `Late reply from ${caller.role}` },
          });
          expect(res.status, caller.role).to.equal(409);
          expect(res.body.error.message).to.include('can no longer take replies');
        }
        const answer = await server.api(`/api/comments/${open.id}/replies`, {
          token: bsc.token,
          body: { body: 'We will address this in the next version' },
        });
        expect(answer.status).to.equal(201);
        expect(answer.body.data.replies.map((r: { body: string }) => r.body)).to.deep.equal([
          'Agreed',
          'We will address this in the next version',
        ]);
      });

      it('lets the code body triage', async () => {
        const triage = await server.api(`/api/comments/${open.id}/triage`, {
          token: bsc.token,
          body: { status: 'triaged', response: 'Noted', revision: open.revision },
        });
        expect(triage.status, JSON.stringify(triage.body)).to.equal(200);
      });

      it('opens again while a new consultation on the artefact is open', async () => {
        const res = await postComment(server, alice.token, section, { body: 'Second round' });
        expect(res.status).to.equal(409);
        await openConsultation(server, programme.token, [section], { title: 'Round 2' });
        const late = (await postComment(server, alice.token, section, { body: 'Round 2' })).body
          .data;
        const edit = await server.api(`/api/comments/${late.id}`, {
          method: 'PATCH',
          token: alice.token,
          body: { revision: late.revision, body: 'Round 2, edited' },
        });
        expect(edit.status).to.equal(200);
        const reply = await server.api(`/api/comments/${late.id}/replies`, {
          token: bob.token,
          body: { body: 'Me too' },
        });
        expect(reply.status).to.equal(201);
      });
    });
  });
}
