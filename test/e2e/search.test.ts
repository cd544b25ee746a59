import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact, publish } from '../helpers/fixtures.js';

const SECTION_S_V1 = [
  '1. DATA COLLECTION',
  '',
  '1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
  '',
  '1.2 The Half Hourly Data Collector shall retrieve metered data fortnightly.',
].join('\n');

const SECTION_S_V2 = [
  '1. DATA COLLECTION',
  '',
  '1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
  '',
  '1.2 The Half Hourly Data Collector shall retrieve consumption data every Settlement Day.',
].join('\n');

const SCHEDULE_23 = [
  '1. INTERPRETATION',
  '',
  '1.1 The Data Collector appointed by the Supplier shall provide readings to the Market-wide Data Service.',
].join('\n');

describe('search in the browser', function () {
  this.timeout(60_000);
  const suite = browserSuite();
  let user: { email: string; password: string };
  let v1: string;

  before(async () => {
    const server = suite.server;
    user = await server.createUser({ role: 'participant', name: 'Sam Searcher' });
    const bsc = await server.signedIn('code_body', { code: 'BSC' });
    const rec = await server.signedIn('code_body', { code: 'REC' });
    const s = await findArtefact(server, bsc.token, 'Section S');
    const schedule = await findArtefact(server, rec.token, 'Schedule 23');
    v1 = (await publish(server, bsc, s.id, SECTION_S_V1, 'v1')).id;
    await publish(server, bsc, s.id, SECTION_S_V2, 'v2');
    await publish(server, rec, schedule.id, SCHEDULE_23, 'v1');
  });

  it('searches from the header, lists hits across codes and opens one at its clause', async () => {
    const page = await suite.signedInPage(user);
    await page.getByLabel('Find in clauses and comments').fill('data collectors');
    await page.getByLabel('Find in clauses and comments').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search');
    const status = page.getByRole('status').filter({ hasText: 'found' });
    await status.waitFor();
    expect(await status.textContent()).to.contain('3 clauses found for “data collectors”');
    const results = page.locator('.search-results > li');
    await results.first().waitFor();
    const titles = await results.locator('a').allTextContents();
    expect(titles).to.have.members([
      'BSC Section S 1.1',
      'BSC Section S 1.2',
      'REC Schedule 23 1.1',
    ]);
    expect(await results.first().locator('mark').count()).to.be.greaterThan(0);

    // Superseded text only with all versions.
    await page.getByLabel('Find in clauses and comments').fill('fortnightly');
    await page.getByLabel('Find in clauses and comments').press('Enter');
    await page.getByRole('status').filter({ hasText: 'No clauses found' }).waitFor();
    await page.getByLabel('Versions').selectOption('all');
    await page.getByRole('status').filter({ hasText: '1 clause found' }).waitFor();
    const superseded = page.locator('.search-results > li').first();
    expect(await superseded.textContent()).to.contain('v1 (superseded)');
    expect(await superseded.locator('mark').allTextContents()).to.deep.equal(['fortnightly']);

    await superseded.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/artefacts/bsc-section-s');
    expect(new URL(page.url()).searchParams.get('version')).to.equal(v1);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(anchor).to.not.equal('');
    const clause = page.locator(`[id="${anchor}"]`);
    await clause.waitFor();
    expect(await clause.textContent()).to.contain('fortnightly');
  });
});
