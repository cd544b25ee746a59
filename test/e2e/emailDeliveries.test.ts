import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserSuite, mainNav } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import { insertNotification, notificationRow } from '../helpers/notifications.js';

const deliveries = (page: Page) =>
  page.getByRole('table', { name: /^Notification emails/ }).locator('tbody tr');

const deliveryRow = (page: Page, title: string) =>
  page
    .getByRole('table', { name: /^Notification emails/ })
    .getByRole('row')
    .filter({ hasText: title });

const auditOf = (suite: ReturnType<typeof browserSuite>, entityId: string) =>
  suite.server.db.kysely
    .selectFrom('auditEvents')
    .selectAll()
    .where('entityId', '=', entityId)
    .execute();

for (const dialect of testDialects()) {
  describe(`email deliveries admin page in the browser (${dialect})`, function () {
    this.timeout(120_000);
    const suite = browserSuite({ dialect });

    it('lists failed emails and digests, retries them, and says when none are left', async () => {
      const server = suite.server;
      const admin = await server.signedIn('admin');
      const ann = await server.signedIn('participant', { name: 'Ann' });
      const bob = await server.signedIn('participant', { name: 'Bob' });
      const annFailed = await insertNotification(server.db, {
        recipientId: ann.id,
        title: 'BSCP701 consultation opened',
        emailStatus: 'failed',
        emailError: '550 Mailbox unavailable',
        emailAttempts: 5,
      });
      const bobFailed = await insertNotification(server.db, {
        recipientId: bob.id,
        title: 'Your comment was decided',
        kind: 'comment.decided',
        category: 'my_comments',
        emailStatus: 'failed',
        emailError: '421 Try again later',
        emailAttempts: 5,
      });
      // Not failed, so not on the default list.
      await insertNotification(server.db, { recipientId: ann.id, title: 'Still waiting' });
      const now = new Date().toISOString();
      await server.db.kysely
        .insertInto('emailDigests')
        .values({
          userId: bob.id,
          digestDate: '2026-11-30',
          status: 'failed',
          dueAt: now,
          attempts: 5,
          claimedBy: null,
          claimedUntil: null,
          error: '554 Transaction failed',
          sentAt: null,
          createdAt: now,
        })
        .execute();

      const page = await suite.signedInPage(admin);
      await mainNav(page).getByRole('link', { name: 'Email deliveries' }).click();
      await page.getByRole('heading', { name: 'Email deliveries', level: 1 }).waitFor();
      await page.getByText('Email is off on this server').waitFor();
      await deliveryRow(page, 'BSCP701 consultation opened').waitFor();
      expect(await deliveries(page).count()).to.equal(2);
      const annCells = await deliveryRow(page, 'BSCP701 consultation opened')
        .getByRole('cell')
        .allTextContents();
      expect(annCells.slice(0, 5)).to.deep.equal([
        ann.email,
        'BSCP701 consultation opened',
        'consultation.opened',
        '5',
        '550 Mailbox unavailable',
      ]);
      expect(await page.getByText('Still waiting').count()).to.equal(0);

      // Newest first: Bob's row is above Ann's, so retrying Bob's moves focus down to Ann's.
      await page
        .getByRole('button', { name: `Retry email to ${bob.email} about Your comment was decided` })
        .click();
      await page
        .getByRole('status')
        .filter({
          hasText: `The email to ${bob.email} about Your comment was decided will be sent again.`,
        })
        .waitFor();
      await deliveryRow(page, 'Your comment was decided').waitFor({ state: 'detached' });
      const annRetry = page.getByRole('button', {
        name: `Retry email to ${ann.email} about BSCP701 consultation opened`,
      });
      // A locator, not waitForFunction: the app's CSP forbids the eval a polled string needs.
      await annRetry.and(page.locator(':focus')).waitFor();

      const row = await notificationRow(server.db, bobFailed);
      expect(row).to.deep.include({ emailStatus: 'pending', emailError: null });
      expect(Number(row.emailAttempts)).to.equal(0);
      const audit = await auditOf(suite, String(bobFailed));
      expect(audit.map((a) => [a.action, a.entity, a.actorId])).to.deep.equal([
        ['email.retry', 'notification', admin.id],
      ]);
      expect(JSON.parse(audit[0]?.before ?? '{}')).to.deep.include({
        emailStatus: 'failed',
        emailError: '421 Try again later',
      });
      const failed = await server.api('/api/admin/email-deliveries', { token: admin.token });
      expect(failed.body.data.map((d: { id: number }) => d.id)).to.deep.equal([annFailed]);
      const pending = await server.api('/api/admin/email-deliveries?status=pending', {
        token: admin.token,
      });
      expect(pending.body.data.map((d: { id: number }) => d.id)).to.include(bobFailed);

      // The last failed email: the list says there is none, and focus goes to the section.
      await annRetry.click();
      await page.getByText('No failed emails.').waitFor();
      await page.locator('#email-deliveries-heading:focus').waitFor();

      // The retried emails show under "Pending", without a Retry button.
      await page.getByLabel('Status').selectOption({ label: 'Pending' });
      await page.waitForURL((url) => url.search.includes('status=pending'));
      await deliveryRow(page, 'Your comment was decided').waitFor();
      await deliveryRow(page, 'BSCP701 consultation opened').waitFor();
      await deliveryRow(page, 'Still waiting').waitFor();
      expect(await deliveries(page).count()).to.equal(3);
      expect(await page.getByRole('button', { name: /^Retry email/ }).count()).to.equal(0);

      // The failed digest, retried.
      const digests = page.getByRole('table', { name: 'Failed daily digests' });
      await digests.getByRole('row').filter({ hasText: '554 Transaction failed' }).waitFor();
      await page
        .getByRole('button', { name: `Retry digest of 30 Nov 2026 to ${bob.email}` })
        .click();
      await page.getByText('No failed digests.').waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `The digest of 30 Nov 2026 to ${bob.email} will be sent again.` })
        .waitFor();
      const digest = await server.db.kysely
        .selectFrom('emailDigests')
        .selectAll()
        .where('userId', '=', bob.id)
        .executeTakeFirstOrThrow();
      expect(digest).to.deep.include({ status: 'pending', error: null });
      const digestAudit = await auditOf(suite, bob.id);
      expect(digestAudit.map((a) => a.action)).to.include('email.retryDigest');
    });

    it('loads more than a page of emails', async () => {
      const server = suite.server;
      const admin = await server.signedIn('admin');
      const reader = await server.signedIn('participant');
      for (let i = 1; i <= 51; i++)
        await insertNotification(server.db, {
          recipientId: reader.id,
          title: `Sending ${i}`,
          emailStatus: 'sending',
        });
      const page = await suite.signedInPage(admin);
      await page.goto('/admin/email?status=sending');
      await deliveryRow(page, 'Sending 51').waitFor();
      expect(await deliveries(page).count()).to.equal(50);
      expect(await page.getByText('Sending 1', { exact: true }).count()).to.equal(0);
      await page.getByRole('button', { name: 'Load more emails' }).click();
      await page.getByText('Sending 1', { exact: true }).waitFor();
      expect(await deliveries(page).count()).to.equal(51);
      expect(await page.getByRole('button', { name: 'Load more emails' }).count()).to.equal(0);
    });

    it('is for administrators only: no link, and the page and API refuse others', async () => {
      const server = suite.server;
      const participant = await server.signedIn('participant');
      await insertNotification(server.db, {
        recipientId: participant.id,
        title: 'A secret failure',
        emailStatus: 'failed',
        emailError: '550 No such user',
      });
      const page = await suite.signedInPage(participant);
      await mainNav(page).getByRole('link', { name: 'Registry' }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Email deliveries' }).count()).to.equal(
        0,
      );
      await page.goto('/admin/email');
      await page.getByText('Email deliveries are for administrators.').waitFor();
      expect(await page.getByText('A secret failure').count()).to.equal(0);
      expect(await page.getByRole('table').count()).to.equal(0);
      const api = await server.api('/api/admin/email-deliveries', { token: participant.token });
      expect(api.status).to.equal(403);
    });
  });
}
