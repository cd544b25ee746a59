import { expect } from 'chai';
import type { Db } from '../../../server/db/database.js';
import { deliverDueEmails } from '../../../server/email/deliverDueEmails.js';
import type { DeliveryOptions } from '../../../server/email/options.js';
import { createMailTransport, type MailTransport } from '../../../server/email/transport.js';
import { testDialects } from '../../helpers/db.js';
import { insertNotification } from '../../helpers/notifications.js';
import { openSameDatabase } from '../../helpers/secondInstance.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';

const ROWS = 300;

for (const dialect of testDialects()) {
  describe(`email delivery from two instances (${dialect})`, () => {
    let server: TestServer;
    let other: Db;
    let smtp: TestSmtp;
    let transports: MailTransport[];
    before(async () => {
      server = await startTestServer({ dialect, seedRegistry: false });
      other = await openSameDatabase(server.db);
      smtp = await startTestSmtp();
      transports = [createMailTransport(smtp.url, 4), createMailTransport(smtp.url, 4)];
    });
    after(async () => {
      for (const t of transports) t.close();
      await smtp.close();
      await other.close();
      await server.close();
    });

    it('sends each of many emails exactly once while both drain the same outbox', async () => {
      const users = await Promise.all(
        Array.from({ length: 10 }, () => server.createUser({ role: 'participant' })),
      );
      const ids: number[] = [];
      for (let i = 0; i < ROWS; i++)
        ids.push(
          await insertNotification(server.db, {
            recipientId: users[i % users.length]!.id,
            title: `Item ${i}`,
          }),
        );
      const options = (instanceId: string): DeliveryOptions => ({
        instanceId,
        publicUrl: 'http://localhost:3000',
        from: 'M6 review <no-reply@localhost>',
        jwtSecret: server.jwtSecret,
        batchSize: 7,
        concurrency: 4,
      });
      const now = new Date();
      const [a, b] = await Promise.all([
        deliverDueEmails(server.db, transports[0]!, now, options('instance-a')),
        deliverDueEmails(other, transports[1]!, now, options('instance-b')),
      ]);
      expect(a.sent + b.sent).to.equal(ROWS);
      expect(smtp.messages).to.have.length(ROWS);
      const subjects = smtp.messages.map((m) => m.subject);
      expect(new Set(subjects).size).to.equal(ROWS);
      const rows = await server.db.kysely
        .selectFrom('notifications')
        .select(['emailStatus', 'emailClaimedBy', 'emailAttempts'])
        .where('id', 'in', ids)
        .execute();
      expect(rows.every((r) => r.emailStatus === 'sent' && r.emailAttempts === 1)).to.equal(true);
      if (dialect === 'postgres') {
        // Both really took part: SKIP LOCKED shared the work rather than one waiting for the other.
        expect(a.sent, 'instance a').to.be.greaterThan(0);
        expect(b.sent, 'instance b').to.be.greaterThan(0);
      }
    });
  });
}
