import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserSuite, mainNav } from '../helpers/browser.js';
import {
  hoursFromNow,
  openConsultation,
  publish,
  stateNoRequirements,
} from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

// Past the SRO's approval every page tells the same story: readiness says M6 is baselined, the
// registry says each artefact is Baselined, and the consultation over them is closed, by the
// baseline, in its history.

const V1_BODY =
  '1. GENERAL\n\n1.1 Scope\n\n1.1.1 This document sets out the rules for the service.';
const CODES = ['BSC', 'REC', 'DCUSA'] as const;

type SignedIn = TestUser & { token: string };

async function ok(server: TestServer, path: string, init: Parameters<TestServer['api']>[1]) {
  const res = await server.api(path, init);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.be.oneOf([200, 201]);
  return res.body;
}

/** Via the API: the registry ready for M6 under an open consultation, and a paper CCAG recommended. */
async function readyAndRecommended(server: TestServer): Promise<{ paperId: string }> {
  const codeBodies = Object.fromEntries(
    await Promise.all(
      CODES.map(async (code) => [code, await server.signedIn('code_body', { code })]),
    ),
  ) as Record<string, SignedIn>;
  const programme = await server.signedIn('programme');
  const registry = (await ok(server, '/api/artefacts', { token: programme.token })).data as {
    id: string;
    code: string;
  }[];
  for (const a of registry) await publish(server, codeBodies[a.code]!, a.id, V1_BODY);
  await stateNoRequirements(
    server,
    programme.token,
    registry.map((a) => a.id),
  );
  await openConsultation(
    server,
    programme.token,
    registry.map((a) => a.id),
    { title: 'M6 code artefacts', closesAt: hoursFromNow(48) },
  );
  const participant = await server.signedIn('participant');
  const yes = { confirmed: true };
  const answers = { engaged: yes, input: yes, commentsAddressed: yes };
  await ok(server, '/api/due-process/responses', {
    token: participant.token,
    body: { answers: { ...answers, designTranslated: yes, artefactsMakeSense: yes } },
  });
  const paper = await ok(server, '/api/recommendations', {
    method: 'POST',
    token: programme.token,
  });
  expect(paper.data.verdict).to.equal('ready');
  await ok(server, `/api/recommendations/${paper.data.id}/decisions`, {
    token: programme.token,
    body: { body: 'CCAG', outcome: 'recommended', notes: 'CCAG recommends the M6 baseline.' },
  });
  return { paperId: paper.data.id as string };
}

/** The Status column of every registry row, once the registry has loaded. */
async function registryStatuses(page: Page): Promise<string[]> {
  await page.goto('/');
  const rows = page.getByRole('table', { name: 'Artefacts' }).locator('tbody tr');
  await rows.nth(80).waitFor();
  return rows.locator('td:nth-child(6)').allTextContents();
}

describe('life after M6 in the browser', function () {
  this.timeout(120_000);

  const suite = browserSuite();
  let paperId: string;
  let sro: TestUser;

  before(async () => {
    ({ paperId } = await readyAndRecommended(suite.server));
    sro = await suite.server.createUser({ role: 'sro', name: 'Sam SRO' });
  });

  it('after the SRO approves, readiness, the registry and consultations agree M6 is baselined', async () => {
    const page = await suite.signedInPage(sro);
    // Before: every artefact is under consultation, and readiness is a verdict, not a baseline.
    expect(new Set(await registryStatuses(page))).to.deep.equal(new Set(['Consultation']));

    await page.goto(`/recommendations/${paperId}`);
    const approval = page.getByRole('form', { name: 'Record the SRO’s decision' });
    await approval.getByLabel('Approved', { exact: true }).check();
    await approval.getByRole('button', { name: 'Record the SRO’s decision' }).click();
    await page.getByText('The SRO approved this paper: M6 is baselined.').waitFor();

    await mainNav(page).getByRole('link', { name: 'Readiness' }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.getByRole('heading', { name: /^M6 baselined on / }).waitFor();
    expect(await verdict.getByRole('heading').textContent()).to.match(
      /^M6 baselined on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/,
    );
    await verdict.getByRole('link', { name: 'the recommendation paper' }).click();
    await page.waitForURL(new RegExp(`/recommendations/${paperId}$`));

    expect(new Set(await registryStatuses(page))).to.deep.equal(new Set(['Baselined']));

    await mainNav(page).getByRole('link', { name: 'Consultations' }).click();
    const closed = page.getByRole('region', { name: /^Closed/ });
    const row = closed.getByRole('row', { name: /M6 code artefacts/ });
    await row.getByText(/Closed early by Sam SRO on .*: Closed by the M6 baseline/).waitFor();
    const open = page.getByRole('region', { name: /^Open/ });
    expect(await open.getByText('None.').count()).to.equal(1);
  });
});
