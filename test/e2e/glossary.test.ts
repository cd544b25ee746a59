import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserSuite, mainNav } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import { findArtefact, publish, type SignedInUser } from '../helpers/fixtures.js';

const ANNEX_X1 = [
  'SECTION X ANNEX X-1: GENERAL GLOSSARY',
  '1. DEFINITIONS',
  '1.1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour;',
  '1.1.2 "Data Collector" means, in relation to a Metering System, the person appointed by the Supplier to retrieve and process Metered Data;',
  // The definition is shown as words, so the markup in it must stay inert.
  '1.1.3 "Supplier Volume Allocation Agent" or "SVAA" means the BSC Agent `x` <img src=x onerror="window.glossaryXss=1"> <script>window.glossaryXss=2</script> for supplier volume allocation.',
].join('\n\n');

const REC_SCHEDULE_1 = [
  'SCHEDULE 1: INTERPRETATIONS AND DEFINITIONS',
  '1. DEFINITIONS',
  '1.1 "Settlement Period" means a period of 30 minutes beginning on the hour or the half-hour.',
  '1.2 "Data Collectors" means the persons appointed by an Energy Supplier to collect consumption data from a Metering Point.',
].join('\n\n');

const SECTION_S = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '2. SUPPLIER OBLIGATIONS',
  '2.1 Appointments',
  '2.1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
  '2.1.2 The SVAA shall allocate volumes for each Settlement Period.',
].join('\n\n');

/** Presses Tab until the element has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`;
    if (await page.evaluate(focused)) return;
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab`);
}

for (const dialect of testDialects()) {
  describe(`the glossary and defined terms in the browser (${dialect})`, function () {
    this.timeout(120_000);
    const suite = browserSuite({ dialect });
    let reader: SignedInUser;
    let sectionS: { id: string; slug: string };

    before(async () => {
      const server = suite.server;
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      const rec = await server.signedIn('code_body', { code: 'REC' });
      reader = await server.signedIn('participant');
      const annex = await findArtefact(server, bsc.token, 'Section X Annex X-1');
      const schedule1 = await findArtefact(server, rec.token, 'Schedule 1');
      sectionS = await findArtefact(server, bsc.token, 'Section S');
      await publish(server, bsc, annex.id, ANNEX_X1);
      await publish(server, rec, schedule1.id, REC_SCHEDULE_1);
      await publish(server, bsc, sectionS.id, SECTION_S);
    });

    it('lists a term defined differently, its uses, and opens a use at its clause', async () => {
      const page = await suite.signedInPage(reader);
      await mainNav(page).getByRole('link', { name: 'Glossary' }).click();
      await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();

      const collector = page.getByRole('article', { name: /^Data Collector/ });
      await collector.waitFor();
      expect(await collector.getByRole('heading', { level: 3 }).textContent()).to.equal(
        'Data Collector Defined differently',
      );
      const definitions = await collector.getByRole('listitem').allTextContents();
      expect(definitions).to.have.length(2);
      expect(definitions[0]).to.contain('the person appointed by the Supplier');
      expect(definitions[0]).to.contain('BSC Section X Annex X-1 1.1.2');
      expect(definitions[1]).to.contain('REC Schedule 1 1.2');
      const period = page.getByRole('article', { name: 'Settlement Period' });
      expect(await period.textContent()).not.to.contain('Defined differently');

      await page.getByLabel('Only terms defined differently').check();
      await page.getByRole('status').filter({ hasText: '1 term' }).waitFor();
      expect(await page.getByRole('article').count()).to.equal(1);

      const whereUsed = collector.getByRole('button', { name: 'Where used' });
      expect(await whereUsed.getAttribute('aria-expanded')).to.equal('false');
      await whereUsed.click();
      expect(await whereUsed.getAttribute('aria-expanded')).to.equal('true');
      const uses = collector.getByRole('list', { name: 'Where Data Collector is used' });
      await uses.waitFor();
      const use = uses.getByRole('link', { name: 'BSC Section S 2.1.1' });
      await use.waitFor();
      const items = await uses.getByRole('listitem').allTextContents();
      expect(items.find((item) => item.startsWith('BSC Section S 2.1.1: '))).to.contain(
        'appoint a Data Collector for each Metering System',
      );
      expect(items.some((item) => item.startsWith('REC Schedule 1 1.2: '))).to.equal(true);
      await use.click();
      await page.waitForURL(`**/artefacts/${sectionS.slug}?version=*#clause-2-1-1`);
      await page.locator('#clause-2-1-1').getByText('Each Supplier shall appoint').waitFor();
    });

    it('shows a defined term’s definition when it has keyboard focus, as inert text', async () => {
      const page = await suite.signedInPage(reader);
      await page.goto(`/artefacts/${sectionS.slug}`);
      const term = page.locator('#clause-2-1-1 .defined-term', { hasText: 'Data Collector' });
      await term.waitFor();

      await tabTo(page, '#clause-2-1-1 .defined-term');
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor();
      expect(await term.getAttribute('aria-describedby')).to.equal(
        await tooltip.getAttribute('id'),
      );
      const text = await tooltip.textContent();
      expect(text).to.contain('Defined differently');
      expect(text).to.contain('BSC Section X Annex X-1 1.1.2: in relation to a Metering System');
      expect(text).to.contain('REC Schedule 1 1.2: the persons appointed by an Energy Supplier');
      await page.keyboard.press('Escape');
      await tooltip.waitFor({ state: 'detached' });
      expect(await term.getAttribute('aria-describedby')).to.equal(null);

      // The pointer shows a term too; markup in a definition is shown, not run.
      await page.locator('#clause-2-1-2 .defined-term', { hasText: 'SVAA' }).hover();
      await tooltip.waitFor();
      expect(await tooltip.textContent()).to.contain(
        '<img src=x onerror="window.glossaryXss=1"> <script>window.glossaryXss=2</script>',
      );
      expect(await tooltip.locator('img, script').count()).to.equal(0);
      // The pointer may move onto the tooltip to read it; it goes when the pointer leaves both.
      await tooltip.hover();
      await page.waitForTimeout(500);
      expect(await tooltip.isVisible()).to.equal(true);
      await page.getByRole('heading', { name: 'Version v1' }).hover();
      await tooltip.waitFor({ state: 'detached' });
      expect(await page.evaluate('typeof window.glossaryXss')).to.equal('undefined');
      // "Settlement Period" is marked as well: one pass over the text finds every term.
      expect(await page.locator('#clause-2-1-2 .defined-term').allTextContents()).to.deep.equal([
        'SVAA',
        'Settlement Period',
      ]);
    });
  });
}
