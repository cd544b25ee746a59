import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { browserSuite } from '../helpers/browser.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  type ArtefactRef,
} from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

const V1 = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
  '1.1.2 The Smart Data Service sends data to Suppliers.',
].join('\n\n');
// A clause inserted as 1.1.2 renumbers the old 1.1.2 to 1.1.3, whose "sends" becomes "delivers".
const V2_PARAGRAPHS = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
  '1.1.2 Suppliers shall register for the service.',
  '1.1.3 The Smart Data Service delivers data to Suppliers.',
];
const V2 = V2_PARAGRAPHS.join('\n\n');
const STATS =
  '1 added · 0 removed · 1 modified · 0 renumbered (number only) · 0 moved · 7 words inserted · 1 deleted';
const V1_COMMENT = 'Which data does the service send?';

type SignedIn = TestUser & { token: string };

/** A small Word document, one paragraph per clause, as Word itself would save it. */
const wordDocument = (paragraphs: string[]) =>
  Packer.toBuffer(
    new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }),
  );

describe('versions and redlining in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let dir: string | undefined;
  let artefact: ArtefactRef;
  let codeBody: SignedIn;
  let participant: SignedIn;
  let v1Id: string;

  before(async () => {
    server = suite.server;

    // A BSC code body publishes BSCP701 v1; the programme consults; a participant comments.
    codeBody = await server.signedIn('code_body', { code: 'BSC' });
    artefact = await findArtefact(server, codeBody.token, 'BSCP701');
    v1Id = (await publish(server, codeBody, artefact.id, V1)).id;

    const programme = await server.signedIn('programme');
    await openConsultation(server, programme.token, [artefact.id], {
      title: 'BSCP701 consultation',
    });
    // A version may incorporate only changes in the register: CR053 is seeded, DIN-0179 is not.
    const din = await server.api('/api/changes', {
      token: programme.token,
      body: { id: 'DIN-0179', title: 'Design Issue Note 179', status: 'approved' },
    });
    expect(din.status, JSON.stringify(din.body)).to.equal(201);
    participant = await server.signedIn('participant');
    const comment = await postComment(server, participant.token, artefact.id, {
      clauseRef: '1.1.2',
      body: V1_COMMENT,
    });
    expect(comment.status, JSON.stringify(comment.body)).to.equal(201);

    dir = await mkdtemp(path.join(tmpdir(), 'm6-redline-'));
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const redline = (page: Page) => page.getByRole('region', { name: /^Changes from/ });
  const clauseIn = (page: Page, ref: string) =>
    redline(page).locator(`section.redline-clause[data-ref="${ref}"]`);
  async function refsShown(page: Page): Promise<(string | null)[]> {
    const sections = await redline(page).locator('section.redline-clause').all();
    return Promise.all(sections.map((s) => s.getAttribute('data-ref')));
  }

  it('publishes v2 from Markdown and shows the redline against v1', async () => {
    const page = await suite.signedInPage(codeBody);
    await page.goto(`/artefacts/${artefact.slug}`);
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    const form = page.getByRole('form', { name: 'Publish a new version of BSCP701' });

    // The server's refusal (a label already used) is shown in the form.
    await form.getByLabel('Label').fill('v1');
    await form.getByLabel('Change note (optional)').fill('Registration clause added.');
    await form.getByLabel('Incorporates (optional)').fill('CR053, DIN-0179');
    await form.getByLabel('Markdown', { exact: true }).fill(V2);
    await form.getByRole('button', { name: 'Publish version' }).click();
    await form.getByRole('alert').getByText('already has a version labelled "v1"').waitFor();

    await form.getByLabel('Label').fill('v2');
    await form.getByRole('button', { name: 'Publish version' }).click();
    const status = page.locator('.publish-status');
    await status.getByText('Published v2').waitFor();
    expect(new URL(page.url()).searchParams.get('version')).to.not.equal(v1Id);
    const row = page.getByRole('row').filter({ hasText: 'Registration clause added.' });
    // The versions table reloads after publishing; wait for the new row to be marked current.
    await row.getByText('Current').waitFor();
    expect(await row.textContent())
      .to.contain('Current')
      .and.to.contain('CR053, DIN-0179');
    await page.locator('.version-body section[data-ref="1.1.3"]').waitFor();

    await status.getByRole('button', { name: 'Compare with previous' }).click();
    await redline(page).getByRole('heading', { name: 'Changes from v1 to v2' }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('compare')).to.equal(v1Id);
    expect(url.searchParams.get('view')).to.equal('changes');
    expect(await page.getByTestId('redline-stats').textContent()).to.equal(STATS);

    // Changed clauses only: the insertion, and the renumbered clause with its word change.
    expect(await refsShown(page)).to.deep.equal(['1.1.2', '1.1.3']);
    expect(await clauseIn(page, '1.1.2').locator('ins').textContent()).to.equal(
      'Suppliers shall register for the service.',
    );
    const moved = clauseIn(page, '1.1.3');
    expect(await moved.locator('.redline-ref').textContent()).to.contain('(was 1.1.2)');
    const words = async (tag: string) =>
      (await moved.locator(tag).allTextContents()).map((t) => t.trim());
    expect(await words('del')).to.deep.equal(['sends']);
    expect(await words('ins')).to.deep.equal(['delivers']);

    // The whole document shows the unchanged clauses too, and the link reopens that view.
    await redline(page).getByRole('button', { name: 'Whole document' }).click();
    await clauseIn(page, '1.1.1').waitFor();
    expect(await refsShown(page)).to.deep.equal(['1', '1.1', '1.1.1', '1.1.2', '1.1.3']);
    expect(await clauseIn(page, '1.1.1').getAttribute('class')).to.contain('redline-unchanged');
    expect(new URL(page.url()).searchParams.get('view')).to.equal('document');

    const shared = await suite.signedInPage(participant);
    await shared.goto(page.url());
    await clauseIn(shared, '1.1.1').waitFor();
    expect(
      await redline(shared)
        .getByRole('button', { name: 'Whole document' })
        .getAttribute('aria-pressed'),
    ).to.equal('true');
    expect(await shared.getByRole('button', { name: 'Publish a new version' }).count()).to.equal(0);
  });

  it('shows the v1 comment on clause 1.1.2 at clause 1.1.3 of v2, flagged as changed', async () => {
    const page = await suite.signedInPage(participant);
    await page.goto(`/artefacts/${artefact.slug}`);
    await page.getByRole('heading', { name: 'Version v2' }).waitFor();
    expect(await page.getByTestId('clause-comments-1.1.2').textContent()).to.equal('0 comments');
    await page.getByRole('button', { name: '1 comment, clause 1.1.3' }).click();

    const thread = page.getByRole('complementary', { name: 'Comments on clause 1.1.3' });
    const card = thread.getByRole('article').filter({ hasText: V1_COMMENT });
    await card.waitFor();
    const note = card.locator('.anchor-note');
    expect(await note.textContent()).to.equal(
      'Text changed since this comment (made on clause 1.1.2 of v1)',
    );

    // On v1 itself the comment stands where it was made, with no warning.
    await page.getByRole('link', { name: 'v1' }).click();
    await page.getByRole('heading', { name: 'Version v1' }).waitFor();
    await page.getByRole('button', { name: '1 comment, clause 1.1.2' }).click();
    await page.locator('article.comment').filter({ hasText: V1_COMMENT }).waitFor();
    expect(await page.locator('.anchor-note').count()).to.equal(0);
  });

  it('lists comments on a removed clause apart', async () => {
    const v2 = await server.api(`/api/artefacts/${artefact.id}/versions`, {
      token: codeBody.token,
    });
    const comment = await postComment(server, participant.token, artefact.id, {
      versionId: v2.body.data[0].id,
      clauseRef: '1.1.2',
      body: 'Register with whom?',
    });
    expect(comment.status, JSON.stringify(comment.body)).to.equal(201);
    await publish(server, codeBody, artefact.id, V1, 'v3');

    const page = await suite.signedInPage(participant);
    await page.goto(`/artefacts/${artefact.slug}`);
    const box = page.getByRole('region', { name: 'Comments on clauses no longer in this version' });
    const card = box.getByRole('article').filter({ hasText: 'Register with whom?' });
    await card.waitFor();
    expect(await card.textContent()).to.contain('Made on clause 1.1.2 of v2, which is not in v3.');
    expect(await box.getByRole('article').count()).to.equal(1);
  });

  it('lists renumbered clauses apart from moves, marks where a moved clause stood, and shows tables as tables', async () => {
    const part = (n: number, title: string, paragraphs: string[]) => [
      `${n}. ${title}`,
      ...paragraphs.map((p, i) => `${n}.${i + 1} ${p}`),
    ];
    const general = [
      'This procedure sets out how the Smart Data Service is appointed.',
      'The Supplier shall notify the SVAA of each appointment within 5 Working Days.',
    ];
    const table = (hours: string) =>
      [
        'The Data Collection Deadline is as follows:',
        '',
        '| Service | Deadline |',
        '| --- | --- |',
        `| Smart Data Service | ${hours} |`,
        '| Advanced Data Service | 5 Working Days |',
      ].join('\n');
    const operation = [
      'The Smart Data Service shall retrieve data daily from each Metering System.',
      'The Market-wide Data Service shall aggregate data for each Settlement Period.',
      table('2 Working Days'),
    ];
    const v1 = [...part(1, 'GENERAL', general), ...part(2, 'OPERATION', operation)];
    const v2 = [
      ...part(1, 'GENERAL', [...general, operation[1] as string]),
      ...part(2, 'REGISTRATION', ['Suppliers shall register each Metering System with SMRS.']),
      ...part(3, 'OPERATION', [operation[0] as string, table('1 Working Day')]),
    ];
    const bscp703 = await findArtefact(server, codeBody.token, 'BSCP703');
    const from = (await publish(server, codeBody, bscp703.id, v1.join('\n\n'))).id;
    const to = (await publish(server, codeBody, bscp703.id, v2.join('\n\n'), 'v2')).id;

    const page = await suite.signedInPage(participant);
    await page.goto(`/artefacts/${bscp703.slug}?version=${to}&compare=${from}&view=changes`);
    await redline(page).getByRole('heading', { name: 'Changes from v1 to v2' }).waitFor();
    expect(await page.getByTestId('redline-stats').textContent()).to.equal(
      '2 added · 0 removed · 1 modified · 2 renumbered (number only) · 1 moved · 11 words inserted · 2 deleted',
    );
    // Renumbering alone is one line, opened on demand; real changes are listed in full.
    expect(await refsShown(page)).to.deep.equal(['1.3', '2', '2.1', '3.2']);
    const renumbered = page.getByTestId('redline-renumbered');
    expect(await renumbered.locator('summary').textContent()).to.equal(
      '2 clauses renumbered, text unchanged',
    );
    await renumbered.locator('summary').click();
    expect(await renumbered.getByRole('listitem').allTextContents()).to.deep.equal([
      '2 is now 3',
      '2.1 is now 3.1',
    ]);
    const moved = clauseIn(page, '1.3');
    expect(await moved.locator('.redline-ref').textContent())
      .to.contain('(moved from 2.2)')
      .and.contain('Moved');

    // The changed table is a table, its changed cell marked, no Markdown pipes left.
    const cell = clauseIn(page, '3.2')
      .locator('table.redline-table td')
      .filter({ hasText: 'Working' });
    expect(await cell.first().locator('del').textContent()).to.equal('2 Working Days');
    expect(await cell.first().locator('ins').textContent()).to.equal('1 Working Day');
    expect(await cell.count()).to.equal(2);
    expect(await clauseIn(page, '3.2').textContent()).to.not.contain('|');

    // The whole document marks where the moved clause stood.
    await redline(page).getByRole('button', { name: 'Whole document' }).click();
    const stood = redline(page).locator('section.redline-moved-away[data-ref="2.2"]');
    await stood.waitFor();
    expect(await stood.textContent()).to.contain('(moved to 1.3)');
  });

  it('publishes a Word document through the form, refusing a file that is not one', async () => {
    const bscp702 = await findArtefact(server, codeBody.token, 'BSCP702');
    await publish(server, codeBody, bscp702.id, V1);
    const notWord = path.join(dir!, 'notes.docx');
    await writeFile(notWord, 'plain text, not a Word document');
    const word = path.join(dir!, 'BSCP702 v2.docx');
    await writeFile(word, await wordDocument(V2_PARAGRAPHS));

    const page = await suite.signedInPage(codeBody);
    await page.goto(`/artefacts/${bscp702.slug}`);
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    const form = page.getByRole('form', { name: 'Publish a new version of BSCP702' });
    await form.getByLabel('Label').fill('v2');
    await form.getByLabel('Incorporates (optional)').fill('CR053');
    await form.getByLabel('Word document (.docx)').check();
    await form.getByLabel('Word document', { exact: true }).setInputFiles(notWord);
    await form.getByRole('button', { name: 'Publish version' }).click();
    await form.getByRole('alert').getByText('not a Word .docx file').waitFor();

    await form.getByLabel('Word document', { exact: true }).setInputFiles(word);
    await form.getByRole('button', { name: 'Publish version' }).click();
    const status = page.locator('.publish-status');
    await status.getByText('Published v2').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'CR053' });
    // The versions table reloads after publishing; wait for the new row to be marked current.
    await row.getByText('Current').waitFor();
    expect(await row.textContent()).to.contain('Current');

    await status.getByRole('button', { name: 'Compare with previous' }).click();
    expect(await page.getByTestId('redline-stats').textContent()).to.equal(STATS);
    const moved = clauseIn(page, '1.1.3');
    expect(await moved.locator('.redline-ref').textContent()).to.contain('(was 1.1.2)');
    expect((await moved.locator('ins').textContent())?.trim()).to.equal('delivers');
  });
});
