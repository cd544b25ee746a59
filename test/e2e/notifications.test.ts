import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserSuite, mainNav } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  type SignedInUser,
} from '../helpers/fixtures.js';
import { insertNotifications } from '../helpers/notifications.js';

// Enough clauses before the commented one that it starts well below the fold.
const LONG_PROCEDURE = [
  '1. GENERAL',
  ...Array.from({ length: 40 }, (_, i) =>
    [
      `1.${i + 1} Step ${i + 1}`,
      `1.${i + 1}.1 The Supplier shall complete step ${i + 1} of the procedure within one ` +
        'Working Day of the previous step and record the outcome.',
    ].join('\n\n'),
  ),
  '2. REPORTING',
  '2.1.1 The SVAA shall report every allocation to the BSC Agent daily.',
].join('\n\n');

const bell = (page: Page, name: string) =>
  page.getByRole('banner').getByRole('link', { name, exact: true });

const item = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) });

for (const dialect of testDialects()) {
  describe(`notifications in the browser (${dialect})`, function () {
    this.timeout(120_000);
    const suite = browserSuite({ dialect });
    let bsc: SignedInUser;
    let slug = '';
    let artefactId = '';

    before(async () => {
      const server = suite.server;
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      const programme = await server.signedIn('programme');
      const bscp701 = await findArtefact(server, bsc.token, 'BSCP701');
      slug = bscp701.slug;
      artefactId = bscp701.id;
      await publish(server, bsc, bscp701.id, LONG_PROCEDURE);
      await openConsultation(server, programme.token, [bscp701.id]);
    });

    it('counts unread on the bell, lists newest first, marks read one by one and all, and loads more', async () => {
      const server = suite.server;
      const reader = await server.signedIn('participant');
      await insertNotifications(
        server.db,
        reader.id,
        Array.from({ length: 32 }, (_, i) => ({
          title: `Item ${i + 1}`,
          category: i % 2 === 0 ? ('consultations' as const) : ('versions' as const),
        })),
      );
      const page = await suite.signedInPage(reader);
      await bell(page, 'Notifications, 32 unread').click();
      await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      await item(page, 'Item 32').waitFor();
      const titles = () => page.locator('.notification-title a').allTextContents();
      expect((await titles()).slice(0, 3)).to.deep.equal(['Item 32', 'Item 31', 'Item 30']);
      expect(await titles()).to.have.length(30);
      await page.getByRole('button', { name: 'Load more' }).click();
      await item(page, 'Item 1').waitFor();
      expect(await titles()).to.have.length(32);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).to.equal(0);

      await page.getByRole('button', { name: 'Mark read Item 32' }).click();
      await bell(page, 'Notifications, 31 unread').waitFor();
      expect(await item(page, 'Item 32').getByText('Unread').count()).to.equal(0);
      expect(await item(page, 'Item 31').getByText('Unread').count()).to.equal(1);

      // The filters are in the address, so a filtered inbox can be reloaded or shared.
      await page.getByLabel('Category').selectOption({ label: 'New versions' });
      // Clicked, not check(): the box follows the address, which the router updates a moment
      // later (in a transition), so it cannot be read back as checked at once.
      await page.getByLabel('Unread only').click();
      await page.waitForURL((url) => url.search.includes('unread=true'));
      await page.getByRole('checkbox', { name: 'Unread only', checked: true }).waitFor();
      expect(new URL(page.url()).searchParams.get('category')).to.equal('versions');
      // Item 31 is about a consultation and Item 32 is read: both gone once both filters apply.
      await item(page, 'Item 31').waitFor({ state: 'detached' });
      await item(page, 'Item 32').waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: '31 unread' }).waitFor();
      const filtered = await titles();
      expect(filtered).to.have.length(15);
      expect(filtered).to.not.include('Item 32');
      expect(filtered.every((t) => Number(t.split(' ')[1]) % 2 === 0)).to.equal(true);

      await page.getByRole('button', { name: 'Mark all read' }).click();
      await bell(page, 'Notifications').waitFor();
      await page.getByRole('status').filter({ hasText: '0 unread' }).waitFor();
      expect(await page.locator('.notification-count').count()).to.equal(0);

      // A new item arrives; the bell shows it at the next navigation.
      await insertNotifications(server.db, reader.id, [{ title: 'Fresh news' }]);
      await mainNav(page).getByRole('link', { name: 'Registry' }).click();
      await bell(page, 'Notifications, 1 unread').waitFor();
    });

    it('opens a notification about a comment: marks it read and lands on the comment in its thread', async () => {
      const server = suite.server;
      const author = await server.signedIn('participant');
      const posted = await postComment(server, author.token, artefactId, {
        clauseRef: '2.1.1',
        body: 'Say which BSC Agent receives the report.',
      });
      expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
      const comment = posted.body.data as { id: string; ref: string };
      await insertNotifications(server.db, author.id, [
        {
          category: 'my_comments',
          kind: 'comment.decided',
          title: `BSC accepted your comment ${comment.ref}`,
          body: 'We will name the BSC Agent.',
          link: `/artefacts/${slug}?comment=${comment.id}`,
        },
      ]);

      const page = await suite.signedInPage(author);
      await bell(page, 'Notifications, 1 unread').click();
      await page.getByRole('link', { name: `BSC accepted your comment ${comment.ref}` }).click();
      await page.waitForURL(`**/artefacts/${slug}?comment=${comment.id}`);
      await page.getByRole('heading', { name: 'Comments on clause 2.1.1' }).waitFor();
      // A locator, not waitForFunction: the app's CSP forbids the eval a repeated check needs.
      await page.locator(`[aria-labelledby="comment-${comment.id}"]:focus`).waitFor();
      const scrolled = (await page.evaluate('window.scrollY')) as number;
      expect(scrolled, 'the comment starts below the fold').to.be.greaterThan(0);
      await bell(page, 'Notifications').waitFor();
      const inbox = await server.api('/api/notifications', { token: author.token });
      expect(inbox.body.data[0].readAt).to.be.a('string');

      // Its author follows their comment from the start, and may stop and start again.
      const following = async () =>
        (
          await server.api(`/api/follows?entity=comment&entityId=${comment.id}`, {
            token: author.token,
          })
        ).body.data.following as boolean;
      expect(await following()).to.equal(true);
      await page.getByRole('button', { name: `Following ${comment.ref}`, exact: true }).click();
      await page.getByRole('button', { name: `Follow ${comment.ref}`, exact: true }).waitFor();
      expect(await following()).to.equal(false);
      await page.getByRole('button', { name: `Follow ${comment.ref}`, exact: true }).click();
      await page.getByRole('button', { name: `Following ${comment.ref}`, exact: true }).waitFor();
      expect(await following()).to.equal(true);
    });

    it('follows and unfollows an artefact from its page', async () => {
      const server = suite.server;
      const reader = await server.signedIn('participant');
      const page = await suite.signedInPage(reader);
      await page.goto(`/artefacts/${slug}`);
      const follow = page.getByRole('button', { name: 'Follow BSCP701', exact: true });
      expect(await follow.getAttribute('aria-pressed')).to.equal('false');
      await follow.click();
      const following = page.getByRole('button', { name: 'Following BSCP701', exact: true });
      await following.waitFor();
      expect(await following.getAttribute('aria-pressed')).to.equal('true');
      const state = () =>
        server.api(`/api/follows?entity=artefact&entityId=${artefactId}`, { token: reader.token });
      expect((await state()).body.data.following).to.equal(true);

      await page.reload();
      await following.click();
      await follow.waitFor();
      expect((await state()).body.data.following).to.equal(false);
    });

    it('keeps email settings, saying email is off on this server', async () => {
      const server = suite.server;
      const reader = await server.signedIn('participant');
      const page = await suite.signedInPage(reader);
      await page.goto('/notifications');
      const settings = page.getByRole('form', { name: 'Email settings' });
      await settings.getByText('Email is not configured on this server').waitFor();
      await settings.getByLabel('One daily digest').check();
      await settings.getByLabel('Digest time (UK time)').selectOption({ label: '18:00' });
      await settings.getByLabel('New versions').uncheck();
      await settings.getByRole('button', { name: 'Save email settings' }).click();
      await settings.getByRole('status').filter({ hasText: 'Email settings saved.' }).waitFor();

      await page.reload();
      await settings.getByLabel('One daily digest').waitFor();
      expect(await settings.getByLabel('One daily digest').isChecked()).to.equal(true);
      expect(await settings.getByLabel('Digest time (UK time)').inputValue()).to.equal('18');
      expect(await settings.getByLabel('New versions').isChecked()).to.equal(false);
      expect(await settings.getByLabel('Consultations').isChecked()).to.equal(true);
      const saved = await server.api('/api/me/notification-settings', { token: reader.token });
      expect(saved.body.data).to.deep.include({
        emailMode: 'digest',
        digestHour: 18,
        optedOut: ['versions'],
      });
    });
  });
}
