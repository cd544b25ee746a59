import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { browserSuite } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import { findArtefact, publish, type SignedInUser } from '../helpers/fixtures.js';

const GSP_GROUPS = ['_A', '_B', '_C', '_D', '_E', '_F', '_G', '_H', '_J', '_K', '_L', '_M', '_N'];

// Enough clauses between the start and 5.2.7 that 5.2.7 is well below the fold.
const settlementClauses = GSP_GROUPS.flatMap((group, i) => [
  `3.${i + 1} GSP Group ${group}`,
  `3.${i + 1}.1 In respect of each Settlement Period, the Supplier Volume Allocation Agent (SVAA) ` +
    `shall aggregate the metered data submitted by each Half Hourly Data Collector for ` +
    `Metering Systems in GSP Group ${group}.`,
  `3.${i + 1}.2 The SVAA shall report the aggregated data for GSP Group ${group} to the BSC ` +
    `Agent no later than the fifth Working Day after the Settlement Day.`,
]);

const clausesV2 = [
  '2. SUPPLIER OBLIGATIONS',
  '2.1 Appointments',
  '2.1.1 Each Supplier shall appoint a **Half Hourly** Data Collector for each Metering System.',
  '2.1.2 The half hourly data collector shall retrieve metered data daily.',
  '2.1.3 A Supplier that appoints under paragraph 2.1.1 shall notify the Panel.',
  '3. SETTLEMENT PERIOD DATA',
  ...settlementClauses,
  '5. RECONCILIATION',
  '5.2 Reconciliation runs',
  '5.2.7 The SVAA shall reconcile the volumes of each Half Hourly Data Collector as required ' +
    'by paragraph 2.1.2 before the Final Reconciliation Run.',
];

const SECTION_S_V1 = [
  '2. SUPPLIER OBLIGATIONS',
  '2.1.1 Each Supplier shall appoint a Half Hourly Data Collector for each Metering System.',
].join('\n\n');
const SECTION_S_V2 = clausesV2.join('\n\n');

// A procedure whose paragraphs each name the Data Collector four times: 1,040 in all.
const validationSteps = Array.from({ length: 26 }, (_, i) => i + 1).flatMap((step) =>
  Array.from(
    { length: 10 },
    (_, j) =>
      `3.${step}.${j + 1} Where the Data Collector receives a request from the Supplier, the ` +
      `Data Collector shall validate the metered data for Metering System ${step * 100 + j} ` +
      `and, where the Data Collector finds an error, the Data Collector shall notify the ` +
      `Supplier within ${(j % 5) + 1} Working Days.`,
  ),
);
const BSCP01 = ['3. VALIDATION', ...validationSteps].join('\n\n');

/** How often `phrase` occurs in the published text, as a reader sees it (no Markdown marks). */
function occurrences(markdown: string, phrase: string): number {
  const text = markdown.replace(/\*\*/g, '').toLowerCase();
  return text.split(phrase.toLowerCase()).length - 1;
}

/** Reads until `done` says so or 10 s pass, and gives what it read last. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

async function textBecomes(locator: Locator, expected: string): Promise<void> {
  const actual = await eventually(
    () => locator.textContent(),
    (text) => text === expected,
  );
  expect(actual).to.equal(expected);
}

// Run in the page, as strings: the tests are compiled without the DOM's types.
const clauseState = (anchor: string) => `(() => {
  const clause = document.getElementById(${JSON.stringify(anchor)});
  const rect = clause?.getBoundingClientRect();
  return {
    focused: clause !== null && document.activeElement === clause,
    inView: rect !== undefined && rect.top >= 0 && rect.top < window.innerHeight - 20,
    marked: clause?.classList.contains('clause-landed') ?? false,
    scrollY: window.scrollY,
  };
})()`;

/** The text of each range the page highlights under `name` (CSS Custom Highlight API). */
const highlighted = (page: Page, name: string) =>
  page.evaluate(
    `[...(CSS.highlights.get(${JSON.stringify(name)}) ?? [])].map((range) => range.toString())`,
  ) as Promise<string[]>;

const CURRENT_HIT_IN_VIEW = `(() => {
  const range = [...(CSS.highlights.get('find-current') ?? [])][0];
  const rect = range?.getBoundingClientRect();
  const bar = document.querySelector('.find-in-document').getBoundingClientRect();
  return rect !== undefined && rect.top >= bar.bottom && rect.bottom <= window.innerHeight;
})()`;

interface ClauseState {
  focused: boolean;
  inView: boolean;
  marked: boolean;
  scrollY: number;
}

/** Waits until the clause is focused with its top in the viewport, then says how it lies. */
async function landedOn(page: Page, anchor: string): Promise<ClauseState> {
  const seen = await eventually(
    () => page.evaluate(clauseState(anchor)) as Promise<ClauseState>,
    (state) => state.focused && state.inView,
  );
  expect(seen, anchor).to.include({ focused: true, inView: true, marked: true });
  return seen;
}

for (const dialect of testDialects()) {
  describe(`finding in a document and landing on a clause in the browser (${dialect})`, function () {
    this.timeout(120_000);
    const suite = browserSuite({ dialect });
    let reader: SignedInUser;
    let slug = '';
    let v1 = '';
    let bscp01 = '';

    before(async () => {
      const server = suite.server;
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      reader = await server.signedIn('participant');
      const s = await findArtefact(server, bsc.token, 'Section S');
      slug = s.slug;
      v1 = (await publish(server, bsc, s.id, SECTION_S_V1, 'v1')).id;
      await publish(server, bsc, s.id, SECTION_S_V2, 'v2');
      const procedure = await findArtefact(server, bsc.token, 'BSCP01');
      bscp01 = procedure.slug;
      await publish(server, bsc, procedure.id, BSCP01);
    });

    it('opens a search hit at its clause, follows a citation on the same page and comes Back', async () => {
      const page = await suite.signedInPage(reader);
      await page.goto('/search?q=reconcile');
      const hit = page.getByRole('link', { name: 'BSC Section S 5.2.7' });
      await hit.click();
      await page.waitForURL((url) => url.hash === '#clause-5-2-7');
      const first = await landedOn(page, 'clause-5-2-7');
      expect(first.scrollY, 'the clause starts below the fold').to.be.greaterThan(0);
      // The app, not a new page load, follows the citation.
      await page.evaluate('window.stillTheSamePage = true');

      const citation = page.locator('#clause-5-2-7').getByRole('link', { name: 'paragraph 2.1.2' });
      await citation.click();
      await page.waitForURL(`**/artefacts/${slug}#clause-2-1-2`);
      await landedOn(page, 'clause-2-1-2');
      expect(await page.locator('.clause-landed').count()).to.equal(1);
      expect(await page.evaluate("'stillTheSamePage' in window")).to.equal(true);

      await page.goBack();
      await page.waitForURL((url) => url.hash === '#clause-5-2-7');
      await landedOn(page, 'clause-5-2-7');
      expect(await page.locator('#clause-2-1-2').getAttribute('class')).to.not.contain('landed');

      // The contents' plain #anchor links land the same way.
      const contents = page.getByRole('navigation', { name: 'Contents' });
      await contents.getByRole('link', { name: /^2\.1\.3 / }).click();
      await landedOn(page, 'clause-2-1-3');
    });

    it('says so, politely, when the link names a clause not in the version', async () => {
      const page = await suite.signedInPage(reader);
      await page.goto(`/artefacts/${slug}?version=${v1}#clause-5-2-7`);
      const status = page.getByRole('status').filter({ hasText: 'not in version' });
      await textBecomes(
        status,
        'The link points to a clause (#clause-5-2-7) that is not in version v1.',
      );
      expect(await page.locator('#clause-2-1-1').textContent()).to.contain('Each Supplier');
    });

    it('finds across bold text and links, counts, steps round, clears, and follows the version', async () => {
      const page = await suite.signedInPage(reader);
      await page.goto(`/artefacts/${slug}`);
      await page.locator('#clause-2-1-3 a.cross-reference').waitFor();
      const find = page.getByLabel('Find in this version');
      const status = page.locator('#find-in-document-status');
      expect(await status.getAttribute('role')).to.equal('status');

      const phrase = 'half hourly data collector';
      const total = occurrences(SECTION_S_V2, phrase);
      expect(total).to.equal(GSP_GROUPS.length + 3);
      await find.fill('HALF HOURLY data Collector');
      await textBecomes(status, `1 of ${total} matches, in 2.1.1`);
      const hits = await highlighted(page, 'find-hit');
      expect(hits).to.have.length(total);
      for (const text of hits) expect(text.toLowerCase()).to.equal(phrase);
      // The first match crosses the end of the bold "Half Hourly".
      expect(await highlighted(page, 'find-current')).to.deep.equal(['Half Hourly Data Collector']);

      await find.press('Enter');
      await textBecomes(status, `2 of ${total} matches, in 2.1.2`);
      await find.press('Shift+Enter');
      await find.press('Shift+Enter');
      await textBecomes(status, `${total} of ${total} matches, in 5.2.7`);
      // Stepping brings the match into view, clear of the find bar.
      const inView = () => page.evaluate(CURRENT_HIT_IN_VIEW) as Promise<boolean>;
      expect(await eventually(inView, Boolean)).to.equal(true);
      await page.getByRole('button', { name: 'Next match' }).click();
      await textBecomes(status, `1 of ${total} matches, in 2.1.1`);
      await page.getByRole('button', { name: 'Previous match' }).click();
      await textBecomes(status, `${total} of ${total} matches, in 5.2.7`);

      // A citation is a link inside the clause text; the phrase runs into and out of it.
      await find.fill('under paragraph 2.1.1 shall');
      await textBecomes(status, '1 of 1 match, in 2.1.3');
      expect(await highlighted(page, 'find-current')).to.deep.equal([
        'under paragraph 2.1.1 shall',
      ]);
      // The comment tools beside a clause are not its text.
      await find.fill('Referenced by');
      await page.locator('#clause-2-1-1').getByText('Referenced by (1)').waitFor();
      await textBecomes(status, 'No matches');
      await find.fill('a');
      await textBecomes(status, 'Type at least 2 characters to find.');

      await find.fill('gsp group _a');
      await textBecomes(
        status,
        `1 of ${occurrences(SECTION_S_V2, 'gsp group _a')} matches, in 3.1`,
      );
      await find.press('Escape');
      expect(await find.inputValue()).to.equal('');
      await textBecomes(status, '');
      expect(await highlighted(page, 'find-hit')).to.deep.equal([]);
      expect(await highlighted(page, 'find-current')).to.deep.equal([]);

      // The same search runs again in another version of the artefact.
      await find.fill(phrase);
      await textBecomes(status, `1 of ${total} matches, in 2.1.1`);
      await page.getByRole('link', { name: 'v1', exact: true }).click();
      await textBecomes(status, `1 of ${occurrences(SECTION_S_V1, phrase)} match, in 2.1.1`);
      expect(await page.getByLabel('Find in this version').inputValue()).to.equal(phrase);
    });

    it('highlights no more than 1,000 matches in a long procedure, and says there are more', async () => {
      const page = await suite.signedInPage(reader);
      await page.goto(`/artefacts/${bscp01}`);
      const find = page.getByLabel('Find in this version');
      const status = page.locator('#find-in-document-status');
      expect(occurrences(BSCP01, 'data collector')).to.equal(1040);
      await find.fill('Data Collector');
      await textBecomes(status, '1 of 1,000+ matches, in 3.1.1');
      expect(await highlighted(page, 'find-hit')).to.have.length(1000);
      // The thousandth is the fourth in the 250th paragraph.
      await find.press('Shift+Enter');
      await textBecomes(status, '1,000 of 1,000+ matches, in 3.25.10');
    });
  });
}
