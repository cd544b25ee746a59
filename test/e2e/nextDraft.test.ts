import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { testDialects } from '../helpers/db.js';
import {
  artefactId,
  openConsultation,
  postComment,
  publish,
  type SignedInUser,
} from '../helpers/fixtures.js';
import type { TestServer } from '../helpers/server.js';
import { documentXml } from '../helpers/wordRedline.js';

for (const dialect of testDialects()) {
  describe(`from accepted comments to the next draft in the browser (${dialect})`, function () {
    this.timeout(120_000);
    const suite = browserSuite({ dialect });
    let server: TestServer;
    let bsc: SignedInUser;
    let participant: SignedInUser;
    const ref: Record<string, string> = {};
    let v1 = '';

    before(async () => {
      server = suite.server;
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      const programme = await server.signedIn('programme');
      participant = await server.signedIn('participant');
      const s = await artefactId(server, bsc.token, 'Section S');
      v1 = (await publish(server, bsc, s)).id;
      await openConsultation(server, programme.token, [s]);
      const post = async (name: string, input: Record<string, unknown>, status: string) => {
        const res = await postComment(server, participant.token, s, input);
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        ref[name] = res.body.data.ref;
        const decided = await server.api(`/api/comments/${res.body.data.id}/triage`, {
          token: bsc.token,
          body: { status, response: 'Agreed.', revision: 1 },
        });
        expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
      };
      await post(
        'quoted',
        { clauseRef: '1.1.2', quote: 'allocate volumes', proposedText: 'allocate metered volumes' },
        'accepted',
      );
      await post(
        'whole',
        {
          clauseRef: '2.1.1',
          proposedText: 'Volumes are aggregated by the Market-wide Data Service (MDS).',
        },
        'partially-accepted',
      );
      await post(
        'first',
        { clauseRef: '1.1.1', quote: 'sets out', proposedText: 'establishes' },
        'accepted',
      );
      await post(
        'second',
        { clauseRef: '1.1.1', proposedText: 'This Section S defines Supplier Volume Allocation.' },
        'accepted',
      );
    });

    it('shows a proposal as a redline against the quoted words, the plain text a click away', async () => {
      const page = await suite.signedInPage(participant);
      await page.goto('/my-comments');
      const card = page.locator('article', { hasText: ref.quoted ?? '' }).first();
      const redline = card.getByTestId('proposal-redline');
      await redline.waitFor();
      expect(await redline.locator('ins').allTextContents()).to.deep.equal(['metered ']);
      expect(await redline.locator('del').count()).to.equal(0);
      await card.getByRole('button', { name: 'Show plain proposal' }).click();
      expect(await card.getByTestId('proposal-plain').textContent()).to.equal(
        'allocate metered volumes',
      );
    });

    it('prepares the draft, takes choices, is edited and published, and the comments say so', async () => {
      const page = await suite.signedInPage(bsc);
      await page.goto('/artefacts/bsc-section-s');
      await page.getByRole('link', { name: 'Prepare next draft' }).click();
      await page.getByRole('heading', { name: 'Prepare the next draft of Section S' }).waitFor();
      const text = page.getByLabel('Text of the next draft (Markdown)');
      await expect_(async () =>
        expect(await text.inputValue()).to.contain('allocate metered volumes'),
      );
      expect(await text.inputValue()).to.contain('Market-wide Data Service (MDS).');
      // The conflict on 1.1.1 holds both back until one is chosen.
      expect(await text.inputValue()).to.contain('1.1.1 This Section S sets out the basis');
      await page.getByRole('radio', { name: new RegExp(`^${ref.second}`) }).check();
      await expect_(async () =>
        expect(await text.inputValue()).to.contain('This Section S defines Supplier'),
      );
      // Switching one off takes it out again.
      await page.getByRole('checkbox', { name: `${ref.whole} on clause 2.1.1` }).uncheck();
      await expect_(async () => expect(await text.inputValue()).not.to.contain('(MDS)'));
      // Edit by hand: the clause structure follows the text.
      await text.fill(
        `${await text.inputValue()}\n\n2.1.2 Aggregated volumes are sent to the SVAA.`,
      );
      const structure = page.getByRole('navigation', { name: 'Clause structure' });
      await structure.getByText('Aggregated volumes are sent').waitFor();
      expect(
        await page.getByRole('checkbox', { name: `${ref.quoted} on clause 1.1.2` }).isDisabled(),
      ).to.equal(true);
      // The same draft as Word, each proposal a tracked change in its comment's name.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download as Word with tracked changes' }).click(),
      ]);
      expect(download.suggestedFilename()).to.equal('Section-S-next-draft-from-v1.docx');
      const xml = documentXml(await readFile((await download.path()) ?? ''));
      expect(xml).to.match(new RegExp(`<w:ins [^>]*w:author="${ref.quoted}"`));
      expect(xml).not.to.contain(`w:author="${ref.whole}"`);
      await page.getByLabel('Label').fill('v2');
      await page.getByRole('button', { name: 'Publish the next draft' }).click();
      await page.waitForURL(/\/artefacts\/bsc-section-s\?version=/);
      await page.getByText('v2', { exact: true }).first().waitFor();
      // And the published versions compare as a Word redline too.
      const v2 = new URL(page.url()).searchParams.get('version') ?? '';
      await page.goto(`/artefacts/bsc-section-s?version=${v2}&compare=${v1}&view=changes`);
      await page.getByTestId('redline-stats').waitFor();
      const [redline] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download Word redline' }).click(),
      ]);
      expect(redline.suggestedFilename()).to.equal('Section-S-v1-to-v2-redline.docx');

      const mine = await suite.signedInPage(participant);
      await mine.goto('/my-comments');
      const quoted = mine.locator('article', { hasText: ref.quoted ?? '' }).first();
      await quoted.getByText('Incorporated in v2').waitFor();
      const whole = mine.locator('article', { hasText: ref.whole ?? '' }).first();
      await whole.waitFor();
      expect(await whole.getByText('Incorporated in').count()).to.equal(0);
    });
  });
}

/** Retries an assertion while the page catches up (a fetch after a click). */
async function expect_(check: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
