import { expect } from 'chai';
import { writeAudit } from '../../../server/db/audit.js';
import { outstandingHistory, MAX_DAYS } from '../../../server/db/queries/outstandingHistory.js';
import { addDays, londonDay } from '../../../server/domain/ukDateTime.js';
import { testDialects } from '../../helpers/db.js';
import {
  artefactId,
  openConsultation,
  postComment,
  publish,
  signInCast,
  type SignedInUser,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

for (const dialect of testDialects()) {
  describe(`outstanding comments history (${dialect})`, () => {
    let server: TestServer;
    let cast: Awaited<ReturnType<typeof signInCast>>;
    let id: string;
    let hidden: { id: string; ref: string };

    const history = async (reader: SignedInUser) => {
      const res = await server.api('/api/readiness/outstanding-history', { token: reader.token });
      expect(res.status).to.equal(200);
      return res;
    };

    before(async () => {
      server = await startTestServer({ dialect });
      cast = await signInCast(server);
      id = await artefactId(server, cast.bsc.token, 'BSCP701');
    });
    after(() => server.close());

    it('is empty, and says so, before any comment is made', async () => {
      const res = await history(cast.alice);
      expect(res.body.data).to.deep.equal({
        from: null,
        to: londonDay(new Date()),
        capped: false,
        days: [],
      });
    });

    it('counts a comment raised and decided today in the peak, and every comment in the counts', async () => {
      await publish(server, cast.bsc, id);
      await openConsultation(server, cast.programme.token, [id]);
      const decided = (await postComment(server, cast.alice.token, id)).body.data;
      await postComment(server, cast.alice.token, id, { body: 'Still open.' });
      hidden = (
        await postComment(server, cast.bob.token, id, {
          confidential: true,
          body: 'Bob’s confidential worry',
        })
      ).body.data;
      const triaged = await server.api(`/api/comments/${decided.id}/triage`, {
        token: cast.bsc.token,
        body: { status: 'accepted', response: 'Agreed.', revision: 1 },
      });
      expect(triaged.status).to.equal(200);

      const res = await history(cast.alice);
      const today = londonDay(new Date());
      expect(res.body.data.from).to.equal(today);
      expect(res.body.data.days).to.deep.equal([
        { day: today, outstanding: 2, peak: 3, raised: 3, closed: 1 },
      ]);
      // Alice cannot see Bob's confidential comment: it is counted, never named.
      const text = JSON.stringify(res.body);
      expect(text).not.to.include(hidden.id);
      expect(text).not.to.include(hidden.ref);
      expect(text).not.to.include('confidential worry');
    });

    it('does not count a triage that leaves a comment outstanding, and counts a withdrawal', async () => {
      const c = (await postComment(server, cast.alice.token, id, { body: 'Short-lived' })).body
        .data;
      const withdrawn = await server.api(`/api/comments/${c.id}/withdraw`, {
        token: cast.alice.token,
        body: { revision: 1 },
      });
      expect(withdrawn.status).to.equal(200);
      const triaged = await server.api(`/api/comments/${hidden.id}/triage`, {
        token: cast.bsc.token,
        body: { status: 'triaged', response: 'Looking at it.', revision: 1 },
      });
      expect(triaged.status).to.equal(200);
      const [day] = (await history(cast.programme)).body.data.days;
      expect(day).to.include({ outstanding: 2, peak: 3, raised: 4, closed: 2 });
    });

    it('caps a long history at a year, starting from what was outstanding before it', async () => {
      const later = new Date(Date.now() + 500 * 86_400_000);
      const capped = await outstandingHistory(server.db, later);
      expect(capped.capped).to.equal(true);
      expect(capped.days).to.have.length(MAX_DAYS);
      expect(capped.from).to.equal(addDays(londonDay(later), 1 - MAX_DAYS));
      expect(capped.days[0]).to.deep.equal({
        day: capped.from,
        outstanding: 2,
        peak: 2,
        raised: 0,
        closed: 0,
      });
    });

    it('counts an imported comment only when it arrives undecided', async () => {
      const before = (await outstandingHistory(server.db)).days.at(-1)!;
      await server.db.kysely.transaction().execute(async (trx) => {
        for (const [entityId, status] of [
          ['imported-open', 'open'],
          ['imported-triaged', 'triaged'],
          ['imported-decided', 'rejected'],
        ]) {
          await writeAudit(trx, {
            actorId: cast.programme.id,
            action: 'comment.import',
            entity: 'comment',
            entityId: entityId!,
            after: { status, row: 2 },
          });
        }
      });
      const after = (await outstandingHistory(server.db)).days.at(-1)!;
      expect(after.outstanding - before.outstanding).to.equal(2);
      expect(after.raised - before.raised).to.equal(2);
      expect(after.closed).to.equal(before.closed);
    });

    it('reads the events a page at a time to the same answer', async () => {
      const whole = await outstandingHistory(server.db);
      expect(await outstandingHistory(server.db, new Date(), 2)).to.deep.equal(whole);
      expect(whole.days.at(-1)!.raised).to.be.greaterThan(4);
    });
  });
}
