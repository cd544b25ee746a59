import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { follow, ids, inboxText, recipients, rowsOf } from './inbox.js';

type Signed = TestUser & { token: string };
interface Artefact {
  id: string;
  slug: string;
  reference: string;
}

const SECRET = 'Our confidential pricing concern about clause 1.1.1';

for (const dialect of testDialects()) {
  describe(`notification events (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let bsc: Signed;
    let bsc2: Signed;
    let rec: Signed;
    let programme: Signed;
    let programme2: Signed;
    let sro: Signed;
    let alice: Signed;
    let alice2: Signed;
    let bob: Signed;
    let bscArtefacts: Artefact[];
    let used = 0;

    /** A BSC artefact no other test has touched, with a v1 to comment on. */
    const freshArtefact = async () => {
      const a = bscArtefacts[used++];
      if (!a) throw new Error('out of BSC artefacts');
      await publish(server, bsc, a.id);
      return a;
    };
    const comment = async (who: Signed, a: Artefact, input: Record<string, unknown> = {}) => {
      const res = await postComment(server, who.token, a.id, input);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.data as { id: string; ref: string; revision: number };
    };
    const triage = async (c: { id: string; revision: number }, status: string, response = '') => {
      const res = await server.api(`/api/comments/${c.id}/triage`, {
        token: bsc.token,
        body: { status, response: response || `Decided: ${status}`, revision: c.revision },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    };
    const withKey = async (kind: string, eventKey: string) =>
      (await rowsOf(server.db, kind)).filter((r) => r.eventKey === eventKey);
    const forEntity = async (kind: string, entityId: string) =>
      (await rowsOf(server.db, kind)).filter((r) => r.entityId === entityId);

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      bsc2 = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      programme2 = await server.signedIn('programme');
      sro = await server.signedIn('sro');
      alice = await server.signedIn('participant');
      alice2 = await server.signedIn('participant', { organisationId: alice.organisationId ?? '' });
      bob = await server.signedIn('participant');
      const list = await server.api('/api/artefacts?code=BSC', { token: programme.token });
      bscArtefacts = list.body.data as Artefact[];
      await openConsultation(
        server,
        programme.token,
        bscArtefacts.map((a) => a.id),
      );
    });
    after(() => server.close());

    it('tells the code body of new comments, batched per artefact until read or emailed', async () => {
      const a = await freshArtefact();
      const first = await comment(alice, a);
      let rows = await forEntity('comments.new', a.id);
      expect(recipients(rows)).to.deep.equal(ids(bsc, bsc2));
      for (const row of rows) {
        expect(row.count).to.equal(1);
        expect(row.category).to.equal('new_comments');
        expect(row.link).to.equal(`/artefacts/${a.slug}?comment=${first.id}`);
        expect(row.emailStatus).to.equal('pending');
        expect(Date.parse(row.emailDueAt ?? '') - Date.parse(row.createdAt)).to.equal(600_000);
      }

      await comment(bob, a);
      rows = await forEntity('comments.new', a.id);
      expect(recipients(rows)).to.deep.equal(ids(bsc, bsc2));
      expect(rows.map((r) => r.count)).to.deep.equal([2, 2]);
      expect(rows[0]?.title).to.equal(`2 new comments on ${a.reference}`);
      // The email still waits 10 minutes from the first comment, not from the latest.
      for (const row of rows)
        expect(Date.parse(row.emailDueAt ?? '') - Date.parse(row.createdAt)).to.equal(600_000);

      // Read by one, emailed to the other: the next comment starts a new item for both.
      await server.db.kysely
        .updateTable('notifications')
        .set({ readAt: new Date().toISOString() })
        .where('recipientId', '=', bsc.id)
        .where('entityId', '=', a.id)
        .execute();
      await comment(alice, a);
      rows = await forEntity('comments.new', a.id);
      expect(recipients(rows)).to.deep.equal(ids(bsc, bsc, bsc2).sort());
      expect(rows.find((r) => r.recipientId === bsc2.id)?.count).to.equal(3);
      await server.db.kysely
        .updateTable('notifications')
        .set({ emailStatus: 'sent' })
        .where('recipientId', '=', bsc2.id)
        .where('entityId', '=', a.id)
        .execute();
      await comment(bob, a);
      rows = await forEntity('comments.new', a.id);
      expect(rows.filter((r) => r.recipientId === bsc2.id).map((r) => r.count)).to.have.members([
        3, 1,
      ]);
      expect(rows.filter((r) => r.recipientId === bsc.id).map((r) => r.count)).to.have.members([
        2, 2,
      ]);
      expect(rows.every((r) => [bsc.id, bsc2.id].includes(r.recipientId))).to.equal(true);
    });

    it('makes a commenter follow the artefact and the comment; an unfollow sticks', async () => {
      const a = await freshArtefact();
      const c = await comment(alice, a);
      const follows = await server.db.kysely
        .selectFrom('follows')
        .selectAll()
        .where('userId', '=', alice.id)
        .where('entityId', 'in', [a.id, c.id])
        .execute();
      expect(follows.map((f) => [f.entity, f.following, f.source]).sort()).to.deep.equal([
        ['artefact', 1, 'auto'],
        ['comment', 1, 'auto'],
      ]);
      await follow(server.db, alice.id, 'artefact', a.id, 0);
      await comment(alice, a);
      await comment(bob, a);
      const after = await server.db.kysely
        .selectFrom('follows')
        .select('following')
        .where('userId', '=', alice.id)
        .where('entity', '=', 'artefact')
        .where('entityId', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(after.following).to.equal(0);

      const v2 = await publish(server, bsc, a.id, undefined, 'v2');
      const rows = await forEntity('version.published', v2.id);
      expect(recipients(rows)).to.deep.equal(ids(bob));
      expect(rows[0]?.link).to.equal(`/artefacts/${a.slug}?version=${v2.id}`);
      expect(rows[0]?.category).to.equal('versions');
    });

    it("tells a decision to the comment's followers who may read it, never the actor or an outsider", async () => {
      const a = await freshArtefact();
      const c = await comment(alice, a, { body: SECRET, confidential: true });
      await follow(server.db, alice2.id, 'comment', c.id);
      await follow(server.db, programme.id, 'comment', c.id);
      await follow(server.db, bob.id, 'comment', c.id);
      await follow(server.db, rec.id, 'comment', c.id);
      await follow(server.db, bsc.id, 'comment', c.id);
      await triage(c, 'accepted', 'We agree and will redraft');
      const rows = await forEntity('comment.decided', c.id);
      expect(recipients(rows)).to.deep.equal(ids(alice, alice2, programme));
      for (const row of rows) {
        expect(row.category).to.equal('my_comments');
        expect(row.title).to.equal(`${c.ref} on ${a.reference} accepted`);
        expect(row.body).to.equal('We agree and will redraft');
        expect(row.link).to.equal(`/artefacts/${a.slug}?comment=${c.id}`);
      }
      for (const outsider of [bob, rec]) {
        const text = await inboxText(server.db, outsider.id);
        expect(text).not.to.include(c.id);
        expect(text).not.to.include(c.ref);
        expect(text).not.to.include(SECRET);
        expect(text).not.to.include('We agree');
      }
    });

    it('tells a reply to the followers of the comment but not to its writer', async () => {
      const a = await freshArtefact();
      const c = await comment(alice, a);
      await follow(server.db, bob.id, 'comment', c.id);
      const reply = async (who: Signed, body: string) => {
        const res = await server.api(`/api/comments/${c.id}/replies`, {
          token: who.token,
          body: { body },
        });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        return server.db.kysely
          .selectFrom('commentReplies')
          .select('id')
          .where('commentId', '=', c.id)
          .where('body', '=', body)
          .executeTakeFirstOrThrow();
      };
      const fromBsc = await reply(bsc, 'Could you give an example?');
      expect(
        recipients(await withKey('comment.replied', `comment.replied:${fromBsc.id}`)),
      ).to.deep.equal(ids(alice, bob));
      const fromAlice = await reply(alice, 'Yes: see clause 1.1.2');
      const rows = await withKey('comment.replied', `comment.replied:${fromAlice.id}`);
      expect(recipients(rows)).to.deep.equal(ids(bob));
      expect(rows[0]?.body).to.equal('Yes: see clause 1.1.2');
    });

    it('tells the followers of a comment a version incorporated it; the confidential one only to its readers', async () => {
      const a = await freshArtefact();
      const open = await comment(bob, a, { body: 'A public point' });
      const hidden = await comment(alice, a, { body: SECRET, confidential: true });
      await follow(server.db, bob.id, 'comment', hidden.id);
      await follow(server.db, alice2.id, 'comment', hidden.id);
      await triage(open, 'accepted');
      await triage(hidden, 'accepted');
      const res = await server.api(`/api/artefacts/${a.id}/versions`, {
        token: bsc.token,
        body: {
          label: 'v2',
          body: '1. GENERAL\n\n1.1 Introduction\n\n1.1.1 Redrafted text.',
          changeNote: 'Redrafted clause 1.1.1',
          resolves: [open.ref, hidden.ref],
        },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      const versionId = res.body.data.id as string;
      expect(recipients(await forEntity('comment.incorporated', open.id))).to.deep.equal(ids(bob));
      const rows = await forEntity('comment.incorporated', hidden.id);
      expect(recipients(rows)).to.deep.equal(ids(alice, alice2));
      expect(rows[0]?.title).to.equal(`${hidden.ref} incorporated in ${a.reference} v2`);
      // Both commenters follow the artefact: each hears of the version once.
      expect(recipients(await forEntity('version.published', versionId))).to.deep.equal(
        ids(alice, bob),
      );
      const text = await inboxText(server.db, bob.id);
      expect(text).not.to.include(hidden.id);
      expect(text).not.to.include(hidden.ref);
      expect(text).not.to.include(SECRET);
    });

    it('tells the programme and the SRO of a paper and of decisions, not whoever made them', async () => {
      const made = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      expect(made.status).to.equal(201);
      const paperId = made.body.data.id as string;
      const paperRows = await withKey('paper.generated', `paper.generated:${paperId}`);
      expect(recipients(paperRows)).to.deep.equal(ids(programme2, sro));
      expect(paperRows[0]?.link).to.equal(`/recommendations/${paperId}`);
      const decide = async (who: Signed, body: string, outcome: string) => {
        const res = await server.api(`/api/recommendations/${paperId}/decisions`, {
          token: who.token,
          body: { body, outcome, notes: 'Minuted' },
        });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
      };
      await decide(programme, 'CCAG', 'recommended');
      const ccag = (await forEntity('decision.ccag', paperId)).filter((r) =>
        r.title.includes('recommended'),
      );
      expect(recipients(ccag)).to.deep.equal(ids(programme2, sro));
      await decide(sro, 'SRO', 'rejected');
      expect(recipients(await forEntity('decision.sro', paperId))).to.deep.equal(
        ids(programme, programme2),
      );
    });

    it('sets each recipient’s email at write time from their settings', async () => {
      const off = await server.createUser({ role: 'sro' });
      const digest = await server.createUser({ role: 'sro' });
      const optedOut = await server.createUser({ role: 'sro' });
      const otherOptOut = await server.createUser({ role: 'sro' });
      const inactive = await server.createUser({ role: 'sro' });
      const now = new Date().toISOString();
      const k = server.db.kysely;
      await k
        .insertInto('notificationSettings')
        .values([
          { userId: off.id, emailMode: 'off', digestHour: 8, updatedAt: now },
          { userId: digest.id, emailMode: 'digest', digestHour: 7, updatedAt: now },
        ])
        .execute();
      await k
        .insertInto('emailOptOuts')
        .values([
          { userId: optedOut.id, category: 'programme', createdAt: now },
          { userId: otherOptOut.id, category: 'versions', createdAt: now },
        ])
        .execute();
      await k.updateTable('users').set({ active: 0 }).where('id', '=', inactive.id).execute();
      const made = await server.api('/api/recommendations', {
        method: 'POST',
        token: programme.token,
      });
      const rows = await withKey('paper.generated', `paper.generated:${made.body.data.id}`);
      const of = (u: { id: string }) => rows.find((r) => r.recipientId === u.id);
      expect(of(off)?.emailStatus).to.equal('skipped');
      expect(of(digest)?.emailStatus).to.equal('digest');
      expect(of(optedOut)?.emailStatus).to.equal('skipped');
      expect(of(inactive)?.emailStatus).to.equal('skipped');
      expect(of(otherOptOut)?.emailStatus).to.equal('pending');
      expect(of(sro)?.emailStatus).to.equal('pending');
      expect(of(sro)?.emailDueAt).to.equal(of(sro)?.createdAt);
      for (const u of [off, digest, optedOut, inactive]) expect(of(u)?.emailDueAt).to.equal(null);
    });

    it('announces a consultation created open, and its early close, to participants and its codes', async () => {
      const recArtefacts = (await server.api('/api/artefacts?code=REC', { token: programme.token }))
        .body.data as Artefact[];
      const target = recArtefacts[0];
      if (!target) throw new Error('no REC artefact');
      const consultation = await openConsultation(server, programme.token, [target.id], {
        title: 'REC round',
      });
      const audience = await server.db.kysely
        .selectFrom('users')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('role', '=', 'participant'),
            eb.and([eb('role', '=', 'code_body'), eb('code', '=', 'REC')]),
          ]),
        )
        .execute();
      const expected = audience.map((u) => u.id).sort();
      expect(expected).to.include.members(ids(alice, bob, rec));
      expect(expected).not.to.include(bsc.id);
      const opened = await forEntity('consultation.opened', consultation.id);
      expect(recipients(opened)).to.deep.equal(expected);
      expect(opened[0]?.title).to.equal('Consultation open: REC round');
      expect(opened[0]?.link).to.equal('/consultations');

      const closed = await server.api(`/api/consultations/${consultation.id}/close`, {
        token: programme.token,
        body: { reason: 'Withdrawn' },
      });
      expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
      expect(recipients(await forEntity('consultation.closed', consultation.id))).to.deep.equal(
        expected,
      );
    });
  });
}
