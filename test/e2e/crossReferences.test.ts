import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact, publish } from '../helpers/fixtures.js';

const SECTION_S = [
  '2. SUPPLIER OBLIGATIONS',
  '2.1 Appointments',
  '2.1.1 Each Supplier shall appoint a Data Collector for each Metering System.',
  '2.1.2 The Data Collector shall retrieve data daily.',
  '2.1.3 A Supplier that appoints under paragraph 2.1.1 shall notify the Panel.',
].join('\n\n');

const SCHEDULE_23 = [
  '1. SCOPE',
  '1.1 The Supplier shall appoint agents as required by BSC Section S paragraph 2.1.1 and no others.',
].join('\n\n');

describe('following a cross-reference in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let sectionS: { id: string; slug: string };
  let schedule: { id: string; slug: string };

  before(async () => {
    const server = suite.server;
    const bsc = await server.signedIn('code_body', { code: 'BSC' });
    const rec = await server.signedIn('code_body', { code: 'REC' });
    sectionS = await findArtefact(server, bsc.token, 'Section S');
    schedule = await findArtefact(server, rec.token, 'Schedule 23');
    await publish(server, bsc, sectionS.id, SECTION_S);
    await publish(server, rec, schedule.id, SCHEDULE_23);
  });

  it('links a citation to the cited clause in another code, and back from "Referenced by"', async () => {
    const reader = await suite.server.signedIn('participant');
    const page = await suite.signedInPage(reader);
    await page.goto(`/artefacts/${schedule.slug}`);

    const citation = page.getByRole('link', { name: 'BSC Section S paragraph 2.1.1' });
    await citation.waitFor();
    expect(await citation.getAttribute('href')).to.equal(
      `/artefacts/${sectionS.slug}#clause-2-1-1`,
    );
    await citation.click();
    await page.waitForURL(`**/artefacts/${sectionS.slug}#clause-2-1-1`);

    const counts = page.getByTestId('reference-counts');
    await counts.waitFor();
    expect(await counts.textContent()).to.equal(
      'Referenced by 1 citation in other artefacts: REC 1; and 1 citation within this document',
    );

    const clause = page.locator('#clause-2-1-1');
    const referencedBy = clause.getByRole('complementary', { name: 'Referenced by (2)' });
    await referencedBy.waitFor();
    expect(await referencedBy.getByRole('listitem').allTextContents()).to.deep.equal([
      'Section S 2.1.3 (this document)',
      'Schedule 23 1.1 (REC)',
    ]);

    // Within the artefact, the citation in 2.1.3 links to 2.1.1 on the same page.
    const internal = page.locator('#clause-2-1-3').getByRole('link', { name: 'paragraph 2.1.1' });
    expect(await internal.getAttribute('href')).to.equal(
      `/artefacts/${sectionS.slug}#clause-2-1-1`,
    );

    await referencedBy.getByRole('link', { name: 'Schedule 23 1.1' }).click();
    await page.waitForURL(`**/artefacts/${schedule.slug}#clause-1-1`);
    await page.getByRole('link', { name: 'BSC Section S paragraph 2.1.1' }).waitFor();
  });
});
