import { expect } from 'chai';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact } from '../helpers/fixtures.js';

// SC1's evidence for an artefact without design requirements: its code body says so, with a reason.
describe('stating that no design requirements apply, in the browser', function () {
  this.timeout(90_000);
  const suite = browserSuite();

  it('lets a code body state it for its own artefact, and withdraw it', async () => {
    const server = suite.server;
    const bsc = await server.signedIn('code_body', { code: 'BSC' });
    const artefact = await findArtefact(server, bsc.token, 'BSCP702');
    const page = await suite.signedInPage(bsc);
    await page.goto(`/requirements?artefactId=${artefact.id}`);
    const form = page.getByRole('form', {
      name: 'State that no design requirements apply to BSCP702',
    });
    const section = page.getByRole('region', { name: 'Design requirements of BSCP702' });
    await form.getByRole('button', { name: 'State that none apply' }).click();
    await section.getByRole('alert').getByText('Say why no design requirements apply.').waitFor();
    await form.getByLabel('Reason no design requirements apply').fill('Procedural only.');
    await form.getByRole('button', { name: 'State that none apply' }).click();
    await section.getByText('Procedural only.').waitFor();
    const stored = await server.api(`/api/artefacts/${artefact.id}`, { token: bsc.token });
    expect(stored.body.data.noRequirements).to.include({ reason: 'Procedural only.' });

    await section.getByRole('button', { name: 'Withdraw the statement' }).click();
    await form.waitFor();
    const withdrawn = await server.api(`/api/artefacts/${artefact.id}`, { token: bsc.token });
    expect(withdrawn.body.data.noRequirements).to.equal(null);
  });
});
