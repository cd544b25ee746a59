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

// The whole road to M6 in the browser: comment, triage, a new version incorporating the approved
// CR, the dashboard turning ready, the paper, CCAG's recommendation and the SRO's approval.

const V1_BODY =
  '1. GENERAL\n\n1.1 Scope\n\n1.1.1 This document sets out the rules for the service.';
const V2_BODY = `${V1_BODY}\n\n1.1.2 The service publishes the data each working day.`;
const CODES = ['BSC', 'REC', 'DCUSA'] as const;

type SignedIn = TestUser & { token: string };

interface Registered {
  id: string;
  slug: string;
  code: string;
  reference: string;
}

interface Cast {
  codeBodies: Record<(typeof CODES)[number], SignedIn>;
  programme: SignedIn;
  participant: SignedIn;
  sro: TestUser;
  bscp707: Registered;
}

async function ok(server: TestServer, path: string, init: Parameters<TestServer['api']>[1]) {
  const res = await server.api(path, init);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.be.oneOf([200, 201]);
  return res.body;
}

/**
 * Via the API: every artefact gets a v1 from its code body and a statement that no design
 * requirements apply, one consultation covers them all, a participant confirms due process, and
 * the approved CR053 is linked to BSCP707.
 */
async function setUp(server: TestServer): Promise<Cast> {
  const codeBodies = Object.fromEntries(
    await Promise.all(
      CODES.map(async (code) => [code, await server.signedIn('code_body', { code })]),
    ),
  ) as Cast['codeBodies'];
  const programme = await server.signedIn('programme');
  const registry = (await ok(server, '/api/artefacts', { token: programme.token }))
    .data as Registered[];
  expect(registry).to.have.length(81);
  for (const a of registry) {
    await publish(server, codeBodies[a.code as keyof Cast['codeBodies']], a.id, V1_BODY);
  }
  // SC1 needs evidence for every artefact: these test drafts carry no design requirements.
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
  await ok(server, '/api/due-process/responses', {
    token: participant.token,
    body: {
      answers: {
        engaged: yes,
        input: yes,
        commentsAddressed: yes,
        designTranslated: yes,
        artefactsMakeSense: yes,
      },
      lessonsLearnt: 'More Code/participant meetings.',
    },
  });

  const bscp707 = registry.find((a) => a.reference === 'BSCP707');
  if (!bscp707) throw new Error('BSCP707 is not in the seeded registry');
  const change = await ok(server, '/api/changes/CR053', {
    method: 'PATCH',
    token: programme.token,
    body: { artefacts: [bscp707.id] },
  });
  expect(change.data).to.include({ status: 'approved' });

  const sro = await server.createUser({ role: 'sro', name: 'Sam SRO' });
  return { codeBodies, programme, participant, sro, bscp707 };
}

describe('the journey to the M6 baseline in the browser', function () {
  this.timeout(120_000);

  const suite = browserSuite();
  let server: TestServer;
  let cast: Cast;

  before(async () => {
    server = suite.server;
    cast = await setUp(server);
  });

  const verdict = (page: Page) => page.getByTestId('verdict').getByRole('heading');

  async function readinessVerdict(page: Page): Promise<string> {
    await page.goto('/readiness');
    await verdict(page).waitFor();
    return ((await verdict(page).textContent()) ?? '').trim();
  }

  it('goes from a comment to an approved, baselined M6', async () => {
    const { bscp707 } = cast;
    const artefactPath = `/artefacts/${bscp707.slug}`;

    // The programme sees why M6 is not ready: BSCP707 v1 lacks the approved CR053.
    const programme = await suite.signedInPage(cast.programme);
    await mainNav(programme).getByRole('link', { name: 'Readiness' }).click();
    await verdict(programme).getByText('Not ready').waitFor();
    const sc2 = programme.locator('[data-criterion="SC2"]');
    expect(await sc2.textContent()).to.contain('Not met');
    const blocker = sc2.getByRole('link', { name: /CR053 .* BSCP707 v1 does not incorporate it/ });
    expect(await blocker.getAttribute('href')).to.equal(`/changes?artefactId=${bscp707.id}`);
    expect(await programme.getByTestId(`brag-row-${bscp707.slug}`).textContent()).to.contain(
      '0 Industry comments outstanding',
    );

    // A participant comments on clause 1.1.1 of BSCP707.
    const participant = await suite.signedInPage(cast.participant);
    await participant.goto(artefactPath);
    await participant.getByRole('button', { name: 'Comment on clause 1.1.1' }).click();
    const form = participant.getByRole('form', { name: 'New comment on clause 1.1.1' });
    await form.getByLabel('Category').selectOption('drafting');
    await form.getByLabel('Severity').selectOption('medium');
    await form.getByLabel('Comment', { exact: true }).fill('Say how often ISD is published.');
    await form.getByRole('button', { name: 'Submit comment' }).click();
    const thread = participant.getByRole('complementary', { name: 'Comments on clause 1.1.1' });
    await thread.getByText('Say how often ISD is published.').waitFor();

    // The BSC code body accepts it in the triage queue...
    const bsc = await suite.signedInPage(cast.codeBodies.BSC);
    await mainNav(bsc).getByRole('link', { name: 'Triage' }).click();
    const queued = bsc.getByRole('article').filter({ hasText: 'Say how often ISD' });
    const decision = queued.getByRole('form');
    await decision.getByLabel('Decision').selectOption('accepted');
    await decision.getByLabel(/^Response/).fill('Agreed: v2 says it, with CR053.');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await queued.getByText('Code body response').waitFor();

    // ...and publishes v2 incorporating CR053 through the artefact page.
    await bsc.goto(artefactPath);
    await bsc.getByRole('button', { name: 'Publish a new version' }).click();
    const publish = bsc.getByRole('form', { name: 'Publish a new version of BSCP707' });
    await publish.getByLabel('Label', { exact: true }).fill('v2');
    await publish.getByLabel('Incorporates (optional)').fill('CR053');
    await publish.getByLabel('Markdown', { exact: true }).fill(V2_BODY);
    await publish.getByRole('button', { name: 'Publish version' }).click();
    await bsc.getByText('Published v2; it is shown below.').waitFor();

    // The dashboard turns ready, with every criterion but SC5 met.
    expect(await readinessVerdict(programme)).to.equal('Ready to recommend');
    for (const id of ['SC1', 'SC2', 'SC3', 'SC4', 'KD1', 'KD2', 'KD3']) {
      const text = await programme.locator(`[data-criterion="${id}"] h3`).textContent();
      expect(text, id).to.match(/Met$/);
    }
    const bscRow = programme.getByTestId('code-readiness-BSC');
    expect(await bscRow.textContent()).to.contain('✓ Ready');
    await programme.getByRole('img', { name: /BRAG ratings of artefacts by code/ }).waitFor();
    await programme.getByRole('img', { name: /Outstanding comments over time/ }).waitFor();

    // The programme generates the paper, previewed as the server renders it.
    await mainNav(programme).getByRole('link', { name: 'Recommendation' }).click();
    await programme.getByRole('button', { name: 'Generate paper' }).click();
    await programme.waitForURL(/\/recommendations\/[\w-]+$/);
    expect(await verdict(programme).textContent()).to.equal('Ready to recommend');
    await programme.frameLocator('iframe.paper-preview').locator('h1').first().waitFor();

    // The SRO cannot approve before CCAG has recommended: the server's reason is shown.
    const paperPath = new URL(programme.url()).pathname;
    const sro = await suite.signedInPage(cast.sro);
    await mainNav(sro).getByRole('link', { name: 'Recommendation' }).click();
    await sro
      .getByRole('link', { name: /^Paper of / })
      .first()
      .click();
    expect(new URL(sro.url()).pathname).to.equal(paperPath);
    const early = sro.getByRole('form', { name: 'Record the SRO’s decision' });
    await early.getByLabel('Approved', { exact: true }).check();
    await early.getByRole('button', { name: 'Record the SRO’s decision' }).click();
    await early.getByRole('alert').getByText('only a paper that CCAG has recommended').waitFor();

    // The programme records CCAG's recommendation.
    const ccag = programme.getByRole('form', { name: 'Record CCAG’s recommendation' });
    await ccag.getByLabel('Recommended', { exact: true }).check();
    await ccag.getByLabel('Notes (optional)').fill('CCAG recommends the M6 baseline.');
    await ccag.getByRole('button', { name: 'Record CCAG’s recommendation' }).click();
    await programme.getByTestId('paper-decisions').getByText('CCAG: Recommended').waitFor();

    // Once CCAG has recommended, the SRO approves, which baselines M6.
    await sro.reload();
    const approval = sro.getByRole('form', { name: 'Record the SRO’s decision' });
    await approval.getByLabel('Approved', { exact: true }).check();
    await approval.getByRole('button', { name: 'Record the SRO’s decision' }).click();
    await sro.getByText('The SRO approved this paper: M6 is baselined.').waitFor();
    const baseline = sro.getByTestId('baseline');
    expect(await baseline.textContent()).to.contain('81 artefact versions frozen');

    // BSCP707's page and the registry show it baselined.
    await sro.goto(artefactPath);
    await sro.getByRole('heading', { level: 1 }).getByText('Baselined in M6').waitFor();
    await sro.goto('/?q=BSCP707');
    const row = sro
      .getByRole('row')
      .filter({ has: sro.getByRole('link', { name: 'BSCP707', exact: true }) });
    await row.getByText('Baselined', { exact: true }).waitFor();
    expect(await row.getAttribute('class')).to.contain('brag-row-blue');
  });

  it('takes a participant organisation’s due-process response and updates the summary', async () => {
    const user = await server.createUser({ role: 'participant' });
    const org = await server.db.kysely
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', user.organisationId ?? '')
      .executeTakeFirstOrThrow();
    const page = await suite.signedInPage(user);
    await mainNav(page).getByRole('link', { name: 'Due process' }).click();
    // Coverage is over every participant organisation: this one is named until it responds.
    await page
      .getByTestId('due-process-responses')
      .getByText(/^Responded: 1 of \d+/)
      .waitFor();
    expect(await page.getByTestId('due-process-non-responders').textContent()).to.contain(org.name);
    const form = page.getByRole('form', { name: 'Your organisation’s response' });
    await form.getByRole('button', { name: 'Submit response' }).click();
    expect(await form.getByText('Answer yes or no.').count()).to.equal(5);
    const groups = await form.getByRole('group').all();
    for (const [i, group] of groups.entries())
      await group.getByLabel(i === 4 ? 'No' : 'Yes', { exact: true }).check();
    await groups[4]!.getByLabel('Comment (optional)').fill('Section S was hard to follow.');
    await form.getByLabel('Lessons learnt (optional)').fill('Better redlining of text.');
    await form.getByRole('button', { name: 'Submit response' }).click();
    await page.getByText('Your organisation’s response has been recorded.').waitFor();
    await page
      .getByTestId('due-process-responses')
      .getByText(/^Responded: 2 of \d+/)
      .waitFor();
    const row = page.getByRole('row', { name: /^Code Artefacts made sense/ });
    expect(await row.textContent())
      .to.contain('1 of 2')
      .and.to.contain('50%');
    await page.getByRole('listitem').filter({ hasText: 'Better redlining of text.' }).waitFor();

    // The refusal is listed; the programme answers it and the organisation sees the answer.
    const programme = await suite.signedInPage(cast.programme);
    await programme.goto('/due-process');
    const refusal = programme
      .getByTestId('due-process-refusals')
      .getByRole('row')
      .filter({ hasText: org.name });
    expect(await refusal.textContent())
      .to.contain('Section S was hard to follow.')
      .and.to.contain('No response yet.');
    await refusal.getByLabel('Respond', { exact: true }).fill('Section S is redrafted in v2.');
    await refusal.getByRole('button', { name: 'Record response' }).click();
    await refusal.getByText('Section S is redrafted in v2.').waitFor();
    await page.reload();
    await page
      .getByTestId('due-process-refusals')
      .getByText('Section S is redrafted in v2.')
      .waitFor();
  });

  it('lets a code body override the BRAG of its own artefacts, with a reason', async () => {
    const rec = await suite.signedInPage(cast.codeBodies.REC);
    await mainNav(rec).getByRole('link', { name: 'Readiness' }).click();
    await verdict(rec).waitFor();
    // Only REC's own artefacts offer the control.
    expect(await rec.getByRole('button', { name: /^Change the BRAG of BSCP/ }).count()).to.equal(0);
    const row = rec.getByRole('row').filter({ hasText: 'Schedule 1 –' });
    await row.getByRole('button', { name: /^Change the BRAG of Schedule 1$/ }).click();
    const form = row.getByRole('form', { name: 'Override the BRAG of Schedule 1' });
    await form.getByLabel('BRAG').selectOption('amber');
    await form.getByRole('button', { name: 'Save BRAG' }).click();
    await form.getByText('Say why the rating is overridden.').waitFor();
    await form.getByLabel('Reason').fill('Awaiting a REC Change Panel decision.');
    await form.getByRole('button', { name: 'Save BRAG' }).click();
    await row.getByText('Override: Awaiting a REC Change Panel decision.').waitFor();
    expect(await row.locator('.brag').textContent()).to.equal('Amber');
    expect(await row.getAttribute('class')).to.contain('brag-row-amber');
  });
});
