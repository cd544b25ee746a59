import { expect } from 'chai';
import { deliverDueEmails } from '../../../server/email/deliverDueEmails.js';
import type { DeliveryOptions } from '../../../server/email/options.js';
import { createMailTransport, type MailTransport } from '../../../server/email/transport.js';
import { nowIso } from '../../../server/lib/ids.js';
import { testDialects } from '../../helpers/db.js';
import { insertNotification, notificationRow } from '../../helpers/notifications.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';

const PUBLIC_URL = 'https://m6.example.org';
const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`email delivery (${dialect})`, () => {
    let server: TestServer;
    let smtp: TestSmtp;
    let transport: MailTransport;
    let options: DeliveryOptions;
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      smtp = await startTestSmtp();
      transport = createMailTransport(smtp.url, 2);
      options = {
        instanceId: 'instance-a',
        publicUrl: PUBLIC_URL,
        from: 'M6 review <no-reply@m6.example.org>',
        jwtSecret: server.jwtSecret,
        backoffMs: MINUTE,
      };
    });
    after(async () => {
      transport.close();
      await smtp.close();
      await server.close();
    });
    beforeEach(async () => {
      smtp.messages.length = 0;
      smtp.refuseAll(false);
      smtp.refuseNext(0);
      // Each test counts its own email: rows left by an earlier one are out of the way.
      await server.db.kysely
        .updateTable('notifications')
        .set({ emailStatus: 'skipped' })
        .where('emailStatus', 'in', ['pending', 'sending', 'digest'])
        .execute();
    });

    const participant = () => server.createUser({ role: 'participant' });
    const setMode = (user: TestUser, emailMode: 'immediate' | 'digest' | 'off') =>
      server.db.kysely
        .insertInto('notificationSettings')
        .values({ userId: user.id, emailMode, digestHour: 8, updatedAt: nowIso() })
        .onConflict((oc) => oc.column('userId').doUpdateSet({ emailMode }))
        .execute();

    it('sends a due notification at once: recipient, subject, both bodies, link, unsubscribe, Message-ID', async () => {
      const user = await participant();
      const id = await insertNotification(server.db, {
        recipientId: user.id,
        category: 'my_comments',
        kind: 'comment.decided',
        title: 'Your comment on BSCP701 was accepted',
        body: 'Decision: accepted.\n\nReason: <script>alert("x")</script> & more',
        link: '/artefacts/bsc-bscp701?comment=abc',
      });
      const report = await deliverDueEmails(server.db, transport, new Date(), options);
      expect(report.sent).to.equal(1);
      expect(smtp.messages).to.have.length(1);
      const mail = smtp.messages[0]!;
      expect(mail.envelopeTo).to.deep.equal([user.email]);
      expect(mail.headers.get('to')).to.include(user.email);
      expect(mail.subject).to.equal('Your comment on BSCP701 was accepted');
      expect(mail.text).to.include('Reason: <script>alert("x")</script> & more');
      expect(mail.text).to.include(`${PUBLIC_URL}/artefacts/bsc-bscp701?comment=abc`);
      expect(mail.html).to.not.include('<script>');
      expect(mail.html).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
      expect(mail.html).to.include(`href="${PUBLIC_URL}/artefacts/bsc-bscp701?comment=abc"`);
      const unsubscribe = /<(https:\/\/m6\.example\.org\/unsubscribe\?token=[^>]+)>/.exec(
        mail.headers.get('list-unsubscribe') ?? '',
      )?.[1];
      expect(unsubscribe, 'List-Unsubscribe').to.be.a('string');
      expect(mail.text).to.include(unsubscribe!);
      expect(mail.messageId).to.match(
        new RegExp(`^<notification-${id}\\.[0-9a-f]{16}@m6\\.example\\.org>$`),
      );

      const row = await notificationRow(server.db, id);
      expect(row.emailStatus).to.equal('sent');
      expect(row.emailSentAt).to.be.a('string');
      expect(row.emailAttempts).to.equal(1);
      const again = await deliverDueEmails(server.db, transport, new Date(), options);
      expect(again.sent).to.equal(0);
      expect(smtp.messages).to.have.length(1);
    });

    it('never sends skipped, digest or not-yet-due rows', async () => {
      const user = await participant();
      const skipped = await insertNotification(server.db, {
        recipientId: user.id,
        emailStatus: 'skipped',
      });
      const digest = await insertNotification(server.db, {
        recipientId: user.id,
        emailStatus: 'digest',
      });
      const later = await insertNotification(server.db, {
        recipientId: user.id,
        emailDueAt: new Date(Date.now() + 10 * MINUTE).toISOString(),
      });
      await deliverDueEmails(server.db, transport, new Date(), options);
      expect(smtp.messages).to.have.length(0);
      expect((await notificationRow(server.db, skipped)).emailStatus).to.equal('skipped');
      expect((await notificationRow(server.db, digest)).emailStatus).to.equal('digest');
      expect((await notificationRow(server.db, later)).emailStatus).to.equal('pending');
      await deliverDueEmails(server.db, transport, new Date(Date.now() + 11 * MINUTE), options);
      expect(smtp.messages.map((m) => m.envelopeTo[0])).to.deep.equal([user.email]);
    });

    it('checks the settings again at send time: off, unsubscribed and inactive skip; digest waits', async () => {
      const off = await participant();
      await setMode(off, 'off');
      const digest = await participant();
      await setMode(digest, 'digest');
      const unsubscribed = await participant();
      await server.db.kysely
        .insertInto('emailOptOuts')
        .values({ userId: unsubscribed.id, category: 'versions', createdAt: nowIso() })
        .execute();
      const gone = await participant();
      await server.db.kysely
        .updateTable('users')
        .set({ active: 0 })
        .where('id', '=', gone.id)
        .execute();
      const rows = {
        off: await insertNotification(server.db, { recipientId: off.id }),
        digest: await insertNotification(server.db, { recipientId: digest.id }),
        optedOut: await insertNotification(server.db, {
          recipientId: unsubscribed.id,
          category: 'versions',
        }),
        otherCategory: await insertNotification(server.db, {
          recipientId: unsubscribed.id,
          category: 'consultations',
        }),
        gone: await insertNotification(server.db, { recipientId: gone.id }),
      };
      await deliverDueEmails(server.db, transport, new Date(), options);
      expect(smtp.messages.map((m) => m.envelopeTo[0])).to.deep.equal([unsubscribed.email]);
      const status = async (id: number) => (await notificationRow(server.db, id)).emailStatus;
      expect(await status(rows.off)).to.equal('skipped');
      expect(await status(rows.digest)).to.equal('digest');
      expect(await status(rows.optedOut)).to.equal('skipped');
      expect(await status(rows.otherCategory)).to.equal('sent');
      expect(await status(rows.gone)).to.equal('skipped');
    });

    it('retries after the SMTP server refuses, with the backoff in the row', async () => {
      const user = await participant();
      const id = await insertNotification(server.db, { recipientId: user.id });
      smtp.refuseNext(1);
      const t0 = new Date();
      const first = await deliverDueEmails(server.db, transport, t0, options);
      expect(first).to.include({ sent: 0, retrying: 1 });
      let row = await notificationRow(server.db, id);
      expect(row.emailStatus).to.equal('pending');
      expect(row.emailAttempts).to.equal(1);
      expect(row.emailError).to.match(/451|Try again later/);
      expect(row.emailDueAt).to.equal(new Date(t0.getTime() + MINUTE).toISOString());

      await deliverDueEmails(server.db, transport, new Date(t0.getTime() + 30_000), options);
      expect(smtp.messages).to.have.length(0);
      await deliverDueEmails(server.db, transport, new Date(t0.getTime() + MINUTE), options);
      expect(smtp.messages).to.have.length(1);
      row = await notificationRow(server.db, id);
      expect(row).to.include({ emailStatus: 'sent', emailAttempts: 2, emailError: null });
    });

    it('puts every row back for a retry when the SMTP server cannot be reached, more rows than connections', async () => {
      const user = await participant();
      const ids: number[] = [];
      for (let i = 0; i < 9; i++)
        ids.push(await insertNotification(server.db, { recipientId: user.id, title: `Down ${i}` }));
      // Nothing listens on this port once the probe server has closed.
      const probe = await startTestSmtp();
      const down = probe.url;
      await probe.close();
      const unreachable = createMailTransport(down, 2);
      try {
        const t0 = new Date();
        const report = await deliverDueEmails(server.db, unreachable, t0, options);
        expect(report).to.include({ sent: 0, retrying: 9 });
      } finally {
        unreachable.close();
      }
      for (const id of ids) {
        const row = await notificationRow(server.db, id);
        expect(row.emailStatus).to.equal('pending');
        expect(row.emailError).to.match(/ECONNREFUSED|connect/i);
      }
      await deliverDueEmails(server.db, transport, new Date(Date.now() + 2 * MINUTE), options);
      expect(smtp.messages.map((m) => m.subject).sort()).to.deep.equal(
        ids.map((_, i) => `Down ${i}`).sort(),
      );
    });

    it('fails after the last attempt, shows it to administrators and sends it when one retries', async () => {
      const user = await participant();
      const id = await insertNotification(server.db, {
        recipientId: user.id,
        title: 'Consultation 7 closes in 48 hours',
      });
      smtp.refuseAll(true);
      const t0 = Date.now();
      const tries = { ...options, maxAttempts: 3 };
      await deliverDueEmails(server.db, transport, new Date(t0), tries);
      await deliverDueEmails(server.db, transport, new Date(t0 + MINUTE), tries);
      expect((await notificationRow(server.db, id)).emailDueAt).to.equal(
        new Date(t0 + 3 * MINUTE).toISOString(),
      );
      const last = await deliverDueEmails(server.db, transport, new Date(t0 + 3 * MINUTE), tries);
      expect(last.failed).to.equal(1);
      expect(
        await deliverDueEmails(server.db, transport, new Date(t0 + 60 * MINUTE), tries),
      ).to.have.property('retrying', 0);

      const admin = await server.signedIn('admin');
      const list = await server.api('/api/admin/email-deliveries?status=failed', {
        token: admin.token,
      });
      expect(list.status).to.equal(200);
      const item = list.body.data.find((d: { id: number }) => d.id === id);
      expect(item).to.include({
        recipientEmail: user.email,
        kind: 'consultation.opened',
        title: 'Consultation 7 closes in 48 hours',
        status: 'failed',
        attempts: 3,
      });
      expect(item.error).to.match(/Try again later/);
      const other = await server.signedIn('programme');
      expect(
        (await server.api('/api/admin/email-deliveries', { token: other.token })).status,
      ).to.equal(403);
      expect(
        (await server.api('/api/admin/email-deliveries?status=bogus', { token: admin.token }))
          .status,
      ).to.equal(400);

      smtp.refuseAll(false);
      const retry = await server.api(`/api/admin/email-deliveries/${id}/retry`, {
        token: admin.token,
        method: 'POST',
      });
      expect(retry.status).to.equal(200);
      const twice = await server.api(`/api/admin/email-deliveries/${id}/retry`, {
        token: admin.token,
        method: 'POST',
      });
      expect(twice.status).to.equal(409);
      expect(
        (
          await server.api('/api/admin/email-deliveries/999999999/retry', {
            token: admin.token,
            method: 'POST',
          })
        ).status,
      ).to.equal(404);
      await deliverDueEmails(server.db, transport, new Date(Date.now() + 1000), options);
      expect(smtp.messages).to.have.length(1);
      expect((await notificationRow(server.db, id)).emailStatus).to.equal('sent');
    });

    it('skips pending email overdue by more than the maximum age instead of flooding', async () => {
      const user = await participant();
      const old = new Date(Date.now() - 4 * 24 * 60 * MINUTE).toISOString();
      const stale = await insertNotification(server.db, { recipientId: user.id, createdAt: old });
      const fresh = await insertNotification(server.db, { recipientId: user.id });
      const report = await deliverDueEmails(server.db, transport, new Date(), options);
      expect(report).to.include({ expired: 1, sent: 1 });
      expect((await notificationRow(server.db, stale)).emailStatus).to.equal('skipped');
      expect((await notificationRow(server.db, fresh)).emailStatus).to.equal('sent');
      expect(smtp.messages).to.have.length(1);
    });

    it('takes over a claim whose lease expired (the instance died) and leaves a live one alone', async () => {
      const user = await participant();
      const now = Date.now();
      const dead = await insertNotification(server.db, { recipientId: user.id, title: 'dead' });
      const live = await insertNotification(server.db, { recipientId: user.id, title: 'live' });
      await server.db.kysely
        .updateTable('notifications')
        .set({
          emailStatus: 'sending',
          emailClaimedBy: 'crashed-instance',
          emailClaimedUntil: new Date(now - 1000).toISOString(),
          emailAttempts: 1,
        })
        .where('id', '=', dead)
        .execute();
      await server.db.kysely
        .updateTable('notifications')
        .set({
          emailStatus: 'sending',
          emailClaimedBy: 'busy-instance',
          emailClaimedUntil: new Date(now + 60_000).toISOString(),
          emailAttempts: 1,
        })
        .where('id', '=', live)
        .execute();
      await deliverDueEmails(server.db, transport, new Date(now), options);
      expect(smtp.messages.map((m) => m.subject)).to.deep.equal(['dead']);
      expect(await notificationRow(server.db, dead)).to.include({
        emailStatus: 'sent',
        emailClaimedBy: 'instance-a',
        emailAttempts: 2,
      });
      expect((await notificationRow(server.db, live)).emailStatus).to.equal('sending');
      // Once the busy claim runs out too, that row is taken over in its turn.
      await deliverDueEmails(server.db, transport, new Date(now + 61_000), options);
      expect(smtp.messages.map((m) => m.subject)).to.deep.equal(['dead', 'live']);
    });
  });
}
