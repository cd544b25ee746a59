import { expect } from 'chai';
import { reachBaseline } from '../../helpers/baseline.js';
import { testDialects } from '../../helpers/db.js';
import { postComment } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { ids, inboxText, recipients, rowsOf } from './inbox.js';

type Signed = TestUser & { token: string };

const SECRET = 'A confidential point on settlement timing';

for (const dialect of testDialects()) {
  describe(`work-off notifications (${dialect})`, function () {
    this.timeout(300_000);
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let hidden: { id: string; ref: string; reference: string; artefactId: string };

    before(async () => {
      server = await startTestServer({ dialect });
      const reached = await reachBaseline(server, async (artefacts, cast) => {
        const target = artefacts.find((a) => a.code === 'BSC');
        if (!target) throw new Error('no BSC artefact');
        const res = await postComment(server, cast.participant.token, target.id, {
          body: SECRET,
          confidential: true,
        });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        const comment = res.body.data as { id: string; ref: string; revision: number };
        const triaged = await server.api(`/api/comments/${comment.id}/triage`, {
          token: cast.codeBodies.BSC?.token,
          body: { status: 'deferred', response: 'After M6', revision: comment.revision },
        });
        expect(triaged.status, JSON.stringify(triaged.body)).to.equal(200);
        hidden = { ...comment, reference: target.reference, artefactId: target.id };
      });
      programme = reached.programme;
      bsc = reached.codeBodies.BSC as Signed;
      rec = reached.codeBodies.REC as Signed;
    });
    after(() => server.close());

    const item = () =>
      server.db.kysely
        .selectFrom('workOffItems')
        .select(['id', 'revision'])
        .where('commentId', '=', hidden.id)
        .executeTakeFirstOrThrow();

    it('tells the owning code body of each item made at the baseline', async () => {
      const { id } = await item();
      const rows = (await rowsOf(server.db, 'workOff.assigned')).filter((r) => r.entityId === id);
      expect(recipients(rows)).to.deep.equal(ids(bsc));
      expect(rows[0]?.link).to.equal('/work-off');
      expect(rows[0]?.category).to.equal('work_off');
      expect(rows[0]?.body).to.equal(`From a deferred comment on ${hidden.reference}`);
    });

    it('tells the new owner of a reassigned item, without the confidential comment it came from', async () => {
      const { id, revision } = await item();
      const res = await server.api(`/api/work-off/${id}`, {
        method: 'PATCH',
        token: programme.token,
        body: { owner: 'REC', revision },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const rows = (await rowsOf(server.db, 'workOff.assigned')).filter((r) => r.entityId === id);
      expect(recipients(rows)).to.deep.equal(ids(bsc, rec).sort());
      expect(rows.find((r) => r.recipientId === rec.id)?.eventKey).to.equal(
        `workOff.assigned:${id}:REC`,
      );
      const text = await inboxText(server.db, rec.id);
      expect(text).not.to.include(hidden.id);
      expect(text).not.to.include(hidden.ref);
      expect(text).not.to.include(SECRET);
    });

    it('tells the owner of an item made after the baseline from a post-M6 change', async () => {
      const created = await server.api('/api/changes', {
        token: programme.token,
        body: {
          id: 'CR950',
          title: 'Post-M6 fix',
          status: 'approved',
          postM6: true,
          artefacts: [hidden.artefactId],
        },
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      const made = await server.db.kysely
        .selectFrom('workOffItems')
        .select('id')
        .where('changeId', '=', 'CR950')
        .executeTakeFirstOrThrow();
      const rows = (await rowsOf(server.db, 'workOff.assigned')).filter(
        (r) => r.entityId === made.id,
      );
      expect(recipients(rows)).to.deep.equal(ids(bsc));
      expect(rows[0]?.body).to.equal('From change CR950');
    });
  });
}
