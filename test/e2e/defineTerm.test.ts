import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact, publish, type ArtefactRef } from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

const GLOSSARY = ['1. DEFINITIONS', '1.1.1 "Settlement Period" means a period of 30 minutes.'].join(
  '\n\n',
);

const BODY = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 Each BSC Agent shall send the data for each Settlement Period.',
].join('\n\n');

type SignedIn = TestUser & { token: string };

describe('Define this term in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let artefact: ArtefactRef;
  let other: ArtefactRef;
  let bsc: SignedIn;

  before(async () => {
    server = suite.server;
    bsc = await server.signedIn('code_body', { code: 'BSC' });
    const x1 = await findArtefact(server, bsc.token, 'Section X Annex X-1');
    await publish(server, bsc, x1.id, GLOSSARY);
    artefact = await findArtefact(server, bsc.token, 'BSCP703');
    other = await findArtefact(server, bsc.token, 'BSCP704');
    await publish(server, bsc, artefact.id, BODY);
    await publish(server, bsc, other.id, BODY);
  });

  it('adds an undefined term to the glossary and closes its findings on every artefact', async () => {
    const page = await suite.signedInPage(bsc);
    await page.goto(`/artefacts/${artefact.slug}`);
    const panel = page.getByRole('region', { name: 'Plain-English checks' });
    const finding = panel.getByRole('article', { name: 'Undefined term, clause 1.1.1' });
    await finding.getByText('BSC Agent', { exact: true }).waitFor();

    await finding.getByRole('button', { name: 'Define this term…' }).click();
    const form = finding.getByRole('form', { name: 'Define "BSC Agent"' });
    await form.getByRole('button', { name: 'Add to glossary' }).click();
    await finding.getByRole('alert').getByText('Give the definition of the term.').waitFor();

    await form
      .getByLabel('Definition of “BSC Agent”, added to the configured glossary')
      .fill('a person appointed by BSCCo to provide a service under the Code');
    await form.getByRole('button', { name: 'Add to glossary' }).click();
    await panel
      .getByRole('status')
      .getByText('"BSC Agent" is now in the configured glossary; 2 findings closed.')
      .waitFor();
    await panel.getByText('The checks found nothing in this version.').waitFor();

    const elsewhere = await server.api(`/api/artefacts/${other.id}/findings`, {
      token: bsc.token,
    });
    expect(elsewhere.body.data).to.deep.equal([]);
  });
});
