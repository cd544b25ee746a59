import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserSuite, mainNav } from '../helpers/browser.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  type ArtefactRef,
} from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

const VERSION_BODY = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
  '1.1.2 The Smart Data Service sends data to Suppliers.',
].join('\n\n');
const XSS_BODY = '<img src=x onerror="window.__xss=1">\nsecond line';

/** The API-side story: a BSC code body publishes BSCP701 v1, the programme consults on it. */
async function publishAndConsult(server: TestServer): Promise<ArtefactRef> {
  const editor = await server.signedIn('code_body', { code: 'BSC' });
  const artefact = await findArtefact(server, editor.token, 'BSCP701');
  await publish(server, editor, artefact.id, VERSION_BODY);
  const programme = await server.signedIn('programme');
  await openConsultation(server, programme.token, [artefact.slug], {
    title: 'BSCP701 first consultation',
  });
  return artefact;
}

describe('comments and triage in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let artefact: ArtefactRef;
  let participant: TestUser & { token: string };

  before(async () => {
    server = suite.server;
    artefact = await publishAndConsult(server);
    participant = await server.signedIn('participant');
  });

  async function outstandingInRegistry(page: Page): Promise<string> {
    // A full load, so the count is fresh even when the page was already on the registry.
    await page.goto('/');
    const cell = page.getByTestId(`outstanding-${artefact.slug}`);
    await cell.waitFor();
    return ((await cell.textContent()) ?? '').trim();
  }

  async function commentViaApi(body: string): Promise<{ id: string; ref: string }> {
    const created = await postComment(server, participant.token, artefact.slug, {
      clauseRef: '1.1.2',
      body,
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body.data;
  }

  it('takes a comment on clause 1.1.1 and lets the BSC code body accept it', async () => {
    const page = await suite.signedInPage(participant);
    expect(await outstandingInRegistry(page)).to.match(/^0\b/);

    await page.goto(`/artefacts/${artefact.slug}`);
    const notice = page.getByTestId('comment-window');
    await notice.waitFor();
    expect(await notice.textContent()).to.contain(
      'Consultation “BSCP701 first consultation” open until',
    );

    // Selecting the clause's words (a real triple-click) opens the form with them quoted.
    const clause = page.locator('.version-body section[data-ref="1.1.1"]');
    await clause.locator('.clause-text p').click({ clickCount: 3 });
    const form = page.getByRole('form', { name: 'New comment on clause 1.1.1' });
    await form.waitFor();
    expect(await form.getByLabel('Quoted text (optional)').inputValue()).to.equal(
      'This BSCP sets out the Smart Data Service.',
    );

    // Nothing is sent until the form is complete.
    await form.getByRole('button', { name: 'Submit comment' }).click();
    await form.getByRole('alert').getByText('Choose a category.').waitFor();
    await form.getByLabel('Category').selectOption('plain-english');
    await form.getByLabel('Severity').selectOption('high');
    await form.getByLabel('Comment', { exact: true }).fill('Say which Smart Data Service.');
    await form.getByRole('button', { name: 'Submit comment' }).click();

    const thread = page.getByRole('complementary', { name: 'Comments on clause 1.1.1' });
    const card = thread.getByRole('article');
    await card.getByText('Say which Smart Data Service.').waitFor();
    expect(await card.getByRole('heading').textContent()).to.match(/^C-\d{6}$/);
    expect(await card.textContent()).to.contain('Open');
    expect(await clause.getByTestId('clause-comments-1.1.1').textContent()).to.contain('1 comment');
    expect(await outstandingInRegistry(page)).to.match(/^1\b/);

    const codeBody = await server.createUser({ role: 'code_body', code: 'BSC' });
    const triager = await suite.signedInPage(codeBody);
    await mainNav(triager).getByRole('link', { name: 'Triage' }).click();
    // The code is preselected once the signed-in user has loaded; wait for it, then check it.
    await triager.waitForFunction("document.querySelector('#triage-code')?.value === 'BSC'");
    expect(await triager.getByLabel('Code').inputValue()).to.equal('BSC');
    const queued = triager.getByRole('article').filter({ hasText: 'Say which Smart Data' });
    await queued.waitFor();
    // The clause is shown in context with the quoted words marked.
    expect(await queued.locator('mark').textContent()).to.equal(
      'This BSCP sets out the Smart Data Service.',
    );

    const decision = queued.getByRole('form');
    await decision.getByLabel('Decision').selectOption('rejected');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await decision
      .getByRole('alert')
      .getByText(/A written response is required/)
      .waitFor();

    await decision.getByLabel('Decision').selectOption('accepted');
    await decision.getByLabel(/^Response/).fill('Agreed: it now names the service.');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await queued.getByText('Code body response').waitFor();
    expect(await queued.textContent()).to.contain('Agreed: it now names the service.');
    expect(await decision.count()).to.equal(0);

    expect(await outstandingInRegistry(triager)).to.match(/^0\b/);
    expect(await outstandingInRegistry(page)).to.match(/^0\b/);
  });

  it('tells the second of two code-body users that someone else triaged first', async () => {
    const comment = await commentViaApi('Please define "Supplier" here.');
    const first = await suite.signedInPage(
      await server.createUser({ role: 'code_body', code: 'BSC' }),
    );
    const second = await suite.signedInPage(
      await server.createUser({ role: 'code_body', code: 'BSC' }),
    );
    const cardIn = (page: Page) => page.getByRole('article', { name: comment.ref });
    for (const page of [first, second]) {
      await page.goto('/triage');
      await cardIn(page).getByLabel('Decision').waitFor();
    }

    await cardIn(first).getByLabel('Decision').selectOption('accepted');
    await cardIn(first).getByRole('button', { name: 'Save decision' }).click();
    await cardIn(first).getByText('Code body response').waitFor();

    const stale = cardIn(second);
    await stale.getByLabel('Decision').selectOption('rejected');
    await stale.getByLabel(/^Response/).fill('Out of scope.');
    await stale.getByRole('button', { name: 'Save decision' }).click();
    const alert = stale.getByRole('alert');
    await alert.getByText('Someone else triaged this comment first').waitFor();
    // The other decision is not overwritten, and ours is kept on screen until reloaded.
    expect(await stale.getByLabel(/^Response/).inputValue()).to.equal('Out of scope.');
    expect(
      (await server.api(`/api/comments/${comment.ref}`, { token: participant.token })).body.data
        .status,
    ).to.equal('accepted');

    await alert.getByRole('button', { name: 'Reload' }).click();
    await stale.getByText('Code body response').waitFor();
    expect(await stale.locator('.status').first().textContent()).to.equal('Accepted');
    expect(await stale.getByRole('form').count()).to.equal(0);
  });

  it('lets the author edit and then withdraw their open comment', async () => {
    const comment = await commentViaApi('Frist draft.');
    const page = await suite.signedInPage(participant);
    await page.goto(`/my-comments`);
    const card = page.getByRole('article', { name: comment.ref });

    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Comment', { exact: true }).fill('First draft, spelt right.');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('First draft, spelt right.').waitFor();

    await card.getByRole('button', { name: 'Withdraw' }).click();
    await card.getByRole('button', { name: 'Yes, withdraw' }).click();
    await card.locator('.status', { hasText: 'Withdrawn' }).waitFor();
    const stored = await server.api(`/api/comments/${comment.id}`, {
      token: participant.token,
    });
    expect(stored.body.data).to.include({ status: 'withdrawn', revision: 3 });
    expect(await card.getByRole('button', { name: 'Edit' }).count()).to.equal(0);
  });

  it('shows comment text as text, never as HTML', async () => {
    const comment = await commentViaApi(XSS_BODY);
    const page = await suite.signedInPage(participant);

    await page.goto(`/artefacts/${artefact.slug}`);
    await page.getByRole('button', { name: /comments?, clause 1\.1\.2/ }).click();
    const card = page.getByRole('article', { name: comment.ref });
    const body = card.locator('.comment-body');
    await body.waitFor();
    expect(await body.textContent()).to.equal(XSS_BODY);
    expect(await card.locator('img').count()).to.equal(0);

    await mainNav(page).getByRole('link', { name: 'My comments' }).click();
    await page.getByRole('article', { name: comment.ref }).waitFor();
    expect(await page.locator('img').count()).to.equal(0);
    // Strings, not functions: the test project has no DOM types.
    expect(await page.evaluate('typeof window.__xss')).to.equal('undefined');
  });
});
