import { expect } from 'chai';
import { browserSuite, mainNav } from '../helpers/browser.js';
import {
  findArtefact,
  openConsultation,
  postComment,
  publish,
  type ArtefactRef,
} from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

const V1 = ['1. GENERAL', '1.1 Introduction', '1.1.1 The first clause.', '1.1.2 The second.'];
// v2 drops clause 1.1.1.
const V2 = ['1. GENERAL', '1.1 Introduction', '1.1.2 The second, now alone.'];

type SignedIn = TestUser & { token: string };

describe('the change and requirement registers in the browser', function () {
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
    artefact = await findArtefact(server, bsc.token, 'BSCP701');
    await publish(server, bsc, artefact.id, V1.join('\n\n'));
  });

  it('lets the programme add a change and the BSC code body mark it no code impact', async () => {
    const page = await suite.signedInPage(programme);
    await mainNav(page).getByRole('link', { name: 'Changes' }).click();
    const form = page.getByRole('form', { name: 'New change' });
    await form.getByLabel('Change id').fill('CR901');
    await form.getByLabel('Title').fill('Smart data service timings');
    await form.getByLabel('Status').selectOption('approved');
    await form.getByLabel('Filter').fill('BSCP701');
    await form.getByRole('checkbox', { name: /^BSCP701 / }).check();
    await form.getByRole('button', { name: 'Add change' }).click();
    const entry = page.getByRole('article', { name: /^CR901\b/ });
    await entry.getByRole('link', { name: 'BSCP701' }).waitFor();
    expect(await entry.textContent()).to.contain('Approved');

    const codeBody = await suite.signedInPage(bsc);
    await codeBody.goto(`/changes?artefactId=${artefact.id}`);
    const change = codeBody.getByRole('article', { name: /^CR901\b/ });
    await change.getByRole('button', { name: 'Mark no code impact for BSCP701' }).click();
    const mark = change.getByRole('form', { name: 'No code impact on BSCP701' });
    await mark.getByRole('button', { name: 'Save no code impact' }).click();
    await mark.getByText('Say why the change has no code impact on this artefact.').waitFor();
    await mark.getByLabel(/^Why does CR901/).fill('BSCP701 already allows for it.');
    await mark.getByRole('button', { name: 'Save no code impact' }).click();
    await change.getByText('No code impact: BSCP701 already allows for it.').waitFor();

    const stored = await server.api('/api/changes/CR901', { token: bsc.token });
    expect(stored.body.data.affects[0]).to.include({
      noCodeImpact: true,
      noImpactReason: 'BSCP701 already allows for it.',
    });
  });

  it('shows a trace as broken once a new version drops its clause', async () => {
    const created = await server.api('/api/requirements', {
      token: programme.token,
      body: { id: 'REQ-901', text: 'Suppliers receive smart data.', source: 'Design 9' },
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const traced = await server.api('/api/requirements/REQ-901/traces', {
      token: programme.token,
      body: { artefactId: artefact.slug, clauseRef: '1.1.1' },
    });
    expect(traced.status, JSON.stringify(traced.body)).to.equal(201);

    const page = await suite.signedInPage(bsc);
    await mainNav(page).getByRole('link', { name: 'Requirements' }).click();
    const requirement = page.getByRole('article', { name: 'REQ-901' });
    const link = requirement.getByRole('link', { name: 'BSCP701 clause 1.1.1' });
    expect(await link.getAttribute('href')).to.equal(`/artefacts/${artefact.slug}?clause=1.1.1`);
    expect(await requirement.getByText(/no longer in the current version/).count()).to.equal(0);

    await publish(server, bsc, artefact.id, V2.join('\n\n'), 'v2');
    await page.reload();
    await requirement.getByText('Broken: clause no longer in the current version').waitFor();
  });

  it('opens the comment named in /triage?comment= whatever the filters', async () => {
    await openConsultation(server, programme.token, [artefact.slug]);
    const participant = await server.signedIn('participant');
    const posted = await postComment(server, participant.token, artefact.slug, {
      clauseRef: '1.1.2',
      body: 'Name the data.',
    });
    expect(posted.status, JSON.stringify(posted.body)).to.equal(201);
    const comment = posted.body.data as { id: string; ref: string };

    const page = await suite.signedInPage(bsc);
    // The queue is filtered to rejected comments: the linked one shows all the same.
    await page.goto(`/triage?comment=${comment.id}&status=rejected`);
    const linked = page.getByRole('region', { name: 'Linked comment' });
    const card = linked.getByRole('article', { name: comment.ref });
    await card.getByText('Name the data.').waitFor();
    const decision = card.getByRole('form');
    await decision.getByLabel('Decision').selectOption('accepted');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await card.getByText('Code body response').waitFor();
    expect(await page.getByRole('article', { name: comment.ref }).count()).to.equal(1);
  });
});
