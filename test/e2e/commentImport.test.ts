import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { COMMENT_LOG_COLUMNS } from '../../server/domain/commentLog/index.js';
import { browserSuite } from '../helpers/browser.js';
import { findArtefact, publish } from '../helpers/fixtures.js';
import type { TestServer, TestUser } from '../helpers/server.js';

const VERSION_BODY = [
  '1. GENERAL',
  '1.1 Introduction',
  '1.1.1 This BSCP sets out the Smart Data Service.',
].join('\n\n');
const ORGANISATION = 'Importing Energy Ltd';
const FIRST = 'Imported: name the Smart Data Service in full.';
const SECOND = 'Imported: say who runs the service.';
const NEVER = 'Imported: this row must not be stored.';

interface LogRow {
  clause: string;
  comment: string;
  /** Other columns, e.g. a decision: Status, Code body response, Revision. */
  more?: Record<string, string>;
}

/** A comment log as the export writes it: one open comment per row, IDs left for the server. */
function commentLog(rows: LogRow[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const cells = (r: LogRow): Record<string, string> => ({
    Artefact: 'BSCP701',
    Clause: r.clause,
    Category: 'Drafting',
    Severity: 'High',
    Comment: r.comment,
    Organisation: ORGANISATION,
    ...r.more,
  });
  const lines = [
    COMMENT_LOG_COLUMNS,
    ...rows.map((r) => COMMENT_LOG_COLUMNS.map((column) => cells(r)[column] ?? '')),
  ];
  return lines.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

describe('importing a comment log in the browser', function () {
  this.timeout(90_000);

  const suite = browserSuite();
  let server: TestServer;
  let dir: string | undefined;
  let artefactId: string;
  let codeBody: TestUser & { token: string };

  before(async () => {
    server = suite.server;

    // A BSC code body publishes BSCP701 v1; an import needs no consultation.
    codeBody = await server.signedIn('code_body', { code: 'BSC' });
    artefactId = (await findArtefact(server, codeBody.token, 'BSCP701')).id;
    await publish(server, codeBody, artefactId, VERSION_BODY);

    const admin = await server.signedIn('admin');
    const organisation = await server.api('/api/organisations', {
      token: admin.token,
      body: { name: ORGANISATION, kind: 'participant', marketRole: 'supplier' },
    });
    expect(organisation.status, JSON.stringify(organisation.body)).to.equal(201);

    dir = await mkdtemp(path.join(tmpdir(), 'm6-import-'));
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const written = path.join(dir!, name);
    await writeFile(written, text, 'utf8');
    return written;
  }

  const panel = (page: Page) => page.getByRole('region', { name: 'Import comment log' });

  async function choose(page: Page, filePath: string) {
    await panel(page)
      .getByLabel(/^Comment log file/)
      .setInputFiles(filePath);
  }

  async function storedBodies(): Promise<string[]> {
    const listed = await server.api(`/api/comments?artefactId=${artefactId}&limit=100`, {
      token: codeBody.token,
    });
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
    return (listed.body.data as { body: string }[]).map((c) => c.body);
  }

  it('imports two rows, shows them in the queue, reports them unchanged on a second import, and applies a decision made in the file', async () => {
    const log = await file(
      'comment-log.csv',
      commentLog([
        { clause: '1.1.1', comment: FIRST },
        { clause: '1.1', comment: SECOND },
      ]),
    );
    const page = await suite.signedInPage(codeBody);
    await page.goto('/triage');
    const hint = await panel(page).locator('.hint').first().textContent();
    expect(hint).to.contain('ID, Artefact, Version, Clause, Quote, Category, Severity, Comment');
    expect(hint).to.contain('rejected whole').and.to.contain('never duplicates');

    await choose(page, log);
    await panel(page).getByRole('button', { name: 'Import' }).click();
    const status = panel(page).getByRole('status');
    await status.getByText('2 new comments imported, 0 decisions applied.').waitFor();

    for (const text of [FIRST, SECOND]) {
      await page.getByRole('article').filter({ hasText: text }).waitFor();
    }
    const imported = page.getByRole('article').filter({ hasText: 'Imported:' });
    const refs = (await imported.getByRole('heading').allTextContents()).map((t) => t.trim());
    expect(refs).to.have.length(2);
    for (const ref of refs) expect(ref).to.match(/^IMP-[0-9a-f]{10}$/);

    // The same file again: nothing new, both rows reported as already as the file says.
    await choose(page, log);
    await panel(page).getByRole('button', { name: 'Import' }).click();
    await status
      .getByText('0 new comments imported, 0 decisions applied, 2 rows unchanged.')
      .waitFor();
    await status.getByText('Already as the file says:').waitFor();
    const text = (await status.textContent()) ?? '';
    for (const ref of refs) expect(text).to.contain(ref);
    expect(await imported.count()).to.equal(2);
    expect((await storedBodies()).sort()).to.deep.equal([FIRST, SECOND].sort());

    // A decision made in the spreadsheet on the first row: applied as the code body's, and said so.
    const decided = await file(
      'decided.csv',
      commentLog([
        {
          clause: '1.1.1',
          comment: FIRST,
          more: { Status: 'Accepted', 'Code body response': 'Agreed.', Revision: '1' },
        },
      ]),
    );
    await choose(page, decided);
    await panel(page).getByRole('button', { name: 'Import' }).click();
    await status.getByText('0 new comments imported, 1 decision applied.').waitFor();
    expect(await status.textContent()).to.match(
      /Decisions applied: IMP-[0-9a-f]{10} \(row 2, now accepted\)/,
    );
  });

  it('rejects a file with an invalid row whole and shows the row problems', async () => {
    const before = await storedBodies();
    const log = await file(
      'bad-row.csv',
      commentLog([
        { clause: '1.1.1', comment: NEVER },
        { clause: '9.9.9', comment: 'Imported: on a clause that does not exist.' },
      ]),
    );
    const page = await suite.signedInPage(codeBody);
    await page.goto('/triage');
    await choose(page, log);
    await panel(page).getByRole('button', { name: 'Import' }).click();

    await panel(page).getByRole('alert').getByText('nothing was imported').waitFor();
    const table = panel(page).getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).to.deep.equal([
      'Row',
      'Column',
      'Problem',
    ]);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).to.equal(1);
    const [row, column, problem] = await rows.first().getByRole('cell').allTextContents();
    expect(row).to.equal('3');
    expect(column).to.equal('Clause');
    expect(problem).to.contain('9.9.9');

    expect(await storedBodies()).to.deep.equal(before);
    expect(before).not.to.include(NEVER);
  });

  it('refuses a file that is not .csv or .xlsx before sending it', async () => {
    const page = await suite.signedInPage(codeBody);
    await page.goto('/triage');
    let sent = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/comments/import')) sent = true;
    });
    await choose(page, await file('notes.txt', 'not a comment log'));
    await panel(page).getByRole('alert').getByText('is not a .csv or .xlsx file').waitFor();
    await panel(page).getByRole('button', { name: 'Import' }).click();
    await panel(page).getByRole('alert').getByText('is not a .csv or .xlsx file').waitFor();
    expect(sent).to.equal(false);
  });

  it('offers the import to the programme but not to an admin', async () => {
    const programme = await suite.signedInPage(await server.createUser({ role: 'programme' }));
    await programme.goto('/triage');
    await panel(programme)
      .getByLabel(/^Comment log file/)
      .waitFor();

    const admin = await suite.signedInPage(await server.createUser({ role: 'admin' }));
    await admin.goto('/triage');
    await admin.getByRole('heading', { name: 'Triage queue' }).waitFor();
    await admin.getByRole('search', { name: 'Filter the triage queue' }).waitFor();
    expect(await panel(admin).count()).to.equal(0);
  });
});
