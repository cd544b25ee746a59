import { expect } from 'chai';
import { browserSuite, mainNav } from '../helpers/browser.js';
import type { TestUser } from '../helpers/server.js';

describe('recording a decision on a paper in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let programme: TestUser & { token: string };

  before(async () => {
    programme = await suite.server.signedIn('programme');
    const paper = await suite.server.api('/api/recommendations', {
      method: 'POST',
      token: programme.token,
    });
    expect(paper.status, JSON.stringify(paper.body)).to.equal(201);
  });

  it('closes the form once CCAG’s decision is recorded, and lists it with the paper', async () => {
    const page = await suite.signedInPage(programme);
    await mainNav(page).getByRole('link', { name: 'Recommendation' }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /^Paper of / }) });
    // The papers list loads after the page: wait for the row before reading its cells.
    await row.getByRole('cell', { name: 'Not yet decided', exact: true }).first().waitFor();
    expect(await row.getByRole('cell').allTextContents()).to.include.members(['Not yet decided']);
    await row.getByRole('link', { name: /^Paper of / }).click();

    const form = page.getByRole('form', { name: 'Record CCAG’s recommendation' });
    await form.getByLabel('Not recommended', { exact: true }).check();
    await form.getByRole('button', { name: 'Record CCAG’s recommendation' }).click();
    await page.getByTestId('paper-decisions').getByText('CCAG: Not recommended').waitFor();
    await form.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: '← All papers' }).click();
    await row.getByRole('cell', { name: 'Not recommended', exact: true }).waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(-2)).to.deep.equal(['Not recommended', 'Not yet decided']);
  });
});
