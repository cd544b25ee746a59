import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserSuite, signIn } from '../helpers/browser.js';
import { findArtefact, publish } from '../helpers/fixtures.js';
import type { TestServer } from '../helpers/server.js';

const VERSION_BODY =
  '1. GENERAL\n\n1.1 Introduction\n\n1.1.1 This BSCP sets out the Smart Data Service.';

async function publishBscp701Version(server: TestServer): Promise<void> {
  const editor = await server.signedIn('code_body', { code: 'BSC' });
  const artefact = await findArtefact(server, editor.token, 'BSCP701');
  await publish(server, editor, artefact.id, VERSION_BODY);
}

describe('registry in the browser', function () {
  this.timeout(60_000);

  const suite = browserSuite();
  let server: TestServer;
  let page: Page;
  let user: { email: string; password: string };

  before(async () => {
    server = suite.server;
    user = await server.createUser({ role: 'programme', name: 'Pat Programme' });
    await publishBscp701Version(server);
  });

  beforeEach(async () => {
    page = await suite.newPage();
  });

  async function signInFromHome(password: string): Promise<void> {
    await page.goto('/');
    await page.waitForURL('**/login');
    await signIn(page, { email: user.email, password });
  }

  it('signs in, filters the registry and opens BSCP701 with its clauses', async () => {
    await signInFromHome(user.password);

    await page.getByText('Showing 81 artefacts').waitFor();
    expect(await page.locator('tbody tr').count()).to.equal(81);
    expect(await page.locator('header').textContent()).to.contain('Pat Programme');
    expect(await page.getByText('81 artefacts in the registry').textContent()).to.match(
      /BSC \d+ · REC \d+ · DCUSA \d+/,
    );

    await page.getByLabel('Code').selectOption('BSC');
    await page.getByLabel('Search').fill('BSCP701');
    await page.waitForURL((url) => url.searchParams.get('q') === 'BSCP701');
    const row = page.getByRole('row', { name: /BSCP701/ });
    await row.first().waitFor();
    expect(page.url()).to.contain('code=BSC');
    expect(await row.first().textContent()).to.contain('Smart Data Service');

    await row.first().getByRole('link', { name: 'BSCP701' }).click();
    await page.getByRole('heading', { level: 1, name: /Smart Data Service/ }).waitFor();
    expect(page.url()).to.match(/\/artefacts\/[^/]+$/);

    const clause = page.locator('.version-body [data-ref="1.1.1"]');
    await clause.waitFor();
    expect(await clause.textContent()).to.contain('This BSCP sets out the Smart Data Service.');
    const outlineLink = page.getByRole('navigation', { name: 'Contents' }).getByRole('link', {
      name: /^1\.1\.1\b/,
    });
    expect(await outlineLink.getAttribute('href')).to.match(/^#.+/);
  });

  it('keeps a filter chosen while a typed search is still waiting to apply', async () => {
    await signInFromHome(user.password);
    await page.getByText('Showing 81 artefacts').waitFor();
    // The search applies after a pause; the code is chosen inside it. Before the filters read the
    // address as it is, the search's update started from the parameters it was typed under and
    // undid the code.
    await page.getByLabel('Search').fill('BSCP70');
    await page.getByLabel('Code').selectOption('BSC');
    await page.waitForURL((url) => url.searchParams.get('q') === 'BSCP70');
    expect(new URL(page.url()).searchParams.get('code')).to.equal('BSC');
    await page
      .getByRole('row', { name: /BSCP701/ })
      .first()
      .waitFor();
    await page.getByText('Showing 81 artefacts').waitFor({ state: 'detached' });
    const codes = await page.locator('tbody tr td:first-child').allTextContents();
    expect(codes.length).to.be.greaterThan(0);
    expect(new Set(codes)).to.deep.equal(new Set(['BSC']));
  });

  it('shows the server message for a wrong password and stays on sign in', async () => {
    const rejected = await server.api('/api/auth/login', {
      method: 'POST',
      body: { email: user.email, password: 'not-the-password' },
    });
    expect(rejected.status).to.equal(401);

    await signInFromHome('not-the-password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.equal(rejected.body.error.message);
    expect(new URL(page.url()).pathname).to.equal('/login');
  });

  it('sends the user back to sign in when the token is rejected', async () => {
    await page.goto('/login');
    // Strings, not functions: the test project has no DOM types.
    await page.evaluate("localStorage.setItem('m6.token', 'expired-or-forged')");
    await page.goto('/?code=REC');
    await page.waitForURL('**/login');
    await page.getByText('Your session has ended').waitFor();
    expect(await page.evaluate("localStorage.getItem('m6.token')")).to.equal(null);
  });
});
