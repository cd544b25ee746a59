import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { Document, Packer, Paragraph } from 'docx';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT_INDEX = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
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
  '1 added · 0 removed · 0 modified · 1 renumbered or moved · 7 words inserted · 1 deleted';
const V1_COMMENT = 'Which data does the service send?';

type SignedIn = TestUser & { token: string };

/** A small Word document, one paragraph per clause, as Word itself would save it. */
const wordDocument = (paragraphs: string[]) =>
  Packer.toBuffer(
    new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }),
  );

describe('versions and redlining in the browser', function () {
  this.timeout(90_000);

  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let dir: string | undefined;
  let artefact: { id: string; slug: string };
  let codeBody: SignedIn;
  let participant: SignedIn;
  let v1Id: string;
  const pages: Page[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM_PATH)) {
      console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
      this.skip();
    }
    if (!existsSync(CLIENT_INDEX)) {
      throw new Error(`${CLIENT_INDEX} is missing: run npm run build first`);
    }
    server = await startTestServer({ seedRegistry: true, serveClient: true });

    // A BSC code body publishes BSCP701 v1; the programme consults; a participant comments.
    codeBody = await server.signedIn('code_body', { code: 'BSC' });
    const found = await server.api('/api/artefacts?q=BSCP701', { token: codeBody.token });
    const match = (found.body.data as { id: string; slug: string; reference: string }[]).find(
      (a) => a.reference === 'BSCP701',
    );
    if (!match) throw new Error(`BSCP701 not in the seeded registry: ${JSON.stringify(found)}`);
    artefact = { id: match.id, slug: match.slug };
    const published = await server.api(`/api/artefacts/${artefact.id}/versions`, {
      token: codeBody.token,
      body: { label: 'v1', body: V1, changeNote: 'first' },
    });
    expect(published.status, JSON.stringify(published.body)).to.equal(201);
    v1Id = published.body.data.id;

    const programme = await server.signedIn('programme');
    const consultation = await server.api('/api/consultations', {
      token: programme.token,
      body: {
        title: 'BSCP701 consultation',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        artefacts: [artefact.id],
      },
    });
    expect(consultation.status, JSON.stringify(consultation.body)).to.equal(201);
    // A version may incorporate only changes in the register: CR053 is seeded, DIN-0179 is not.
    const din = await server.api('/api/changes', {
      token: programme.token,
      body: { id: 'DIN-0179', title: 'Design Issue Note 179', status: 'approved' },
    });
    expect(din.status, JSON.stringify(din.body)).to.equal(201);
    participant = await server.signedIn('participant');
    const comment = await server.api(`/api/artefacts/${artefact.id}/comments`, {
      token: participant.token,
      body: { clauseRef: '1.1.2', category: 'drafting', body: V1_COMMENT },
    });
    expect(comment.status, JSON.stringify(comment.body)).to.equal(201);

    dir = await mkdtemp(path.join(tmpdir(), 'm6-redline-'));
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

  beforeEach(function () {
    if (!browser || !server) this.skip();
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function signedInPage(user: { email: string; password: string }): Promise<Page> {
    const page = await browser!.newPage({ baseURL: server!.url });
    pages.push(page);
    await page.goto('/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return page;
  }

  const redline = (page: Page) => page.getByRole('region', { name: /^Changes from/ });
  const clauseIn = (page: Page, ref: string) =>
    redline(page).locator(`section.redline-clause[data-ref="${ref}"]`);
  async function refsShown(page: Page): Promise<(string | null)[]> {
    const sections = await redline(page).locator('section.redline-clause').all();
    return Promise.all(sections.map((s) => s.getAttribute('data-ref')));
  }

  it('publishes v2 from Markdown and shows the redline against v1', async () => {
    const page = await signedInPage(codeBody);
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

    const shared = await signedInPage(participant);
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
    const page = await signedInPage(participant);
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
    const v2 = await server!.api(`/api/artefacts/${artefact.id}/versions`, {
      token: codeBody.token,
    });
    const comment = await server!.api(`/api/artefacts/${artefact.id}/comments`, {
      token: participant.token,
      body: {
        versionId: v2.body.data[0].id,
        clauseRef: '1.1.2',
        category: 'drafting',
        body: 'Register with whom?',
      },
    });
    expect(comment.status, JSON.stringify(comment.body)).to.equal(201);
    const v3 = await server!.api(`/api/artefacts/${artefact.id}/versions`, {
      token: codeBody.token,
      body: { label: 'v3', body: V1 },
    });
    expect(v3.status, JSON.stringify(v3.body)).to.equal(201);

    const page = await signedInPage(participant);
    await page.goto(`/artefacts/${artefact.slug}`);
    const box = page.getByRole('region', { name: 'Comments on clauses no longer in this version' });
    const card = box.getByRole('article').filter({ hasText: 'Register with whom?' });
    await card.waitFor();
    expect(await card.textContent()).to.contain('Made on clause 1.1.2 of v2, which is not in v3.');
    expect(await box.getByRole('article').count()).to.equal(1);
  });

  it('publishes a Word document through the form, refusing a file that is not one', async () => {
    const found = await server!.api('/api/artefacts?q=BSCP702', { token: codeBody.token });
    const bscp702 = (found.body.data as { id: string; slug: string; reference: string }[]).find(
      (a) => a.reference === 'BSCP702',
    );
    if (!bscp702) throw new Error(`BSCP702 not in the seeded registry: ${JSON.stringify(found)}`);
    const v1 = await server!.api(`/api/artefacts/${bscp702.id}/versions`, {
      token: codeBody.token,
      body: { label: 'v1', body: V1 },
    });
    expect(v1.status, JSON.stringify(v1.body)).to.equal(201);
    const notWord = path.join(dir!, 'notes.docx');
    await writeFile(notWord, 'plain text, not a Word document');
    const word = path.join(dir!, 'BSCP702 v2.docx');
    await writeFile(word, await wordDocument(V2_PARAGRAPHS));

    const page = await signedInPage(codeBody);
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
    expect(await page.getByRole('row').filter({ hasText: 'CR053' }).textContent()).to.contain(
      'Current',
    );

    await status.getByRole('button', { name: 'Compare with previous' }).click();
    expect(await page.getByTestId('redline-stats').textContent()).to.equal(STATS);
    const moved = clauseIn(page, '1.1.3');
    expect(await moved.locator('.redline-ref').textContent()).to.contain('(was 1.1.2)');
    expect((await moved.locator('ins').textContent())?.trim()).to.equal('delivers');
  });
});
