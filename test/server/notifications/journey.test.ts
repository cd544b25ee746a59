import { expect } from 'chai';
import type { Db } from '../../../server/db/database.js';
import { deliverDueEmails } from '../../../server/email/deliverDueEmails.js';
import type { DeliveryOptions } from '../../../server/email/options.js';
import { createMailTransport, type MailTransport } from '../../../server/email/transport.js';
import { runNotificationTick } from '../../../server/notifications/scheduler.js';
import { reachBaseline } from '../../helpers/baseline.js';
import { testDialects } from '../../helpers/db.js';
import { postComment } from '../../helpers/fixtures.js';
import { openSameDatabase } from '../../helpers/secondInstance.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';

type Signed = TestUser & { token: string };

const PUBLIC_URL = 'https://m6.example.org';
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

// The "done when", through the API as people use it and a real SMTP server: a participant
// hears that a consultation opened and that their comment was decided, the code body hears of new
// comments, the CDWG of readiness and the paper; what one instance wrote another delivers, and two
// instances draining at once send each email once.
for (const dialect of testDialects()) {
  describe(`notifications from consultation to baseline (${dialect})`, function () {
    this.timeout(300_000);
    let server: TestServer;
    let smtp: TestSmtp;
    let transport: MailTransport;
    let second: Db;
    let options: DeliveryOptions;
    const inbox = async (user: Signed) =>
      (await server.api('/api/notifications', { token: user.token })).body.data as {
        kind: string;
        title: string;
        link: string;
      }[];
    const mailTo = (user: TestUser) =>
      smtp.messages.filter((m) => m.envelopeTo.includes(user.email));
    const drain = (db: Db, now: string, instanceId: string) =>
      deliverDueEmails(db, transport, new Date(now), { ...options, instanceId });

    before(async () => {
      server = await startTestServer({ dialect });
      smtp = await startTestSmtp();
      transport = createMailTransport(smtp.url, 2);
      second = await openSameDatabase(server.db);
      options = {
        instanceId: 'first',
        publicUrl: PUBLIC_URL,
        from: 'M6 review <no-reply@m6.example.org>',
        jwtSecret: server.jwtSecret,
      };
    });
    after(async () => {
      transport.close();
      await smtp.close();
      await second.close();
      await server.close();
    });

    it('tells each party what concerns them, in the app and by email, once', async () => {
      // The first look at readiness only records it; a later change is news.
      await runNotificationTick(server.db, new Date().toISOString());
      let participant!: Signed;
      let bsc!: Signed;
      let comment!: { id: string; ref: string };
      const { programme } = await reachBaseline(server, async (artefacts, cast) => {
        participant = cast.participant;
        bsc = cast.codeBodies.BSC as Signed;

        // The consultation opened: in the app, then by email with its link.
        expect((await inbox(participant)).map((n) => n.kind)).to.include('consultation.opened');
        await drain(server.db, later(0), 'first');
        const opened = mailTo(participant);
        expect(opened).to.have.length(1);
        expect(opened[0]!.text).to.include(`${PUBLIC_URL}/consultations`);

        // A comment reaches the code body: in the app at once, by email after the batch window.
        const target = artefacts.find((a) => a.code === 'BSC')!;
        const posted = await postComment(server, participant.token, target.id, {
          body: 'Name the BSC Agent that receives the report.',
        });
        expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
        comment = posted.body.data as { id: string; ref: string };
        expect((await inbox(bsc)).map((n) => n.kind)).to.include('comments.new');
        expect(await inbox(participant)).to.have.length(1);
        const bscBefore = mailTo(bsc).length;
        await drain(server.db, later(11), 'first');
        const toBsc = mailTo(bsc).slice(bscBefore);
        expect(toBsc).to.have.length(1);
        expect(toBsc[0]!.subject).to.equal(`1 new comment on ${target.reference}`);
        expect(toBsc[0]!.text).to.include(comment.ref);

        // The decision reaches its author with a link to the comment; another instance sends
        // what this one wrote, and two draining at once send it once.
        const revision = (posted.body.data as { revision: number }).revision;
        const triaged = await server.api(`/api/comments/${comment.id}/triage`, {
          token: bsc.token,
          body: { status: 'deferred', response: 'We will take this after M6.', revision },
        });
        expect(triaged.status, JSON.stringify(triaged.body)).to.equal(200);
        const decided = (await inbox(participant)).find((n) => n.kind === 'comment.decided');
        const slug = (await server.api(`/api/artefacts/${target.id}`, { token: bsc.token })).body
          .data.slug as string;
        expect(decided?.link).to.equal(`/artefacts/${slug}?comment=${comment.id}`);
        const before = mailTo(participant).length;
        await Promise.all([
          drain(second, later(12), 'second'),
          drain(server.db, later(12), 'first'),
        ]);
        const decision = mailTo(participant).slice(before);
        expect(decision).to.have.length(1);
        expect(decision[0]!.text).to.include(
          `${PUBLIC_URL}/artefacts/${slug}?comment=${comment.id}`,
        );
      });

      // The CDWG hears of the decisions and readiness turning.
      const kinds = (await inbox(programme)).map((n) => n.kind);
      // The SRO's decision, but not the paper and CCAG decision it recorded itself.
      expect(kinds).to.include('decision.sro');
      expect(kinds).to.not.include('paper.generated');
      expect(kinds).to.not.include('decision.ccag');
      const tick = await runNotificationTick(server.db, new Date().toISOString());
      expect(tick.announced.filter((k) => k.startsWith('readiness'))).to.have.length(1);
      expect((await inbox(programme)).map((n) => n.kind)).to.include('readiness.ready');
      expect((await inbox(participant)).map((n) => n.kind)).to.not.include('readiness.ready');

      // Nobody got an email twice.
      const ids = smtp.messages.map((m) => `${m.messageId} ${m.envelopeTo.join(',')}`);
      expect(new Set(ids).size).to.equal(ids.length);
    });
  });
}
