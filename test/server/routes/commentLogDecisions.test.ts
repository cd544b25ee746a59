import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COMMENT_LOG_COLUMNS } from '../../../server/domain/commentLog/index.js';
import { testDialects } from '../../helpers/db.js';
import { artefactId, openConsultation, postComment, publish } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';

// Decisions a code body makes in an exported comment log (Excel, LibreOffice) and imports back:
// applied by the triage screen's rules, all or nothing; clause refs that survive the spreadsheet.

type Signed = TestUser & { token: string };
type Row = Record<string, string>;
type Column = (typeof COMMENT_LOG_COLUMNS)[number];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DIC = 'Data Specification: Data Item Catalogue';
const DIC_SECTION = ['1. PURPOSE', '', '1.1 This catalogue lists every data item.'].join('\n');

/** Legal clause refs a spreadsheet reads as numbers: 2.1, 2.10 and 2.100 all exist. */
const NUMBERED_SECTION = [
  'SECTION S: SUPPLIER VOLUME ALLOCATION',
  '',
  '1. GENERAL',
  '',
  '1.1 This Section S sets out the basis of Supplier Volume Allocation.',
  '',
  '2. REFERENCES',
  '',
  ...Array.from({ length: 100 }, (_, i) => [
    `2.${i + 1} Allocation rule ${i + 1} applies.`,
    '',
  ]).flat(),
  'ANNEX X-1: THRESHOLDS',
  '',
  'The thresholds in this annex apply to every Settlement Period.',
].join('\n');

async function download(server: TestServer, token: string, format: 'csv' | 'xlsx') {
  const res = await fetch(`${server.url}/api/comments/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).to.equal(200);
  return Buffer.from(await res.arrayBuffer());
}

async function upload(server: TestServer, token: string, body: Buffer, type: string) {
  const res = await fetch(`${server.url}/api/comments/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
}

/** A CSV file's cells, header first, as a spreadsheet holds them. */
const csvCells = (bytes: Buffer) => parse(bytes.toString('utf8'), { bom: true }) as string[][];
const csvFile = (cells: string[][]) =>
  Buffer.from(stringify(cells, { record_delimiter: 'windows' }));

/** Edits the row of comment `ref` in a CSV file's cells. */
function editCsv(cells: string[][], ref: string, changes: Partial<Record<Column, string>>) {
  const [header = []] = cells;
  const row = cells.find((r) => r[0] === ref);
  if (!row) throw new Error(`no row ${ref}`);
  for (const [column, value] of Object.entries(changes)) row[header.indexOf(column)] = value;
}

/**
 * What a spreadsheet does to a CSV file it opens and saves again: every cell that reads as a
 * number is saved as that number ("2.10" as 2.1, "1.0" as 1); an apostrophe keeps a cell text.
 */
const resavedBySpreadsheet = (cells: string[][]) =>
  cells.map((row) => row.map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? String(Number(cell)) : cell)));

async function editXlsx(bytes: Buffer, edits: Record<string, Partial<Record<Column, string>>>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = workbook.getWorksheet('Comment log')!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  sheet.eachRow((row, n) => {
    const changes = n > 1 ? edits[String(row.getCell(1).value)] : undefined;
    for (const [column, value] of Object.entries(changes ?? {}))
      row.getCell(header.indexOf(column) + 1).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

for (const dialect of testDialects()) {
  describe(`decisions made in the comment log spreadsheet (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed;
    let bob: Signed;
    let s: string;
    let dic: string;
    const c: Record<string, { id: string; ref: string }> = {};

    const post = async (user: Signed, artefact: string, input: Record<string, unknown>) => {
      const res = await postComment(server, user.token, artefact, input);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.data as { id: string; ref: string };
    };
    const comment = async (id: string) =>
      server.db.kysely
        .selectFrom('comments')
        .select(['status', 'response', 'changeId', 'action', 'revision', 'decidedByName'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const count = async (table: 'comments' | 'triageDecisions' | 'auditEvents') =>
      Number(
        (
          await server.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const counts = async () => ({
      comments: await count('comments'),
      decisions: await count('triageDecisions'),
      audit: await count('auditEvents'),
    });

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC', name: 'Bea BSC (Elexon)' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant', { name: 'Alice Participant' });
      bob = await server.signedIn('participant', { name: 'Bob Participant' });
      s = await artefactId(server, programme.token, 'Section S');
      dic = (await server.api('/api/artefacts/rec-data-item-catalogue', { token: alice.token }))
        .body.data.id;
      await publish(server, bsc, s, NUMBERED_SECTION);
      await publish(server, rec, dic, DIC_SECTION);
      await openConsultation(server, programme.token, [s, dic]);
      c.tenth = await post(alice, s, { clauseRef: '2.10', body: 'Clause 2.10 is unclear.' });
      c.first = await post(alice, s, { clauseRef: '2.1', body: 'Clause 2.1 repeats 1.1.' });
      c.hundredth = await post(bob, s, { clauseRef: '2.100', body: 'Say who decides 2.100.' });
      c.annex = await post(bob, s, { clauseRef: 'Annex X-1', body: 'Give the thresholds units.' });
      c.rec = await post(alice, dic, { clauseRef: '1.1', body: 'List the units too.' });
      c.hidden = await post(bob, dic, {
        clauseRef: '1.1',
        body: 'Bob secret: our meters cannot do this.',
        confidential: true,
      });
    });
    after(() => server.close());

    it('applies the decisions made in an exported XLSX as the triage screen does, and reports every row', async () => {
      const before = await counts();
      const exported = await download(server, bsc.token, 'xlsx');
      const edited = await editXlsx(exported, {
        [c.tenth!.ref]: { Status: 'Accepted', 'Code body response': 'Agreed; 2.10 will say who.' },
        [c.first!.ref]: {
          Status: 'Rejected',
          'Code body response': 'It does not repeat 1.1.',
          Change: 'CR053',
        },
        [c.hundredth!.ref]: {
          Status: 'Deferred',
          'Code body response': 'After M6.',
          Action: 'Work off in the post-M6 release',
        },
        // Another code's comment, changed: not the BSC's to decide.
        [c.rec!.ref]: { Status: 'Accepted', 'Code body response': 'Yes.' },
      });
      const res = await upload(server, bsc.token, edited, XLSX);
      expect(res.status, res.text).to.equal(200);
      expect(res.body.data).to.deep.equal({
        created: [],
        updated: [
          { row: 2, ref: c.tenth!.ref, status: 'accepted' },
          { row: 3, ref: c.first!.ref, status: 'rejected' },
          { row: 4, ref: c.hundredth!.ref, status: 'deferred' },
        ],
        unchanged: [{ row: 5, ref: c.annex!.ref }],
        notTheirs: [
          {
            row: 6,
            ref: c.rec!.ref,
            code: 'REC',
            changed: true,
            reason:
              'only the REC code body decides comments on REC artefacts; nothing in this row was applied',
          },
        ],
        total: 5,
      });
      // The hidden comment was never in the BSC's export, nor in the answer.
      expect(res.text).to.not.include(c.hidden!.ref);

      expect(await comment(c.tenth!.id)).to.deep.equal({
        status: 'accepted',
        response: 'Agreed; 2.10 will say who.',
        changeId: null,
        action: null,
        revision: 2,
        decidedByName: 'Bea BSC (Elexon)',
      });
      expect(await comment(c.first!.id)).to.include({ status: 'rejected', changeId: 'CR053' });
      expect(await comment(c.hundredth!.id)).to.include({
        status: 'deferred',
        action: 'Work off in the post-M6 release',
      });
      expect(await comment(c.rec!.id)).to.include({ status: 'open', response: null, revision: 1 });

      // One decision, one audit event and a notification to the author per decision, as on the
      // triage screen.
      expect(await counts()).to.deep.equal({
        comments: before.comments,
        decisions: before.decisions + 3,
        audit: before.audit + 3,
      });
      const audit = await server.db.kysely
        .selectFrom('auditEvents')
        .select(['actorId', 'action', 'entityId'])
        .where('entityId', 'in', [c.tenth!.id, c.first!.id, c.hundredth!.id])
        .where('action', '=', 'comment.triage')
        .execute();
      expect(audit).to.have.length(3);
      expect(audit.every((e) => e.actorId === bsc.id)).to.equal(true);
      const decisions = await server.db.kysely
        .selectFrom('triageDecisions')
        .select(['fromStatus', 'status', 'decidedBy'])
        .where('commentId', '=', c.tenth!.id)
        .execute();
      expect(decisions).to.deep.equal([
        { fromStatus: 'open', status: 'accepted', decidedBy: bsc.id },
      ]);
      const told = await server.db.kysely
        .selectFrom('notifications')
        .select(['recipientId', 'entityId'])
        .where('kind', '=', 'comment.decided')
        .where('entityId', '=', c.tenth!.id)
        .execute();
      expect(told.map((n) => n.recipientId)).to.include(alice.id);

      // The same file again: every decision is already what the comment says, so nothing changes.
      const again = await upload(server, bsc.token, edited, XLSX);
      expect(again.status, again.text).to.equal(200);
      expect(again.body.data.updated).to.deep.equal([]);
      expect(again.body.data.unchanged.map((r: { ref: string }) => r.ref)).to.deep.equal([
        c.tenth!.ref,
        c.first!.ref,
        c.hundredth!.ref,
        c.annex!.ref,
      ]);
      expect(await count('triageDecisions')).to.equal(before.decisions + 3);
    });

    it('keeps clause refs through a CSV saved again by a spreadsheet, and applies the decision in it', async () => {
      const cells = csvCells(await download(server, bsc.token, 'csv'));
      const [header = []] = cells;
      const clauseOf = (ref: string) => cells.find((r) => r[0] === ref)?.[header.indexOf('Clause')];
      expect(clauseOf(c.tenth!.ref)).to.equal("'2.10");
      expect(clauseOf(c.hundredth!.ref)).to.equal("'2.100");
      expect(clauseOf(c.annex!.ref)).to.equal('Annex X-1');
      editCsv(cells, c.annex!.ref, {
        Status: 'Triaged',
        'Code body response': 'Looking at units.',
      });
      const res = await upload(server, bsc.token, csvFile(resavedBySpreadsheet(cells)), 'text/csv');
      expect(res.status, res.text).to.equal(200);
      expect(res.body.data.updated).to.deep.equal([
        { row: 5, ref: c.annex!.ref, status: 'triaged' },
      ]);
      expect(res.body.data.unchanged).to.have.length(3);
      expect(await comment(c.annex!.id)).to.include({
        status: 'triaged',
        response: 'Looking at units.',
      });
    });

    it('refuses clause refs a spreadsheet turned into numbers, naming the rows, writing nothing', async () => {
      const before = await counts();
      const cells = csvCells(await download(server, bsc.token, 'csv'));
      const [header = []] = cells;
      // A log written without the apostrophes (by hand, or by another tool), then saved by a
      // spreadsheet: 2.10 comes back as 2.1. And a new row on "2.1", which may be 2.1, 2.10 or 2.100.
      const plain = cells.map((row) => row.map((cell) => cell.replace(/^'(?=\d)/, '')));
      const fresh = header.map(
        (h) =>
          ({ Artefact: 'Section S', Clause: '2.1', Category: 'Drafting', Comment: 'New point.' })[
            h
          ] ?? '',
      );
      editCsv(plain, c.annex!.ref, { Status: 'Accepted', 'Code body response': 'Units added.' });
      const mangled = resavedBySpreadsheet([...plain, fresh]);
      const res = await upload(server, bsc.token, csvFile(mangled), 'text/csv');
      expect(res.status, res.text).to.equal(400);
      const details = res.body.error.details as { row: number; column: string; message: string }[];
      expect(details.map((d) => [d.row, d.column])).to.deep.equal([
        [2, 'Clause'],
        [4, 'Clause'],
        [7, 'Clause'],
      ]);
      expect(details[0]?.message).to.equal(
        `comment ${c.tenth!.ref}: "2.1" is the number a spreadsheet makes of clause 2.10; write the clause as text ('2.10 in a CSV file, or a text cell in a workbook)`,
      );
      expect(details[1]?.message).to.include('clause 2.100');
      expect(details[2]?.message).to.match(/^"2\.1" may be clause 2\.1 or 2\.10 or 2\.100/);
      expect(res.body.error.message).to.equal('3 problems in 3 rows; nothing was imported');
      // The annex decision in the same file was not applied.
      expect(await comment(c.annex!.id)).to.include({ status: 'triaged' });
      expect(await counts()).to.deep.equal(before);
    });

    it('answers 409 when a comment was decided on the triage screen since the export, writing nothing', async () => {
      const late = await post(alice, s, { clauseRef: '2.2', body: 'Decided twice?' });
      const other = await post(alice, s, { clauseRef: '2.3', body: 'Still open.' });
      const cells = csvCells(await download(server, bsc.token, 'csv'));
      const screen = await server.api(`/api/comments/${late.id}/triage`, {
        token: bsc.token,
        body: { status: 'accepted', response: 'Yes.', revision: 1 },
      });
      expect(screen.status, JSON.stringify(screen.body)).to.equal(200);
      const before = await counts();
      editCsv(cells, late.ref, { Status: 'Rejected', 'Code body response': 'No.' });
      editCsv(cells, other.ref, { Status: 'Accepted', 'Code body response': 'Agreed.' });
      const res = await upload(server, bsc.token, csvFile(cells), 'text/csv');
      expect(res.status, res.text).to.equal(409);
      expect(res.body.error.code).to.equal('conflict');
      const row = cells.findIndex((r) => r[0] === late.ref) + 1;
      expect(res.body.error.details).to.deep.equal([
        {
          row,
          column: 'Revision',
          message: `Comment ${late.ref} was changed by someone else since the log was exported (the file has revision 1, it is now at 2); export the log again and make this decision there`,
        },
      ]);
      expect(await comment(late.id)).to.include({ status: 'accepted', response: 'Yes.' });
      expect(await comment(other.id)).to.include({ status: 'open' });
      expect(await counts()).to.deep.equal(before);
    });

    it('rejects the whole file when any decision breaks the triage rules, listing every row', async () => {
      const open = await post(alice, s, {
        clauseRef: '2.4',
        body: 'Open until the file is fixed.',
      });
      const before = await counts();
      const cells = csvCells(await download(server, bsc.token, 'csv'));
      editCsv(cells, open.ref, { Status: 'Accepted', 'Code body response': 'Fine.' });
      // Decided already (accepted above): the triage screen refuses a second decision.
      editCsv(cells, c.tenth!.ref, {
        Status: 'Rejected',
        'Code body response': 'Changed my mind.',
      });
      // A rejection needs a written response.
      editCsv(cells, c.annex!.ref, { Status: 'Rejected', 'Code body response': '' });
      editCsv(cells, c.hundredth!.ref, { Status: 'Maybe' });
      // The same comment twice: which row would win?
      cells.push([...cells.find((r) => r[0] === open.ref)!]);
      const res = await upload(server, bsc.token, csvFile(cells), 'text/csv');
      expect(res.status, res.text).to.equal(400);
      const row = (ref: string) => cells.findIndex((r) => r[0] === ref) + 1;
      expect(
        (res.body.error.details as { row: number; column: string; message: string }[]).map(
          (d) => `${d.row} ${d.column}: ${d.message}`,
        ),
      ).to.deep.equal([
        `${row(c.tenth!.ref)} Status: comment ${c.tenth!.ref}: the comment is already accepted; a decided comment cannot be triaged again`,
        `${row(c.hundredth!.ref)} Status: "Maybe" is not one of open, triaged, accepted, partially-accepted, rejected, deferred, duplicate, withdrawn`,
        `${row(c.annex!.ref)} Code body response: comment ${c.annex!.ref}: a written response is required to mark a comment rejected`,
        `${cells.length} ID: comment ${open.ref} is already on row ${row(open.ref)}; give each comment one row`,
      ]);
      expect(await comment(open.id)).to.include({ status: 'open', revision: 1 });
      expect(await counts()).to.deep.equal(before);
    });

    it('tells the programme, which triages nothing, that the rows are not theirs; participants may not import', async () => {
      const cells = csvCells(await download(server, programme.token, 'csv'));
      const open = cells.find((r) => r[cells[0]!.indexOf('Status')] === 'Open')!;
      editCsv(cells, open[0]!, { Status: 'Accepted', 'Code body response': 'Programme says yes.' });
      const res = await upload(server, programme.token, csvFile(cells), 'text/csv');
      expect(res.status, res.text).to.equal(200);
      expect(res.body.data.created).to.deep.equal([]);
      expect(res.body.data.updated).to.deep.equal([]);
      expect(res.body.data.notTheirs).to.have.length(cells.length - 1);
      const changed = (res.body.data.notTheirs as { ref: string; changed: boolean }[]).filter(
        (r) => r.changed,
      );
      expect(changed.map((r) => r.ref)).to.deep.equal([open[0]]);
      const stored = await server.db.kysely
        .selectFrom('comments')
        .select('status')
        .where('ref', '=', open[0]!)
        .executeTakeFirstOrThrow();
      expect(stored.status).to.equal('open');

      const participant = await upload(server, alice.token, csvFile(cells), 'text/csv');
      expect(participant.status).to.equal(403);
    });

    it("answers a hidden comment's ID as it answers an unknown one, never naming it or its text", async () => {
      // REC imports a confidential comment of Bob's under its own ID; the BSC cannot see it, nor
      // the confidential comment Bob posted.
      const header = [...COMMENT_LOG_COLUMNS];
      const line = (cells: Partial<Row>) => header.map((h) => cells[h] ?? '');
      const bobOrg = (
        await server.db.kysely
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', bob.organisationId ?? '')
          .executeTakeFirstOrThrow()
      ).name;
      const secret = 'Bob secret: imported, confidential.';
      const recImport = await upload(
        server,
        rec.token,
        csvFile([
          header,
          line({
            ID: 'REC-SECRET-1',
            Artefact: DIC,
            Clause: '1.1',
            Category: 'Other',
            Comment: secret,
            Organisation: bobOrg,
            Confidential: 'Yes',
          }),
        ]),
        'text/csv',
      );
      expect(recImport.status, recImport.text).to.equal(200);

      const attempt = async (id: string, artefact = DIC) => {
        const rows = [
          header,
          line({
            ID: id,
            Artefact: artefact,
            Clause: '1.1',
            Category: 'Other',
            Comment: 'x',
            Status: 'Accepted',
            'Code body response': 'Yes.',
          }),
        ];
        const res = await upload(server, bsc.token, csvFile(rows), 'text/csv');
        return { status: res.status, text: res.text.replaceAll(id, '<ID>') };
      };
      // This system's own numbering: a number it issued that the BSC cannot see, and one it never
      // gave any comment (a gap left by an import of C-000600), answer alike.
      const gap = await upload(
        server,
        programme.token,
        csvFile([
          header,
          line({
            ID: 'C-000600',
            Artefact: 'Section S',
            Clause: "'2.5",
            Category: 'Other',
            Comment: 'Far ahead.',
          }),
        ]),
        'text/csv',
      );
      expect(gap.status, gap.text).to.equal(200);
      const hiddenNumbered = await attempt(c.hidden!.ref, 'Section S');
      expect(hiddenNumbered.status, hiddenNumbered.text).to.equal(400);
      expect(hiddenNumbered).to.deep.equal(await attempt('C-000500', 'Section S'));
      expect(hiddenNumbered.text).to.include('no comment \\"<ID>\\" that you can see');
      // Another organisation's own IDs: as an ID nobody used.
      const hiddenOwn = await attempt('REC-SECRET-1');
      expect(hiddenOwn).to.deep.equal(await attempt('REC-NEVER-1'));
      for (const answer of [hiddenNumbered, hiddenOwn]) {
        expect(answer.text).to.not.include('Bob secret');
        expect(answer.text).to.not.include(c.hidden!.id);
      }
      expect((await comment(c.hidden!.id)).status).to.equal('open');
    });
  });
}

/** soffice that can open and save spreadsheets (the Calc component), or why not. */
async function spreadsheetOffice(dir: string): Promise<string | null> {
  const probe = join(dir, 'probe.csv');
  await writeFile(probe, 'a,b\r\n1,2\r\n');
  try {
    await promisify(execFile)(
      'soffice',
      ['--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'probe'), probe],
      { timeout: 60_000 },
    );
    await readFile(join(dir, 'probe', 'probe.xlsx'));
    return null;
  } catch (err) {
    return `LibreOffice Calc is not available (${(err as Error).message.split('\n')[0]})`;
  }
}

/** Opens a file in LibreOffice and saves it again as `format`, headless, as a user would. */
async function resaveWithLibreOffice(dir: string, name: string, bytes: Buffer, format: string) {
  const input = join(dir, name);
  const outDir = join(dir, `out-${format}-${name}`);
  await writeFile(input, bytes);
  await promisify(execFile)(
    'soffice',
    ['--headless', '--convert-to', format, '--outdir', outDir, input],
    { timeout: 120_000 },
  );
  return readFile(join(outDir, name.replace(/\.\w+$/, `.${format}`)));
}

describe('the comment log through LibreOffice, a spreadsheet nobody here wrote (sqlite)', function () {
  this.timeout(240_000);
  let server: TestServer;
  let bsc: Signed;
  let dir: string;
  let refs: { tenth: string; annex: string };
  const PRINTED_MORE = 40;
  const rows = 3 + PRINTED_MORE;

  before(async function () {
    dir = await mkdtemp(join(tmpdir(), 'm6-libreoffice-'));
    const missing = await spreadsheetOffice(dir);
    if (missing) {
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
    server = await startTestServer({ dialect: 'sqlite' });
    bsc = await server.signedIn('code_body', { code: 'BSC' });
    const programme = await server.signedIn('programme');
    const alice = await server.signedIn('participant');
    const s = await artefactId(server, programme.token, 'Section S');
    await publish(server, bsc, s, NUMBERED_SECTION);
    await openConsultation(server, programme.token, [s]);
    const post = async (clauseRef: string, body: string) =>
      (
        (await postComment(server, alice.token, s, { clauseRef, body })).body.data as {
          ref: string;
        }
      ).ref;
    refs = {
      tenth: await post('2.10', 'Clause 2.10: "shall" or "may"?\nSecond line.'),
      annex: await post('Annex X-1', '=SUM(1,1) is not a formula here.'),
    };
    await post('2.100', 'Clause 2.100 too.');
    // Enough long rows for the printed log to run to more pages.
    for (let i = 1; i <= PRINTED_MORE; i++)
      await post(
        `2.${i}`,
        `Point ${i}: ${'The Supplier shall register each Metering System. '.repeat(6)}`,
      );
  });
  after(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a CSV that LibreOffice opened and saved, clause refs and decisions intact', async () => {
    const cells = csvCells(await download(server, bsc.token, 'csv'));
    editCsv(cells, refs.tenth, { Status: 'Accepted', 'Code body response': 'Agreed.' });
    const resaved = await resaveWithLibreOffice(dir, 'log.csv', csvFile(cells), 'csv');
    const res = await upload(server, bsc.token, resaved, 'text/csv');
    expect(res.status, res.text).to.equal(200);
    expect(res.body.data.updated).to.deep.equal([{ row: 2, ref: refs.tenth, status: 'accepted' }]);
    expect(res.body.data.unchanged).to.have.length(rows - 1);
  });

  it('imports an XLSX that LibreOffice opened and saved: every row as it was', async () => {
    const resaved = await resaveWithLibreOffice(
      dir,
      'log.xlsx',
      await download(server, bsc.token, 'xlsx'),
      'xlsx',
    );
    const res = await upload(server, bsc.token, resaved, XLSX);
    expect(res.status, res.text).to.equal(200);
    expect(res.body.data.updated).to.deep.equal([]);
    expect(res.body.data.unchanged).to.have.length(rows);
  });

  it('prints the XLSX as A4 landscape pages fitted to the width, the header row on each', async () => {
    const pdf = await resaveWithLibreOffice(
      dir,
      'print.xlsx',
      await download(server, bsc.token, 'xlsx'),
      'pdf',
    );
    const text = pdf.toString('latin1');
    // A4 landscape: 842 x 595 points.
    expect(text).to.match(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
    // Every column on the page (fitted to the width), and the header again on the second page.
    await writeFile(join(dir, 'print.pdf'), pdf);
    const run = promisify(execFile);
    const pages = (await run('pdftotext', ['-layout', join(dir, 'print.pdf'), '-'])).stdout.split(
      '\f',
    );
    expect(pages.length - 1).to.be.at.least(2);
    for (const page of pages.slice(0, 2)) {
      const [header = ''] = page.split('\n');
      expect(header.trim().split(/\s+/)[0]).to.equal('ID');
      expect(header.trim().split(/\s+/).at(-1)).to.equal('Revision');
    }
  });
});
