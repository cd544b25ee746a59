import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  signInCast,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };

interface Event {
  action: string;
  actor: { id: string } | null;
  at: string;
  before: unknown;
  after: unknown;
}

const REDACTED = { redacted: 'confidential' };

for (const dialect of testDialects()) {
  describe(`audit history of a comment that was confidential (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;
    let bob: Signed;
    let commentId: string;
    const original = 'Our unpublished tariff plans make this clause unworkable';

    const history = async (reader: Signed) => {
      const res = await server.api(`/api/audit?entity=comment&entityId=${commentId}`, {
        token: reader.token,
      });
      expect(res.status, reader.role).to.equal(200);
      return res.body.data as Event[];
    };

    before(async () => {
      server = await startTestServer({ dialect });
      ({ bsc, rec, programme, alice, bob } = await signInCast(server));
      const artefact = await findArtefact(server, programme.token, 'BSCP701');
      await publish(server, bsc, artefact.id);
      await openConsultation(server, programme.token, [artefact.id]);
      const created = await postComment(server, bob.token, artefact.id, {
        body: original,
        confidential: true,
      });
      commentId = created.body.data.id;
      const reply = await server.api(`/api/comments/${commentId}/replies`, {
        token: bsc.token,
        body: { body: 'Noted, in confidence' },
      });
      expect(reply.status).to.equal(201);
      const edit = await server.api(`/api/comments/${commentId}`, {
        method: 'PATCH',
        token: bob.token,
        body: { revision: 1, confidential: false, body: 'sanitised' },
      });
      expect(edit.status).to.equal(200);
      const triage = await server.api(`/api/comments/${commentId}/triage`, {
        token: bsc.token,
        body: { revision: edit.body.data.revision, status: 'triaged', response: 'Looking at it' },
      });
      expect(triage.status).to.equal(200);
    });
    after(() => server.close());

    it('shows other organisations and code bodies only the snapshots taken once it was public', async () => {
      for (const reader of [alice, rec]) {
        const events = await history(reader);
        expect(JSON.stringify(events)).to.not.include(original);
        expect(JSON.stringify(events)).to.not.include('in confidence');
        expect(events.map((e) => e.action)).to.deep.equal([
          'comment.create',
          'comment.reply',
          'comment.edit',
          'comment.triage',
        ]);
        const [create, reply, edit, triage] = events;
        expect(create?.after).to.deep.equal(REDACTED);
        expect(reply?.after).to.deep.equal(REDACTED);
        expect(edit?.before).to.deep.equal(REDACTED);
        expect(edit?.after).to.deep.equal({ body: 'sanitised', confidential: false });
        expect(triage?.before).to.include({ status: 'open' });
        expect(triage?.after).to.include({ status: 'triaged', response: 'Looking at it' });
        // Who did what and when stays on the record.
        expect(create?.actor?.id).to.equal(bob.id);
        expect(reply?.actor?.id).to.equal(bsc.id);
        for (const e of events) expect(e.at).to.be.a('string');
      }
    });

    it('shows everything to those who could see it while confidential', async () => {
      for (const reader of [bob, bsc, programme]) {
        const [create, reply, edit] = await history(reader);
        expect(create?.after, reader.role).to.include({ body: original });
        expect(reply?.after, reader.role).to.include({ body: 'Noted, in confidence' });
        expect(edit?.before, reader.role).to.deep.include({ body: original });
      }
    });
  });
}
