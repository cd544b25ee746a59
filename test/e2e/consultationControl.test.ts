import { expect } from 'chai';
import { browserSuite, mainNav } from '../helpers/browser.js';
import { findArtefact, openConsultation, postComment, publish } from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

type SignedIn = TestUser & { token: string };

const LONDON = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
const ukTime = (iso: string) => LONDON.format(new Date(iso));

describe('closing a consultation early in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let programme: SignedIn;
  let alice: SignedIn;
  let artefactId: string;

  before(async () => {
    server = suite.server;
    const bsc = await server.signedIn('code_body', { code: 'BSC' });
    programme = await server.signedIn('programme');
    alice = await server.signedIn('participant');
    artefactId = (await findArtefact(server, bsc.token, 'BSCP701')).id;
    await publish(server, bsc, artefactId, '1. GENERAL\n\n1.1.1 The first clause.');
    await openConsultation(server, programme.token, [artefactId], { title: 'Window to close' });
  });

  it('lets the programme close a consultation early with a reason, shown in its history', async () => {
    expect((await postComment(server, alice.token, artefactId)).status).to.equal(201);
    // A browser far from London still shows the history in UK time.
    const page = await suite.signedInPage(programme, { timezoneId: 'America/New_York' });
    await mainNav(page).getByRole('link', { name: 'Consultations' }).click();
    const open = page.getByRole('region', { name: /^Open/ });
    const row = open.getByRole('row', { name: /Window to close/ });
    await row.getByRole('button', { name: 'Close early' }).click();
    const form = row.getByRole('form', { name: 'Close “Window to close” early' });
    await form.getByRole('button', { name: 'Close consultation' }).click();
    await form.getByText('Give a reason.').waitFor();
    await form.getByLabel('Reason').fill('Design freeze brought forward');
    await form.getByRole('button', { name: 'Close consultation' }).click();

    const closed = page.getByRole('region', { name: /^Closed/ });
    const history = closed.getByRole('row', { name: /Window to close/ });
    const entry = history.getByText(/Closed early by Test programme \d+ on .*: Design freeze/);
    await entry.waitFor();
    const listed = await server.api('/api/consultations', { token: programme.token });
    const closing = listed.body.data
      .find((c: { title: string }) => c.title === 'Window to close')
      .history.find((h: { kind: string }) => h.kind === 'close');
    expect(await entry.textContent()).to.contain(` on ${ukTime(closing.at)}: Design freeze`);
    expect(await open.getByRole('row', { name: /Window to close/ }).count()).to.equal(0);
    expect((await postComment(server, alice.token, artefactId)).status).to.equal(409);

    // The artefact's page says so and offers no way to comment.
    const reader = await suite.signedInPage(alice);
    await reader.goto(`/artefacts/${artefactId}`);
    const notice = reader.getByTestId('comment-window');
    await notice.getByText(/^Comments are closed: consultation “Window to close” closed/).waitFor();
    await reader.locator('.version-body section[data-ref="1.1.1"]').waitFor();
    expect(await reader.getByRole('button', { name: /^Comment on clause/ }).count()).to.equal(0);
  });
});
