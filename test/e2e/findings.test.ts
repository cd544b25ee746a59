import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact, openConsultation, publish, type ArtefactRef } from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

const BODY = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 The supplier shall send the data and/or the report.',
  '1.1.2 The data covers meters, sites etc. for each period.',
].join('\n\n');

type SignedIn = TestUser & { token: string };

describe('plain-English findings in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let artefact: ArtefactRef;
  let bsc: SignedIn;
  let programme: SignedIn;

  before(async () => {
    server = suite.server;
    bsc = await server.signedIn('code_body', { code: 'BSC' });
    programme = await server.signedIn('programme');
    artefact = await findArtefact(server, bsc.token, 'BSCP703');
    await publish(server, bsc, artefact.id, BODY);
  });

  it('lists a vague-wording finding and lets the BSC code body waive it with a reason', async () => {
    const page = await suite.signedInPage(bsc);
    await page.goto(`/artefacts/${artefact.slug}`);
    const panel = page.getByRole('region', { name: 'Plain-English checks' });
    const finding = panel.getByRole('article', { name: 'Vague wording, clause 1.1.1' });
    await finding.getByText('and/or', { exact: true }).waitFor();
    expect(await finding.textContent()).to.contain('say whether both, either or only one is meant');
    const href = await finding.getByRole('link', { name: 'clause 1.1.1' }).getAttribute('href');
    expect(href).to.match(/^#./);
    expect(await page.locator(`[id="${decodeURIComponent(href!.slice(1))}"]`).count()).to.equal(1);
    await page
      .getByText(/^\d+ plain-English findings?$/)
      .first()
      .waitFor();
    const summary = panel.getByTestId('findings-summary');
    expect(await summary.textContent()).to.match(/^\d+ open · 0 waived · 0 raised$/);

    await finding.getByRole('button', { name: 'Waive…' }).click();
    const form = finding.getByRole('form', { name: 'Waive finding on clause 1.1.1' });
    await form.getByRole('button', { name: 'Waive finding' }).click();
    await finding
      .getByRole('alert')
      .getByText('Give the reason for waiving the finding.')
      .waitFor();

    await form.getByLabel('Reason for waiving').fill('Both are meant, as the BSC defines.');
    await form.getByRole('button', { name: 'Waive finding' }).click();
    await finding.getByText(/^Waived by .+: Both are meant, as the BSC defines\.$/).waitFor();
    await summary.getByText(/ · 1 waived · 0 raised$/).waitFor();
    expect(await finding.getByRole('button', { name: 'Waive…' }).count()).to.equal(0);
  });

  it('lets a participant raise a finding as a comment once a consultation is open', async () => {
    await openConsultation(server, programme.token, [artefact.slug]);
    const participant = await server.signedIn('participant');
    const page = await suite.signedInPage(participant);
    await page.goto(`/artefacts/${artefact.slug}`);
    const panel = page.getByRole('region', { name: 'Plain-English checks' });
    const finding = panel.getByRole('article', { name: 'Vague wording, clause 1.1.2' });
    await finding.getByText('etc.', { exact: true }).waitFor();
    // Participants may comment but not waive.
    expect(await finding.getByRole('button', { name: 'Waive…' }).count()).to.equal(0);

    await finding.getByRole('button', { name: 'Raise as comment' }).click();
    const status = finding.getByText(/^Raised as comment \S+/);
    await status.waitFor();

    const listed = await server.api(`/api/artefacts/${artefact.id}/findings?status=raised`, {
      token: participant.token,
    });
    const raised = (listed.body.data as { clauseRef: string; commentRef: string }[]).find(
      (f) => f.clauseRef === '1.1.2',
    );
    expect(raised, JSON.stringify(listed.body)).to.not.equal(undefined);
    expect(await status.textContent()).to.contain(`Raised as comment ${raised!.commentRef}`);
    await panel
      .getByTestId('findings-summary')
      .getByText(/ · 1 waived · 1 raised$/)
      .waitFor();
    await page.getByTestId('clause-comments-1.1.2').getByText('1 comment').waitFor();
  });
});
