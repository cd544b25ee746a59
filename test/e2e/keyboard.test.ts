import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, type Credentials } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  type SignedInUser,
} from '../helpers/fixtures.js';

// Commenting and triage with the keyboard alone (Tab, typing, Enter, Escape; no clicks), checking
// at each step where focus is and what a screen reader is told.

const VERSION_BODY = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
  '1.1.2 The Smart Data Service sends data to Suppliers.',
].join('\n\n');

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} was not reached in ${limit} presses of Tab`);
}

/** What has focus, for assertion messages. */
const focusedElement = (page: Page) =>
  page.evaluate(
    '(({ tagName, id, textContent }) => `${tagName} #${id} ${textContent?.slice(0, 60)}`)(document.activeElement)',
  ) as Promise<string>;

async function expectFocused(page: Page, target: Locator, what: string): Promise<void> {
  expect(await isFocused(target), `${what}; focus is on ${await focusedElement(page)}`).to.equal(
    true,
  );
}

async function signInWithKeyboard(page: Page, user: Credentials): Promise<void> {
  await page.goto('/login');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
}

for (const dialect of testDialects()) {
  describe(`keyboard-only commenting and triage (${dialect})`, function () {
    this.timeout(120_000);
    const suite = browserSuite({ dialect });
    let slug = '';
    let artefactId = '';
    let participant: SignedInUser;
    let bsc: SignedInUser;

    before(async () => {
      const server = suite.server;
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      participant = await server.signedIn('participant');
      const programme = await server.signedIn('programme');
      const artefact = await findArtefact(server, bsc.token, 'BSCP701');
      slug = artefact.slug;
      artefactId = artefact.id;
      await publish(server, bsc, artefact.id, VERSION_BODY);
      await openConsultation(server, programme.token, [artefact.id]);
    });

    it('signs in, comments on a clause and closes its thread with the keyboard alone', async () => {
      const page = await suite.newPage();
      await signInWithKeyboard(page, participant);
      // Focus lands on the page's main heading, not nowhere.
      const registryHeading = page.getByRole('heading', { name: 'Artefact registry', level: 1 });
      await page.locator('h1:focus').waitFor();
      await expectFocused(page, registryHeading, 'the registry heading has focus after sign-in');

      await page.goto(`/artefacts/${slug}`);
      const commentButton = page.getByRole('button', { name: 'Comment on clause 1.1.2' });
      await tabTo(page, commentButton);
      await page.keyboard.press('Enter');

      // The form opens with focus in its first field.
      const form = page.getByRole('form', { name: 'New comment on clause 1.1.2' });
      await form.waitFor();
      await expectFocused(page, form.getByLabel('Quoted text (optional)'), 'focus in the form');

      // Enter in a field submits; the empty form's problems are announced and focus goes to the first.
      await page.keyboard.press('Enter');
      const summary = form.getByRole('alert');
      await summary.waitFor();
      expect(await summary.textContent())
        .to.contain('Choose a category.')
        .and.contain('Write your comment.');
      const category = form.getByLabel('Category');
      await expectFocused(page, category, 'focus on the first invalid field');
      expect(await category.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = (await category.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).to.equal(
        'Choose a category.',
      );

      await page.keyboard.press('ArrowDown');
      expect(await category.inputValue()).to.not.equal('');
      await page.keyboard.press('Tab'); // Severity
      await page.keyboard.press('Tab'); // Comment
      const body = form.getByLabel('Comment', { exact: true });
      await expectFocused(page, body, 'Tab reaches the comment');
      await page.keyboard.type('Name the Smart Data Service in full.');
      await tabTo(page, form.getByRole('button', { name: 'Submit comment' }));
      await page.keyboard.press('Enter');

      // A polite status says it was posted, and focus moves to the new comment.
      const thread = page.getByRole('complementary', { name: 'Comments on clause 1.1.2' });
      const status = thread.getByRole('status');
      await status.filter({ hasText: /^Comment C-\d{6} posted\.$/ }).waitFor();
      const ref = ((await status.textContent()) ?? '').split(' ')[1] ?? '';
      const card = thread.getByRole('article', { name: ref });
      await card.waitFor();
      await expectFocused(page, card, 'focus on the new comment');

      // Escape closes the thread and puts focus back on the button that opened it.
      await page.keyboard.press('Escape');
      await thread.waitFor({ state: 'detached' });
      await expectFocused(page, commentButton, 'focus back on the Comment button');

      // The same for a thread opened from its comment count, closed from inside a comment.
      const count = page.getByRole('button', { name: '1 comment, clause 1.1.2' });
      await tabTo(page, count);
      await page.keyboard.press('Enter');
      await thread.waitFor();
      expect(await count.getAttribute('aria-expanded')).to.equal('true');
      await tabTo(
        page,
        card
          .getByRole('button', { name: `Follow ${ref}` })
          .or(card.getByRole('button', { name: `Following ${ref}` })),
      );
      await page.keyboard.press('Escape');
      await thread.waitFor({ state: 'detached' });
      await expectFocused(page, count, 'focus back on the comment count');
      expect(await count.getAttribute('aria-expanded')).to.equal('false');

      // Escape with a comment half written closes the thread but keeps what was typed: opening
      // the form again brings it back, and only Cancel discards it.
      await tabTo(page, commentButton);
      await page.keyboard.press('Enter');
      await form.waitFor();
      await tabTo(page, body);
      await page.keyboard.type('Half a thought about the Smart Data Service');
      await page.keyboard.press('Escape');
      await thread.waitFor({ state: 'detached' });
      await expectFocused(page, commentButton, 'focus back on the Comment button');
      await page.keyboard.press('Enter');
      await form.waitFor();
      expect(await body.inputValue()).to.equal('Half a thought about the Smart Data Service');
      await thread.getByText('Your unsent comment was kept.').waitFor();
      // Comment pressed again while its form is open takes focus back into the form.
      for (let presses = 0; presses < 5 && !(await isFocused(commentButton)); presses += 1)
        await page.keyboard.press('Shift+Tab');
      await expectFocused(page, commentButton, 'Shift+Tab from the form reaches Comment');
      await page.keyboard.press('Enter');
      await expectFocused(
        page,
        form.getByLabel('Quoted text (optional)'),
        'focus back in the form',
      );
      await tabTo(page, form.getByRole('button', { name: 'Cancel' }));
      await page.keyboard.press('Enter');
      await form.waitFor({ state: 'detached' });
      await expectFocused(page, commentButton, 'Cancel returns focus to the Comment button');
      await page.keyboard.press('Enter');
      await form.waitFor();
      expect(await body.inputValue()).to.equal('');

      // Moving to another page focuses its heading too.
      await tabTo(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My comments' }),
      );
      await page.keyboard.press('Enter');
      await page.locator('h1:focus').waitFor();
      expect(await page.locator('h1:focus').textContent()).to.equal('My comments');
    });

    it('lets a code body triage a comment with the keyboard alone', async () => {
      const server = suite.server;
      const posted = await postComment(server, participant.token, artefactId, {
        clauseRef: '1.1.1',
        body: 'Say when the Smart Data Service starts.',
      });
      expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
      const comment = posted.body.data as { id: string; ref: string };

      const page = await suite.newPage();
      await signInWithKeyboard(page, bsc);
      await page.locator('h1:focus').waitFor();
      await tabTo(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage' }),
      );
      await page.keyboard.press('Enter');
      await page.locator('h1:focus', { hasText: 'Triage queue' }).waitFor();

      const card = page.getByRole('article', { name: comment.ref });
      const form = card.getByRole('form', { name: `Decide on ${comment.ref}` });
      await tabTo(page, form.getByRole('button', { name: 'Save decision' }));
      await page.keyboard.press('Enter');
      const summary = form.getByRole('alert');
      await summary.filter({ hasText: 'Choose a decision.' }).waitFor();
      const decision = form.getByLabel('Decision');
      await expectFocused(page, decision, 'focus on the decision');
      expect(await decision.getAttribute('aria-invalid')).to.equal('true');

      // Typing a word picks the option that starts with it.
      await page.keyboard.type('Accepted');
      expect(await decision.inputValue()).to.equal('accepted');
      await tabTo(page, form.getByLabel(/^Response/));
      await page.keyboard.type('Agreed: we will say when it starts.');
      await tabTo(page, form.getByRole('button', { name: 'Save decision' }));
      await page.keyboard.press('Enter');

      // The form goes with the final decision; a status says what was saved and the comment has focus.
      await card
        .getByRole('status')
        .filter({ hasText: `Decision saved: ${comment.ref} is accepted.` })
        .waitFor();
      await form.waitFor({ state: 'detached' });
      await expectFocused(page, card, 'focus on the decided comment');
      const saved = await server.api(`/api/comments/${comment.id}`, { token: bsc.token });
      expect(saved.body.data).to.deep.include({
        status: 'accepted',
        response: 'Agreed: we will say when it starts.',
      });

      // A comment opened from a link sits above the queue; Escape closes it, back to the heading.
      const linked = await postComment(server, participant.token, artefactId, {
        clauseRef: '1.1.2',
        body: 'Which Suppliers?',
      });
      const linkedRef = (linked.body.data as { ref: string }).ref;
      await page.goto(`/triage?comment=${linkedRef}`);
      const panel = page.getByRole('region', { name: 'Linked comment' });
      await tabTo(page, panel.getByLabel('Decision'));
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await expectFocused(
        page,
        page.getByRole('heading', { name: 'Triage queue', level: 1 }),
        'focus on the heading once the linked comment closes',
      );
      expect(new URL(page.url()).searchParams.get('comment')).to.equal(null);
    });
  });
}
