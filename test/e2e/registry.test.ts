import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT_INDEX = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
const VERSION_BODY =
  '1. GENERAL\n\n1.1 Introduction\n\n1.1.1 This BSCP sets out the Smart Data Service.';

async function publishBscp701Version(server: TestServer): Promise<void> {
  const editor = await server.createUser({ role: 'code_body', code: 'BSC' });
  const token = await server.login(editor.email, editor.password);
  const found = await server.api('/api/artefacts?q=BSCP701', { token });
  const artefact = (found.body.data as { id: string; reference: string }[]).find(
    (a) => a.reference === 'BSCP701',
  );
  if (!artefact) throw new Error(`BSCP701 not in the seeded registry: ${JSON.stringify(found)}`);
  const published = await server.api(`/api/artefacts/${artefact.id}/versions`, {
    method: 'POST',
    token,
    body: { label: 'v1', body: VERSION_BODY, changeNote: 'first' },
  });
  expect(published.status, JSON.stringify(published.body)).to.be.oneOf([200, 201]);
}

describe('registry in the browser', function () {
  this.timeout(60_000);

  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let user: { email: string; password: string };

  before(async function () {
    if (!existsSync(CHROMIUM_PATH)) {
      console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
      this.skip();
    }
    if (!existsSync(CLIENT_INDEX)) {
      throw new Error(`${CLIENT_INDEX} is missing: run npm run build first`);
    }
    server = await startTestServer({ seedRegistry: true, serveClient: true });
    user = await server.createUser({ role: 'programme', name: 'Pat Programme' });
    await publishBscp701Version(server);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });

  beforeEach(async function () {
    if (!browser || !server) this.skip();
    page = await browser.newPage({ baseURL: server.url });
  });

  afterEach(async () => {
    await page?.context().close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(password: string): Promise<void> {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs in, filters the registry and opens BSCP701 with its clauses', async () => {
    await signIn(user.password);

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

  it('shows the server message for a wrong password and stays on sign in', async () => {
    const rejected = await server!.api('/api/auth/login', {
      method: 'POST',
      body: { email: user.email, password: 'not-the-password' },
    });
    expect(rejected.status).to.equal(401);

    await signIn('not-the-password');

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
