import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact, openConsultation, postComment, publish } from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

type SignedIn = TestUser & { token: string };

describe('header counts, BRAG legend and the outstanding chart in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let bsc: SignedIn;
  let alice: SignedIn;
  let slug: string;

  before(async () => {
    server = suite.server;
    bsc = await server.signedIn('code_body', { code: 'BSC' });
    const programme = await server.signedIn('programme');
    alice = await server.signedIn('participant');
    const artefact = await findArtefact(server, bsc.token, 'BSCP701');
    slug = artefact.slug;
    await publish(server, bsc, artefact.id, '1. GENERAL\n\n1.1.1 The first clause.');
    await openConsultation(server, programme.token, [artefact.id], { title: 'Charted' });
  });

  it("updates the artefact header's comment counts as soon as a comment is posted", async () => {
    const page = await suite.signedInPage(alice);
    await page.goto(`/artefacts/${slug}`);
    const counts = page.locator('dl.metadata dd', { hasText: /outstanding of/ });
    await counts.getByText('0 outstanding of 0').waitFor();

    await page.getByRole('button', { name: 'Comment on clause 1.1.1' }).click();
    const form = page.getByRole('form', { name: 'New comment on clause 1.1.1' });
    await form.getByLabel('Category').selectOption('drafting');
    await form.getByLabel('Severity').selectOption('low');
    await form.getByLabel('Comment', { exact: true }).fill('Which clause does this refer to?');
    await form.getByRole('button', { name: 'Submit comment' }).click();

    await counts.getByText('1 outstanding of 1').waitFor();
  });

  it('explains every BRAG colour on the registry and readiness pages', async () => {
    const page = await suite.signedInPage(alice);
    for (const path of ['/', '/readiness']) {
      await page.goto(path);
      const legend = page.getByRole('group', { name: 'What the BRAG ratings mean' });
      await legend.waitFor();
      const terms = await legend.locator('dt').allTextContents();
      expect(terms).to.deep.equal(['Blue', 'Green', 'Amber', 'Red']);
      const text = (await legend.textContent()) ?? '';
      expect(text).to.contain('a consultation covering it has closed, nothing is outstanding');
      expect(text).to.contain('In progress, nothing wrong yet');
    }
  });

  it('charts today from the audit log: a comment raised and decided today counts in the peak', async () => {
    const decided = (await postComment(server, alice.token, slug)).body.data;
    const triaged = await server.api(`/api/comments/${decided.id}/triage`, {
      token: bsc.token,
      body: { status: 'accepted', response: 'Agreed.', revision: 1 },
    });
    expect(triaged.status).to.equal(200);

    const page = await suite.signedInPage(alice);
    await page.goto('/readiness');
    const section = page.getByRole('region', { name: 'Outstanding comments over time' });
    const caption = section.locator('figcaption');
    await caption.waitFor();
    expect(await caption.textContent()).to.match(
      /On .*: 1 outstanding now; the most outstanding at any one time was 2, on /,
    );
    await section.getByText('Show the numbers').click();
    const cells = await section.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(1)).to.deep.equal(['1', '2', '2', '1']);
  });
});
