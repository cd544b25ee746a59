import { expect } from 'chai';
import { responseMismatch } from '../../../server/http/checkResponse.js';
import { apiEndpoints } from '../../../server/routes/index.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

const V1 = [
  '1. GENERAL',
  '',
  '1.1 Introduction',
  '',
  '1.1.1 Suppliers shall appoint a Smart Data Service for each Metering System.',
  '',
  '1.1.2 The Smart Data Service shall retrieve data daily.',
  '',
  '1.1.3 This paragraph is removed in the next draft because it repeats Section S.',
].join('\n');

const V2 = [
  '1. GENERAL',
  '',
  '1.1 Introduction',
  '',
  '1.1.1 A new first paragraph explains Market-wide Half Hourly Settlement.',
  '',
  '1.1.2 Suppliers shall appoint a Smart Data Service for each Metering System.',
  '',
  '1.1.3 The Smart Data Service shall retrieve data every day.',
].join('\n');

for (const dialect of testDialects()) {
  describe(`redline and comments following clauses (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let alice: Signed;
    let programme: Signed;
    let id: string;
    let v1: string;
    let v2: string;
    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      alice = await server.signedIn('participant');
      programme = await server.signedIn('programme');
      id = await artefactId(server, bsc.token, 'BSCP701');
      v1 = (await publish(server, bsc, id, V1, 'v1')).id;
      await openConsultation(server, programme.token, [id]);
    });
    after(() => server.close());

    it('needs two versions when from is not given', async () => {
      const res = await server.api(`/api/artefacts/${id}/redline`, { token: alice.token });
      expect(res.status).to.equal(400);
      expect(res.body.error.message).to.include('no version before');
    });

    describe('with a second draft', () => {
      let onMoved: { id: string };
      let onRemoved: { id: string };
      before(async () => {
        onMoved = (
          await postComment(server, alice.token, id, {
            clauseRef: '1.1.2',
            body: 'Daily is too vague',
          })
        ).body.data;
        onRemoved = (
          await postComment(server, alice.token, id, {
            clauseRef: '1.1.3',
            body: 'Why repeat this?',
          })
        ).body.data;
        v2 = (await publish(server, bsc, id, V2, 'v2')).id;
      });

      it('compares the current version with the one before by default', async () => {
        const res = await server.api(`/api/artefacts/${id}/redline`, { token: alice.token });
        expect(res.status).to.equal(200);
        expect(res.body.from.id).to.equal(v1);
        expect(res.body.to.id).to.equal(v2);
        expect(res.body.stats).to.include({
          added: 1,
          removed: 1,
          modified: 1,
          renumbered: 1,
          moved: 0,
          unchanged: 2,
        });
        const edited = res.body.clauses.find((c: { fromRef?: string }) => c.fromRef === '1.1.2');
        expect(edited).to.include({ ref: '1.1.3', change: 'modified', textChanged: true });
        expect(edited.html).to.include('<del>daily</del>').and.include('<ins>every day</ins>');
        expect(res.body.mapping).to.deep.equal([
          { fromRef: '1', toRef: '1', change: 'unchanged' },
          { fromRef: '1.1', toRef: '1.1', change: 'unchanged' },
          { fromRef: null, toRef: '1.1.1', change: 'added' },
          { fromRef: '1.1.1', toRef: '1.1.2', change: 'renumbered' },
          { fromRef: '1.1.2', toRef: '1.1.3', change: 'modified' },
          { fromRef: '1.1.3', toRef: null, change: 'removed' },
        ]);
        expect(res.body.movedAway).to.deep.equal([]);
        expect(res.body.notes).to.deep.equal([]);
        expect(res.body.clauses.map((c: { change: string }) => c.change)).to.not.include(
          'unchanged',
        );
        expect(res.body.documentHtml).to.include('redline-unchanged').and.include('(was 1.1.2)');
        // The handler writes this JSON itself, so the test server's response check does not see it.
        const described = apiEndpoints.find((ep) => ep.operationId === 'getRedline');
        expect(described && responseMismatch(described, res.body)).to.equal(undefined);
      });

      it('gives an empty redline for a version against itself', async () => {
        const res = await server.api(`/api/artefacts/${id}/redline?from=${v2}&to=${v2}`, {
          token: alice.token,
        });
        expect(res.status).to.equal(200);
        expect(res.body.clauses).to.deep.equal([]);
        expect(res.body.stats).to.include({
          added: 0,
          removed: 0,
          modified: 0,
          moved: 0,
          wordsInserted: 0,
          wordsDeleted: 0,
        });
      });

      it('refuses versions of two different artefacts (400) and unknown versions (404)', async () => {
        const other = await artefactId(server, bsc.token, 'BSCP702');
        const otherVersion = (await publish(server, bsc, other, V1, 'v1')).id;
        const mixed = await server.api(
          `/api/artefacts/${id}/redline?from=${otherVersion}&to=${v2}`,
          { token: alice.token },
        );
        expect(mixed.status).to.equal(400);
        expect(mixed.body.error.message).to.match(/^query\.from/);
        const unknown = await server.api(`/api/artefacts/${id}/redline?from=nope&to=${v2}`, {
          token: alice.token,
        });
        expect(unknown.status).to.equal(404);
        expect(
          (await server.api('/api/artefacts/nope/redline', { token: alice.token })).status,
        ).to.equal(404);
      });

      it('places comments made on v1 at their clause in v2, flagging changed text', async () => {
        const res = await server.api(`/api/comments?versionId=${v2}&limit=200`, {
          token: alice.token,
        });
        expect(res.status).to.equal(200);
        const byId = new Map(
          res.body.data.map((c: { id: string; anchor: unknown }) => [c.id, c.anchor]),
        );
        expect(byId.get(onMoved.id)).to.deep.equal({
          versionId: v2,
          clauseRef: '1.1.3',
          textChanged: true,
        });
        expect(byId.get(onRemoved.id)).to.deep.equal({
          versionId: v2,
          clauseRef: null,
          textChanged: true,
        });
        const onV1 = await server.api(`/api/comments?versionId=${v1}&limit=200`, {
          token: alice.token,
        });
        const same = onV1.body.data.find((c: { id: string }) => c.id === onMoved.id);
        expect(same.anchor).to.deep.equal({
          versionId: v1,
          clauseRef: '1.1.2',
          textChanged: false,
        });
      });

      it("never places another organisation's confidential comment, nor puts it in the redline", async () => {
        const bob = await server.signedIn('participant');
        const secret = 'Confidential: our metering costs rise by 4%';
        const hidden = (
          await postComment(server, bob.token, id, {
            versionId: v1,
            clauseRef: '1.1.2',
            body: secret,
            confidential: true,
          })
        ).body.data;
        expect(hidden.id).to.be.a('string');
        for (const versionId of [v1, v2]) {
          const res = await server.api(`/api/comments?versionId=${versionId}&limit=200`, {
            token: alice.token,
          });
          expect(res.status).to.equal(200);
          expect(JSON.stringify(res.body)).to.not.include(hidden.id).and.not.include(secret);
        }
        const own = await server.api(`/api/comments?versionId=${v2}&limit=200`, {
          token: bob.token,
        });
        const placed = own.body.data.find((c: { id: string }) => c.id === hidden.id);
        expect(placed.anchor).to.deep.equal({
          versionId: v2,
          clauseRef: '1.1.3',
          textChanged: true,
        });
        const redline = await server.api(`/api/artefacts/${id}/redline?from=${v1}&to=${v2}`, {
          token: alice.token,
        });
        expect(JSON.stringify(redline.body)).to.not.include(hidden.id).and.not.include(secret);
      });

      it('places a comment on v2 unchanged text as not changed', async () => {
        const c = (
          await postComment(server, alice.token, id, {
            clauseRef: '1.1.2',
            body: 'Which suppliers?',
          })
        ).body.data;
        const res = await server.api(`/api/comments?versionId=${v2}&limit=200`, {
          token: alice.token,
        });
        expect(res.body.data.find((x: { id: string }) => x.id === c.id).anchor).to.deep.equal({
          versionId: v2,
          clauseRef: '1.1.2',
          textChanged: false,
        });
        const wrong = await server.api(`/api/comments?versionId=${v2}&artefactId=bsc-bscp702`, {
          token: alice.token,
        });
        expect(wrong.status).to.equal(400);
      });
    });
  });
}
