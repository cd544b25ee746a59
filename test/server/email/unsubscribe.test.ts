import { expect } from 'chai';
import { deliverDueEmails } from '../../../server/email/deliverDueEmails.js';
import type { DeliveryOptions } from '../../../server/email/options.js';
import { createMailTransport, type MailTransport } from '../../../server/email/transport.js';
import { signToken } from '../../../server/lib/tokens.js';
import { signUnsubscribeToken } from '../../../server/lib/unsubscribeTokens.js';
import { testDialects } from '../../helpers/db.js';
import { insertNotification, notificationRow } from '../../helpers/notifications.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';

for (const dialect of testDialects()) {
  describe(`unsubscribing from email (${dialect})`, () => {
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
        publicUrl: 'https://m6.example.org',
        from: 'M6 review <no-reply@m6.example.org>',
        jwtSecret: server.jwtSecret,
      };
    });
    after(async () => {
      transport.close();
      await smtp.close();
      await server.close();
    });
    const unsubscribe = (token: unknown) =>
      server.api('/api/notifications/unsubscribe', { body: { token } });

    it("follows the email's own link: that category stops, others still arrive, in-app rows remain", async () => {
      const user = await server.createUser({ role: 'programme' });
      await insertNotification(server.db, {
        recipientId: user.id,
        category: 'new_comments',
        title: 'New comments on BSCP701',
      });
      await deliverDueEmails(server.db, transport, new Date(), options);
      const link = /https:\/\/m6\.example\.org\/unsubscribe\?token=(\S+)/.exec(
        smtp.messages.at(-1)!.text,
      );
      expect(link, 'unsubscribe link').to.not.equal(null);
      const res = await unsubscribe(decodeURIComponent(link![1]!));
      expect(res.status).to.equal(200);
      expect(res.body.data).to.deep.equal({ category: 'new_comments', email: user.email });
      const again = await unsubscribe(decodeURIComponent(link![1]!));
      expect(again.status, 'a second click is fine').to.equal(200);

      const stopped = await insertNotification(server.db, {
        recipientId: user.id,
        category: 'new_comments',
      });
      const still = await insertNotification(server.db, {
        recipientId: user.id,
        category: 'work_off',
        title: 'A work-off item was assigned to BSC',
      });
      const before = smtp.messages.length;
      await deliverDueEmails(server.db, transport, new Date(), options);
      expect(smtp.messages.slice(before).map((m) => m.subject)).to.deep.equal([
        'A work-off item was assigned to BSC',
      ]);
      expect((await notificationRow(server.db, stopped)).emailStatus).to.equal('skipped');
      expect((await notificationRow(server.db, still)).emailStatus).to.equal('sent');
      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select('action')
        .where('entityId', '=', user.id)
        .where('action', '=', 'notification.unsubscribe')
        .execute();
      expect(audit).to.have.length(1);
    });

    it('refuses a tampered, expired, foreign or session token with a clear 400', async () => {
      const user = await server.createUser({ role: 'participant' });
      const good = signUnsubscribeToken(
        { userId: user.id, category: 'versions' },
        server.jwtSecret,
      );
      const tampered = `${good.slice(0, -3)}${good.endsWith('AAA') ? 'BBB' : 'AAA'}`;
      const bad = await unsubscribe(tampered);
      expect(bad.status).to.equal(400);
      expect(bad.body.error.message).to.match(/not valid/);

      const longAgo = Date.now() - 2 * 365 * 24 * 3600 * 1000;
      const expired = await unsubscribe(
        signUnsubscribeToken({ userId: user.id, category: 'versions' }, server.jwtSecret, longAgo),
      );
      expect(expired.status).to.equal(400);
      expect(expired.body.error.message).to.match(/expired/);

      const foreign = signUnsubscribeToken(
        { userId: user.id, category: 'versions' },
        'another-secret-of-at-least-32-characters',
      );
      expect((await unsubscribe(foreign)).status).to.equal(400);
      const session = signToken(user.id, server.jwtSecret);
      expect((await unsubscribe(session)).status, 'a sign-in token is no unsubscribe').to.equal(
        400,
      );
      expect((await unsubscribe('')).status).to.equal(400);
      expect((await unsubscribe(42)).status).to.equal(400);

      const optOuts = await server.db.kysely
        .selectFrom('emailOptOuts')
        .selectAll()
        .where('userId', '=', user.id)
        .execute();
      expect(optOuts).to.have.length(0);
    });

    it('is not a sign-in: an unsubscribe token opens no session', async () => {
      const user = await server.createUser({ role: 'admin' });
      const token = signUnsubscribeToken(
        { userId: user.id, category: 'programme' },
        server.jwtSecret,
      );
      const me = await server.api('/api/users', { token });
      expect(me.status).to.equal(401);
    });
  });
}
