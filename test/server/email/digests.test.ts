import { expect } from 'chai';
import type { Db } from '../../../server/db/database.js';
import { deliverDigests } from '../../../server/email/deliverDigests.js';
import { deliverDueEmails } from '../../../server/email/deliverDueEmails.js';
import type { DeliveryOptions } from '../../../server/email/options.js';
import { createMailTransport, type MailTransport } from '../../../server/email/transport.js';
import { testDialects } from '../../helpers/db.js';
import { insertNotification, notificationRow } from '../../helpers/notifications.js';
import { openSameDatabase } from '../../helpers/secondInstance.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';

// 15 July 2026: British Summer Time, so 08:00 in London is 07:00 UTC.
const at = (utc: string) => new Date(`2026-07-15T${utc}Z`);

for (const dialect of testDialects()) {
  describe(`email digests (${dialect})`, () => {
    let server: TestServer;
    let other: Db;
    let smtp: TestSmtp;
    let transport: MailTransport;
    let options: DeliveryOptions;
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      other = await openSameDatabase(server.db);
      smtp = await startTestSmtp();
      transport = createMailTransport(smtp.url, 2);
      options = {
        instanceId: 'instance-a',
        publicUrl: 'https://m6.example.org',
        from: 'M6 review <no-reply@m6.example.org>',
        jwtSecret: server.jwtSecret,
      };
    });
    after(async () => {
      transport.close();
      await smtp.close();
      await other.close();
      await server.close();
    });
    beforeEach(() => {
      smtp.messages.length = 0;
      smtp.refuseAll(false);
    });

    const digestUser = async (hour: number): Promise<TestUser> => {
      const user = await server.createUser({ role: 'participant' });
      await server.db.kysely
        .insertInto('notificationSettings')
        .values({
          userId: user.id,
          emailMode: 'digest',
          digestHour: hour,
          updatedAt: at('00:00:00').toISOString(),
        })
        .execute();
      return user;
    };

    it("gathers a day's rows into one email at the user's London hour, once, even from two instances", async () => {
      const user = await digestUser(8);
      const rows = [];
      for (const [i, title] of [
        'Consultation 3 opened',
        'BSCP701 v4 published',
        'Your comment was accepted',
      ].entries())
        rows.push(
          await insertNotification(server.db, {
            recipientId: user.id,
            emailStatus: 'digest',
            title,
            link: `/item/${i}`,
            category: i === 2 ? 'my_comments' : 'consultations',
            createdAt: at(`0${i + 1}:00:00`).toISOString(),
          }),
        );
      const late = await insertNotification(server.db, {
        recipientId: user.id,
        emailStatus: 'digest',
        title: 'After the hour',
        createdAt: at('07:30:00').toISOString(),
      });

      // 07:30 in London: not yet; the immediate worker leaves digest rows alone too.
      await deliverDigests(server.db, transport, at('06:30:00'), options);
      await deliverDueEmails(server.db, transport, at('06:30:00'), options);
      expect(smtp.messages).to.have.length(0);

      const [a, b] = await Promise.all([
        deliverDigests(server.db, transport, at('07:05:00'), options),
        deliverDigests(other, transport, at('07:05:00'), { ...options, instanceId: 'instance-b' }),
      ]);
      expect(a.sent + b.sent).to.equal(1);
      expect(smtp.messages).to.have.length(1);
      const mail = smtp.messages[0]!;
      expect(mail.envelopeTo).to.deep.equal([user.email]);
      expect(mail.subject).to.equal('M6 review: 3 notifications (2026-07-15)');
      for (const title of [
        'Consultation 3 opened',
        'BSCP701 v4 published',
        'Your comment was accepted',
      ])
        expect(mail.text).to.include(title);
      expect(mail.text).to.include('https://m6.example.org/item/1');
      expect(mail.text).to.not.include('After the hour');
      expect(mail.text).to.match(
        /Stop emails about consultations opening and closing: https:\/\/m6\.example\.org\/unsubscribe\?token=/,
      );
      expect(mail.text).to.match(/Stop emails about decisions and replies on your comments: /);
      expect(mail.messageId).to.equal(`<digest-${user.id}-2026-07-15@m6.example.org>`);
      for (const id of rows)
        expect((await notificationRow(server.db, id)).emailStatus).to.equal('sent');
      expect((await notificationRow(server.db, late)).emailStatus).to.equal('digest');

      await deliverDigests(server.db, transport, at('09:00:00'), options);
      expect(smtp.messages, 'sent once a day').to.have.length(1);
      // The next day's digest carries what came after the hour.
      await deliverDigests(server.db, transport, new Date('2026-07-16T07:00:00Z'), options);
      expect(smtp.messages).to.have.length(2);
      expect(smtp.messages[1]!.text).to.include('After the hour');
      expect(smtp.messages[1]!.subject).to.equal('M6 review: 1 notification (2026-07-16)');
    });

    it('retries a refused digest with backoff and shows a failed one to administrators', async () => {
      const user = await digestUser(9);
      const id = await insertNotification(server.db, {
        recipientId: user.id,
        emailStatus: 'digest',
        createdAt: at('05:00:00').toISOString(),
      });
      smtp.refuseAll(true);
      const tries = { ...options, maxAttempts: 2, backoffMs: 60_000 };
      const first = await deliverDigests(server.db, transport, at('08:00:00'), tries);
      expect(first.retrying).to.equal(1);
      const second = await deliverDigests(server.db, transport, at('08:01:00'), tries);
      expect(second.failed).to.equal(1);
      expect((await notificationRow(server.db, id)).emailStatus).to.equal('digest');

      const admin = await server.signedIn('admin');
      const list = await server.api('/api/admin/email-digests?status=failed', {
        token: admin.token,
      });
      expect(list.status).to.equal(200);
      const item = list.body.data.find((d: { userId: string }) => d.userId === user.id);
      expect(item).to.include({
        recipientEmail: user.email,
        digestDate: '2026-07-15',
        attempts: 2,
      });
      expect(item.error).to.match(/Try again later/);

      smtp.refuseAll(false);
      const retry = await server.api(`/api/admin/email-digests/${user.id}/2026-07-15/retry`, {
        token: admin.token,
        method: 'POST',
      });
      expect(retry.status).to.equal(200);
      await deliverDigests(server.db, transport, new Date(Date.now() + 1000), options);
      expect(smtp.messages.map((m) => m.envelopeTo[0])).to.deep.equal([user.email]);
      expect((await notificationRow(server.db, id)).emailStatus).to.equal('sent');
    });

    it('sends waiting digest rows at once when the user switches to immediate email, and none when off', async () => {
      const switched = await digestUser(8);
      const silenced = await digestUser(8);
      const a = await insertNotification(server.db, {
        recipientId: switched.id,
        emailStatus: 'digest',
      });
      const b = await insertNotification(server.db, {
        recipientId: silenced.id,
        emailStatus: 'digest',
      });
      await server.db.kysely
        .updateTable('notificationSettings')
        .set({ emailMode: 'immediate' })
        .where('userId', '=', switched.id)
        .execute();
      await server.db.kysely
        .updateTable('notificationSettings')
        .set({ emailMode: 'off' })
        .where('userId', '=', silenced.id)
        .execute();
      const now = new Date();
      await deliverDigests(server.db, transport, now, options);
      await deliverDueEmails(server.db, transport, now, options);
      expect(smtp.messages.map((m) => m.envelopeTo[0])).to.deep.equal([switched.email]);
      expect((await notificationRow(server.db, a)).emailStatus).to.equal('sent');
      expect((await notificationRow(server.db, b)).emailStatus).to.equal('skipped');
    });
  });
}
