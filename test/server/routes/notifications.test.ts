import { expect } from 'chai';
import { testDialects } from '../../helpers/db.js';
import { artefactId, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { insertNotifications } from '../../helpers/notifications.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

type Signed = TestUser & { token: string };
interface Item {
  id: number;
  kind: string;
  category: string;
  title: string;
  link: string;
  count: number;
  readAt: string | null;
}

for (const dialect of testDialects()) {
  describe(`in-app notifications (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let alice: Signed;
    let bob: Signed;

    const inbox = async (who: Signed, query = '') => {
      const res = await server.api(`/api/notifications${query}`, { token: who.token });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body as { data: Item[]; nextCursor: string | null; unreadCount: number };
    };
    const unread = async (who: Signed) =>
      (await server.api('/api/notifications/unread-count', { token: who.token })).body.data
        .unread as number;
    const markRead = (who: Signed, body: unknown) =>
      server.api('/api/notifications/read', { token: who.token, body });

    beforeEach(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      alice = await server.signedIn('participant');
      bob = await server.signedIn('participant');
    });
    afterEach(() => server.close());

    it('lists only my own items, newest first, a page at a time', async () => {
      const mine = await insertNotifications(
        server.db,
        alice.id,
        ['one', 'two', 'three', 'four', 'five'].map((title) => ({ title })),
      );
      await insertNotifications(server.db, bob.id, [{ title: "Bob's own" }]);

      const first = await inbox(alice, '?limit=2');
      expect(first.data.map((n) => n.title)).to.deep.equal(['five', 'four']);
      expect(first.unreadCount).to.equal(5);
      expect(first.nextCursor).to.be.a('string');
      const second = await inbox(alice, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.data.map((n) => n.title)).to.deep.equal(['three', 'two']);
      const last = await inbox(alice, `?limit=2&cursor=${second.nextCursor}`);
      expect(last.data.map((n) => n.title)).to.deep.equal(['one']);
      expect(last.nextCursor).to.equal(null);
      expect(last.data[0]).to.deep.include({ id: mine[0], count: 1, readAt: null });
      expect(Object.keys(last.data[0] ?? {}).sort()).to.deep.equal(
        ['body', 'category', 'count', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title'].sort(),
      );

      expect((await inbox(bob)).data.map((n) => n.title)).to.deep.equal(["Bob's own"]);
      expect(await unread(alice)).to.equal(5);
      expect(await unread(bob)).to.equal(1);
    });

    it('filters by unread and by category, and refuses what it does not know', async () => {
      const [opened, decided] = await insertNotifications(server.db, alice.id, [
        { title: 'Opened', category: 'consultations' },
        { title: 'Decided', category: 'my_comments', kind: 'comment.decided' },
        { title: 'New version', category: 'versions', kind: 'version.published' },
      ]);
      expect((await markRead(alice, { ids: [opened, decided] })).status).to.equal(200);

      const unreadOnly = await inbox(alice, '?unread=true');
      expect(unreadOnly.data.map((n) => n.title)).to.deep.equal(['New version']);
      expect((await inbox(alice, '?unread=false')).data).to.have.length(3);
      const mine = await inbox(alice, '?category=my_comments');
      expect(mine.data.map((n) => n.title)).to.deep.equal(['Decided']);
      expect(mine.data[0]?.readAt).to.be.a('string');
      expect((await inbox(alice, '?category=my_comments&unread=true')).data).to.deep.equal([]);

      for (const query of [
        '?category=gossip',
        '?cursor=abc',
        '?cursor=0',
        '?limit=0',
        '?unread=yes',
      ]) {
        const res = await server.api(`/api/notifications${query}`, { token: alice.token });
        expect(res.status, query).to.equal(400);
        expect(res.body.error.code).to.equal('invalid_request');
      }
      expect((await server.api('/api/notifications')).status).to.equal(401);
      expect((await server.api('/api/notifications/unread-count')).status).to.equal(401);
    });

    it('marks my own items read by id, idempotently, and never anyone else’s', async () => {
      const mine = await insertNotifications(server.db, alice.id, [{}, {}, {}]);
      const [bobs] = await insertNotifications(server.db, bob.id, [{}]);

      const res = await markRead(alice, { ids: [mine[0], mine[1], bobs, 999_999] });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.deep.equal({ data: { marked: 2 }, unreadCount: 1 });
      const again = await markRead(alice, { ids: [mine[0], mine[1]] });
      expect(again.body).to.deep.equal({ data: { marked: 0 }, unreadCount: 1 });

      // Bob's item was named by Alice but is still unread, and he learns nothing of her.
      expect(await unread(bob)).to.equal(1);
      expect((await inbox(bob)).data[0]?.readAt).to.equal(null);
      // Bob cannot mark Alice's items either.
      expect((await markRead(bob, { ids: [mine[2]] })).body.data.marked).to.equal(0);
      expect(await unread(alice)).to.equal(1);
    });

    it('marks all my items read, leaving others’ unread', async () => {
      await insertNotifications(server.db, alice.id, [{}, {}, {}]);
      await insertNotifications(server.db, bob.id, [{}, {}]);
      const res = await markRead(alice, { all: true });
      expect(res.body).to.deep.equal({ data: { marked: 3 }, unreadCount: 0 });
      expect((await markRead(alice, { all: true })).body.data.marked).to.equal(0);
      expect(await unread(alice)).to.equal(0);
      expect(await unread(bob)).to.equal(2);
    });

    it('refuses a mark-read body that is neither ids nor all, or both, clearly', async () => {
      const cases: [unknown, RegExp][] = [
        [{}, /either \{ "ids": \[\.\.\.\] \} or \{ "all": true \}, not both/],
        [{ ids: [1], all: true }, /not both/],
        [{ ids: [] }, /at least one/],
        [{ ids: Array.from({ length: 501 }, (_, i) => i + 1) }, /at most 500/],
        [{ ids: ['1'] }, /ids\.0/],
        [{ all: false }, /all:/],
        [[1, 2], /not both/],
      ];
      for (const [body, message] of cases) {
        const res = await markRead(alice, body);
        expect(res.status, JSON.stringify(body)).to.equal(400);
        expect(res.body.error.message, JSON.stringify(body)).to.match(message);
      }
      expect(
        (await markRead(alice, { ids: Array.from({ length: 500 }, (_, i) => i + 1) })).status,
      ).to.equal(200);
    });
  });

  describe(`notification settings (${dialect})`, function () {
    this.timeout(60_000);
    let server: TestServer;
    let alice: Signed;
    let bob: Signed;

    const settings = (who: Signed) =>
      server.api('/api/me/notification-settings', { token: who.token });
    const save = (who: Signed, body: unknown) =>
      server.api('/api/me/notification-settings', { method: 'PUT', token: who.token, body });

    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      alice = await server.signedIn('participant');
      bob = await server.signedIn('programme');
    });
    after(() => server.close());

    it('starts from immediate email at 08:00 with nothing opted out, and says email is off', async () => {
      const res = await settings(alice);
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({
        data: { emailMode: 'immediate', digestHour: 8, optedOut: [], emailEnabled: false },
      });
    });

    it('saves my settings, audited, without touching anyone else’s', async () => {
      const body = { emailMode: 'digest', digestHour: 17, optedOut: ['versions', 'consultations'] };
      const res = await save(alice, body);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const expected = {
        emailMode: 'digest',
        digestHour: 17,
        optedOut: ['consultations', 'versions'],
        emailEnabled: false,
      };
      expect(res.body.data).to.deep.equal(expected);
      expect((await settings(alice)).body.data).to.deep.equal(expected);
      expect((await settings(bob)).body.data).to.include({ emailMode: 'immediate', digestHour: 8 });

      const changed = await save(alice, { emailMode: 'off', digestHour: 0, optedOut: [] });
      expect(changed.body.data).to.include({ emailMode: 'off', digestHour: 0 });
      expect(changed.body.data.optedOut).to.deep.equal([]);

      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'actorId', 'after'])
        .where('action', '=', 'notificationSettings.update')
        .orderBy('id')
        .execute();
      expect(audit.map((e) => e.actorId)).to.deep.equal([alice.id, alice.id]);
      expect(JSON.parse(audit[1]?.after ?? '{}')).to.deep.equal({
        emailMode: 'off',
        digestHour: 0,
        optedOut: [],
      });
    });

    it('refuses settings it cannot keep', async () => {
      const valid = { emailMode: 'immediate', digestHour: 8, optedOut: [] };
      for (const body of [
        { ...valid, emailMode: 'weekly' },
        { ...valid, digestHour: 24 },
        { ...valid, digestHour: -1 },
        { ...valid, digestHour: 7.5 },
        { ...valid, optedOut: ['gossip'] },
        { emailMode: 'off' },
        { ...valid, extra: true },
      ]) {
        const res = await save(alice, body);
        expect(res.status, JSON.stringify(body)).to.equal(400);
        expect(res.body.error.code).to.equal('invalid_request');
      }
      expect((await save(bob, valid)).status).to.equal(200);
    });

    it('says email is on when the server has SMTP configured', async () => {
      const mailing = await startTestServer({ dialect, seedRegistry: false, emailEnabled: true });
      try {
        const user = await mailing.signedIn('participant');
        const res = await mailing.api('/api/me/notification-settings', { token: user.token });
        expect(res.body.data.emailEnabled).to.equal(true);
      } finally {
        await mailing.close();
      }
    });
  });

  describe(`following (${dialect})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let alice: Signed;
    let colleague: Signed;
    let bob: Signed;
    let bsc: Signed;
    let rec: Signed;
    let bscp701: string;
    let slug: string;
    let secret: { id: string; ref: string };
    let open: { id: string; ref: string };

    const follow = (who: Signed, entity: string, id: string, method = 'PUT') =>
      server.api(`/api/follows/${entity}/${encodeURIComponent(id)}`, { method, token: who.token });
    const state = (who: Signed, entity: string, id: string) =>
      server.api(`/api/follows?entity=${entity}&entityId=${encodeURIComponent(id)}`, {
        token: who.token,
      });

    before(async () => {
      server = await startTestServer({ dialect });
      const programme = await server.signedIn('programme');
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      alice = await server.signedIn('participant');
      colleague = await server.signedIn('participant', {
        organisationId: alice.organisationId ?? '',
      });
      bob = await server.signedIn('participant');
      bscp701 = await artefactId(server, bsc.token, 'BSCP701');
      slug = (await server.api(`/api/artefacts/${bscp701}`, { token: bsc.token })).body.data.slug;
      await publish(server, bsc, bscp701);
      await openConsultation(server, programme.token, [bscp701]);
      const posted = await postComment(server, alice.token, bscp701, {
        body: 'Only my organisation and BSC may read this',
        confidential: true,
      });
      expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
      secret = posted.body.data;
      open = (await postComment(server, alice.token, bscp701, { body: 'A public point' })).body
        .data;
    });
    after(() => server.close());

    it('follows and unfollows an artefact, by id or slug, and remembers the unfollow', async () => {
      expect((await state(bob, 'artefact', bscp701)).body).to.deep.equal({
        data: { following: false },
      });
      const res = await follow(bob, 'artefact', slug);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.data).to.deep.equal({
        entity: 'artefact',
        entityId: bscp701,
        following: true,
      });
      expect((await state(bob, 'artefact', bscp701)).body.data.following).to.equal(true);
      expect((await follow(bob, 'artefact', bscp701)).body.data.following).to.equal(true);

      const list = await server.api('/api/follows', { token: bob.token });
      expect(list.body.data).to.have.length(1);
      expect(list.body.data[0]).to.include({
        entity: 'artefact',
        entityId: bscp701,
        link: `/artefacts/${slug}`,
      });
      expect(list.body.data[0].label).to.match(/^BSCP701 /);

      const off = await follow(bob, 'artefact', bscp701, 'DELETE');
      expect(off.status).to.equal(200);
      expect(off.body.data.following).to.equal(false);
      expect((await state(bob, 'artefact', slug)).body.data.following).to.equal(false);
      expect((await server.api('/api/follows', { token: bob.token })).body.data).to.deep.equal([]);
      const row = await server.db.kysely
        .selectFrom('follows')
        .selectAll()
        .where('userId', '=', bob.id)
        .executeTakeFirstOrThrow();
      expect(row).to.include({ following: 0, source: 'explicit', entity: 'artefact' });
      // Who follows what is nobody else's business: audited apart from the artefact's own trail.
      const audited = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['action', 'entity', 'entityId', 'actorId'])
        .where('action', 'like', 'follow.%')
        .orderBy('id')
        .execute();
      expect(audited).to.deep.equal([
        {
          action: 'follow.follow',
          entity: 'follow',
          entityId: `artefact:${bscp701}`,
          actorId: bob.id,
        },
        {
          action: 'follow.unfollow',
          entity: 'follow',
          entityId: `artefact:${bscp701}`,
          actorId: bob.id,
        },
      ]);
    });

    it('answers 404 for an artefact or comment that does not exist, and 400 for half a question', async () => {
      expect((await follow(bob, 'artefact', 'no-such-artefact')).status).to.equal(404);
      expect((await state(bob, 'artefact', 'no-such-artefact')).status).to.equal(404);
      expect((await follow(bob, 'comment', 'no-such-comment')).status).to.equal(404);
      expect((await follow(bob, 'clause', bscp701)).status).to.equal(400);
      const half = await server.api('/api/follows?entity=artefact', { token: bob.token });
      expect(half.status).to.equal(400);
      expect(half.body.error.message).to.match(/both entity and entityId/);
    });

    it('follows a comment only when it may be read: another organisation’s confidential one is 404', async () => {
      for (const who of [bob, rec]) {
        const res = await follow(who, 'comment', secret.id);
        expect(res.status, who.role).to.equal(404);
        expect(JSON.stringify(res.body)).to.not.include('Only my organisation');
        expect((await state(who, 'comment', secret.id)).status).to.equal(404);
        expect((await follow(who, 'comment', secret.ref, 'DELETE')).status).to.equal(404);
      }
      const rows = await server.db.kysely
        .selectFrom('follows')
        .select('userId')
        .where('entity', '=', 'comment')
        .where('entityId', '=', secret.id)
        .execute();
      expect(rows.map((r) => r.userId)).to.not.include.members([bob.id, rec.id]);

      for (const who of [colleague, bsc]) {
        const res = await follow(who, 'comment', secret.ref);
        expect(res.status, who.role).to.equal(200);
        expect(res.body.data).to.deep.equal({
          entity: 'comment',
          entityId: secret.id,
          following: true,
        });
      }
      expect((await follow(bob, 'comment', open.id)).body.data.following).to.equal(true);

      const list = await server.api('/api/follows', { token: colleague.token });
      expect(list.body.data).to.have.length(1);
      expect(list.body.data[0]).to.include({
        entity: 'comment',
        entityId: secret.id,
        link: `/artefacts/${slug}?comment=${secret.id}`,
      });
      expect(list.body.data[0].label).to.equal(`Comment ${secret.ref} on BSCP701 clause 1.1.1`);
    });
  });
}
