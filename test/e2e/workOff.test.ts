import fs from 'node:fs';
import { expect } from 'chai';
import { reachBaseline } from '../helpers/baseline.js';
import { browserSuite, mainNav } from '../helpers/browser.js';
import { postComment } from '../helpers/fixtures.js';
import type { TestUser } from '../helpers/server.js';

describe('the post-M6 work-off register in the browser', function () {
  this.timeout(120_000);

  const suite = browserSuite();
  let bsc: TestUser & { token: string };
  let ref = '';

  before(async () => {
    const server = suite.server;
    const { codeBodies } = await reachBaseline(server, async (artefacts, cast) => {
      const bscp701 = artefacts.find((a) => a.reference === 'BSCP701');
      const posted = await postComment(server, cast.participant.token, bscp701?.id ?? '', {
        body: 'Align the timetable with the post-M6 settlement change',
      });
      ref = posted.body.data.ref;
      const triage = await server.api(`/api/comments/${posted.body.data.id}/triage`, {
        token: cast.codeBodies.BSC?.token,
        body: { status: 'deferred', response: 'After M6', revision: posted.body.data.revision },
      });
      expect(triage.status, JSON.stringify(triage.body)).to.equal(200);
    });
    bsc = codeBodies.BSC as TestUser & { token: string };
  });

  it('edits an item’s status and target, and downloads the register', async () => {
    const page = await suite.signedInPage(bsc);
    await mainNav(page).getByRole('link', { name: 'Work-off' }).click();
    await page.getByRole('heading', { name: 'Post-M6 work-off' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Comment ${ref}` }) });
    // The register loads after the page: wait for the row's cells before reading them.
    await row.getByRole('cell', { name: 'Open', exact: true }).waitFor();
    expect(await row.getByRole('cell').allTextContents()).to.include.members([
      'BSC',
      'Not set',
      'Open',
    ]);
    await row.getByRole('button', { name: `Edit ${ref}` }).click();
    const form = page.getByRole('form', { name: `Edit work-off item ${ref}` });
    await form.getByLabel('Status').selectOption({ label: 'In progress' });
    await form.getByLabel('Target milestone').selectOption('M7');
    await form.getByLabel('Notes').fill('Drafting the post-M6 change');
    await form.getByRole('button', { name: `Save ${ref}` }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByRole('cell', { name: 'In progress', exact: true }).waitFor();
    expect(await row.getByRole('cell').allTextContents()).to.include.members([
      'M7',
      'In progress',
      'Drafting the post-M6 change',
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).to.match(/^post-m6-work-off-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv)
      .to.include(ref)
      .and.include('In progress')
      .and.include('Drafting the post-M6 change');
  });
});
