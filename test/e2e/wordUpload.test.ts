import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import {
  TRACKED_CHANGES_CLAUSES,
  TRACKED_CHANGES_WARNINGS,
  trackedChangesDocx,
} from '../helpers/docx.js';
import { findArtefact, publish, type ArtefactRef } from '../helpers/fixtures.js';
import type { TestUser } from '../helpers/server.js';

describe('publishing a Word draft with tracked changes in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let dir: string | undefined;
  let artefact: ArtefactRef;
  let codeBody: TestUser & { token: string };

  before(async () => {
    codeBody = await suite.server.signedIn('code_body', { code: 'BSC' });
    artefact = await findArtefact(suite.server, codeBody.token, 'BSCP704');
    await publish(suite.server, codeBody, artefact.id, '1. GENERAL\n\n1.1 Settlement');
    dir = await mkdtemp(path.join(tmpdir(), 'm6-word-upload-'));
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('tells the uploader what Word held before showing the accepted text', async () => {
    const word = path.join(dir!, 'BSCP704 v2 (tracked).docx');
    await writeFile(word, await trackedChangesDocx());

    const page = await suite.signedInPage(codeBody);
    await page.goto(`/artefacts/${artefact.slug}`);
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    const form = page.getByRole('form', { name: 'Publish a new version of BSCP704' });
    await form.getByLabel('Label').fill('v2');
    await form.getByLabel('Word document (.docx)').check();
    await form.getByLabel('Word document', { exact: true }).setInputFiles(word);
    await form.getByRole('button', { name: 'Publish version' }).click();

    // The notice that says it was published also says what the Word document held.
    const notice = page.locator('.publish-status');
    await notice.getByText('Published v2').waitFor();
    expect(
      (await notice.getByRole('listitem').allTextContents()).map((t) => t.trim()),
    ).to.deep.equal(TRACKED_CHANGES_WARNINGS);
    await page.locator('.version-body section[data-ref="1.1.4"]').waitFor();
    const refs = await page
      .locator('.version-body section[data-ref]')
      .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-ref')));
    expect(refs).to.deep.equal(TRACKED_CHANGES_CLAUSES.map(([ref]) => ref));
    expect(await page.locator('.version-body').textContent())
      .to.contain('The timetable is set by the Panel.')
      .and.not.contain('The SVAA may skip a run.');
  });
});
