import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { DialectName } from '../../server/db/database.js';
import { startTestServer, type TestServer } from './server.js';

// What every browser suite in test/e2e shares: Debian's Chromium, the built client, signing in.

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT_INDEX = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Headless Chromium for a suite's `before` hook. Skips the suite when there is no Chromium, and
 * fails it when the client has not been built (the test server serves `dist/client`).
 */
export async function launchBrowserOrSkip(hook: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    // The stated reason for the skip; CI installs Debian's chromium so there they always run.
    console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
    hook.skip();
  }
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(`${CLIENT_INDEX} is missing: run npm run build first`);
  }
  return chromium.launch({
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
}

/**
 * A page in a fresh browser context (its own localStorage, so its own session) on the server;
 * `options` can put the browser elsewhere, e.g. `{ timezoneId: 'America/New_York' }`.
 */
const newPage = (browser: Browser, server: TestServer, options: PageOptions = {}): Promise<Page> =>
  browser.newPage({ ...options, baseURL: server.url });

export type PageOptions = Pick<BrowserContextOptions, 'timezoneId' | 'locale'>;

/** Closes every page `newPage` opened, with its context. */
async function closePages(browser: Browser | undefined): Promise<void> {
  for (const context of browser?.contexts() ?? []) await context.close();
}

export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Fills in and submits the sign-in form the page is showing. */
export async function signIn(page: Page, user: Credentials): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new page signed in as `user` through the form, once the main navigation shows. */
export async function newSignedInPage(
  browser: Browser,
  server: TestServer,
  user: Credentials,
  options: PageOptions = {},
): Promise<Page> {
  const page = await newPage(browser, server, options);
  await page.goto('/login');
  await signIn(page, user);
  await mainNav(page).waitFor();
  return page;
}

export interface BrowserSuite {
  /** Set once the suite's first `before` hook has run. */
  readonly server: TestServer;
  /** A page not yet signed in. */
  newPage(): Promise<Page>;
  signedInPage(user: Credentials, options?: PageOptions): Promise<Page>;
}

/**
 * Registers, in the calling `describe`, the hooks every browser suite needs: before all, Chromium
 * (or skip) and a test server over the seeded registry serving the built client; after each test,
 * its pages closed; after all, both closed. Call it before the suite's own `before` hooks, which can
 * then set up data through `suite.server`.
 */
export function browserSuite(options: { dialect?: DialectName } = {}): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;

  before(async function () {
    browser = await launchBrowserOrSkip(this);
    server = await startTestServer({
      seedRegistry: true,
      serveClient: true,
      dialect: options.dialect,
    });
  });

  afterEach(() => closePages(browser));

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = () => {
    if (!browser || !server) throw new Error('the browser suite has not started');
    return { browser, server };
  };
  return {
    get server() {
      return started().server;
    },
    newPage: () => newPage(started().browser, started().server),
    signedInPage: (user, options) =>
      newSignedInPage(started().browser, started().server, user, options),
  };
}
