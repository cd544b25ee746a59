import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { createOrganisation } from '../../../server/commands/createOrganisation.js';
import { COMMENT_LOG_COLUMNS, parseLogDate } from '../../../server/domain/commentLog/index.js';
import { testDialects } from '../../helpers/db.js';
import {
  artefactId,
  openConsultation,
  postComment,
  publish,
  SAMPLE_SECTION,
} from '../../helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from '../../helpers/server.js';
import { crc32 } from 'node:zlib';
import { exportsRunning } from '../../../server/routes/commentLog/index.js';
import { lyingBomb, xlsxWith, zeros } from '../../helpers/zipArchive.js';
import { readZipEntries, readZipEntry } from '../../../server/lib/zipReader.js';

type Signed = TestUser & { token: string };
type Row = Record<string, string>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [...COMMENT_LOG_COLUMNS];
const DIC = 'Data Specification: Data Item Catalogue';
const DIC_SECTION = ['1. PURPOSE', '', '1.1 This catalogue lists every data item.'].join('\n');

async function download(server: TestServer, token: string, query: string) {
  const res = await fetch(`${server.url}/api/comments/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(server: TestServer, token: string, body: string | Buffer, type: string) {
  const res = await fetch(`${server.url}/api/comments/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: json };
}

function parseCsv(bytes: Buffer): { bom: boolean; header: string[]; rows: Row[] } {
  const text = bytes.toString('utf8');
  const [header = [], ...records] = parse(text, { bom: true }) as string[][];
  return {
    bom: text.startsWith('\uFEFF'),
    header,
    rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
  };
}

/** A comment log as CSV text: the header, then one line per row (missing cells blank). */
function csvOf(rows: Partial<Row>[], header: string[] = HEADER): string {
  return stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
}

async function xlsxOf(rows: Partial<Row>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Comments received');
  sheet.addRow(['Industry comment log: MHHS M6']); // a title row above the header
  sheet.addRow(HEADER.map((h) => h.toUpperCase()));
  for (const r of rows) sheet.addRow(HEADER.map((h) => r[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

for (const dialect of testDialects()) {
  describe(`comment log export and import (${dialect})`, () => {
    let server: TestServer;
    let bsc: Signed;
    let rec: Signed;
    let programme: Signed;
    let alice: Signed; // participant, organisation A
    let bob: Signed; // participant, organisation B
    let aliceOrg: string;
    let bobOrg: string;
    let s: string; // Section S (BSC)
    let dic: string; // REC Data Specification: Data Item Catalogue
    const refs = { formula: '', aliceSecret: '', bobSecret: '', dic: '' };

    const comments = async (token: string, query = '') => {
      const res = await server.api(`/api/comments?limit=200&${query}`, { token });
      expect(res.status).to.equal(200);
      return res.body.data as {
        ref: string;
        status: string;
        body: string;
        clauseRef: string;
        [key: string]: unknown;
      }[];
    };
    const countAll = async () =>
      Number(
        (
          await server.db.kysely
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const orgName = async (id: string | null) =>
      (
        await server.db.kysely
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', id ?? '')
          .executeTakeFirstOrThrow()
      ).name;

    before(async () => {
      server = await startTestServer({ dialect });
      bsc = await server.signedIn('code_body', { code: 'BSC' });
      rec = await server.signedIn('code_body', { code: 'REC' });
      programme = await server.signedIn('programme');
      alice = await server.signedIn('participant');
      bob = await server.signedIn('participant');
      aliceOrg = await orgName(alice.organisationId);
      bobOrg = await orgName(bob.organisationId);
      s = await artefactId(server, programme.token, 'Section S');
      dic = (await server.api('/api/artefacts/rec-data-item-catalogue', { token: alice.token }))
        .body.data.id;
      await publish(server, bsc, s);
      await publish(server, rec, dic, DIC_SECTION);
      await openConsultation(server, programme.token, [s, dic]);

      const post = async (token: string, id: string, input: Record<string, unknown>) => {
        const res = await postComment(server, token, id, input);
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        return res.body.data as { id: string; ref: string };
      };
      const formula = await post(alice.token, s, {
        body: '=HYPERLINK("http://evil.example","click")',
        proposedText: '-1 day',
        severity: 'high',
        category: 'legal',
      });
      refs.formula = formula.ref;
      refs.aliceSecret = (
        await post(alice.token, s, { body: 'Alice confidential', confidential: true })
      ).ref;
      refs.bobSecret = (
        await post(bob.token, s, { body: 'Bob confidential', confidential: true })
      ).ref;
      refs.dic = (await post(bob.token, dic, { clauseRef: '1.1', body: 'Add units.' })).ref;
      const triage = await server.api(`/api/comments/${formula.id}/triage`, {
        token: bsc.token,
        body: { status: 'rejected', response: 'Not a drafting point.\nSee CR053.', revision: 1 },
      });
      expect(triage.status, JSON.stringify(triage.body)).to.equal(200);
    });
    after(() => server.close());

    describe('export', () => {
      it('writes CSV: BOM, headers, labels, decisions and formula escaping', async () => {
        const res = await download(server, programme.token, 'format=csv');
        expect(res.status).to.equal(200);
        expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).to.match(
          /^attachment; filename="m6-comment-log-\d{4}-\d{2}-\d{2}\.csv"$/,
        );
        expect(res.headers.get('cache-control')).to.equal('no-store');
        const csv = parseCsv(res.bytes);
        expect(csv.bom).to.equal(true);
        expect(csv.header).to.deep.equal(HEADER);
        expect(csv.rows.map((r) => r.ID)).to.have.members([
          refs.formula,
          refs.aliceSecret,
          refs.bobSecret,
          refs.dic,
        ]);
        const row = csv.rows.find((r) => r.ID === refs.formula);
        expect(row).to.deep.equal({
          ID: refs.formula,
          Artefact: 'Section S',
          Version: 'v1',
          // Behind an apostrophe, as spreadsheets keep text that looks like a number.
          Clause: "'1.1.1",
          Quote: '',
          Category: 'Legal',
          Severity: 'High',
          Comment: `'=HYPERLINK("http://evil.example","click")`,
          'Proposed text': "'-1 day",
          Organisation: aliceOrg,
          'Raised by': row?.['Raised by'],
          'Raised on': row?.['Raised on'],
          Confidential: 'No',
          Status: 'Rejected',
          'Code body response': 'Not a drafting point.\nSee CR053.',
          Change: '',
          Action: '',
          'Decided by': row?.['Decided by'],
          'Decided at': row?.['Decided at'],
          Revision: '2',
        });
        expect(row?.['Raised by']).to.match(/^Test participant/);
        // London wall-clock time, to the minute.
        expect(row?.['Raised on']).to.match(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        expect(row?.['Decided at']).to.match(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        expect(csv.rows.find((r) => r.ID === refs.aliceSecret)?.Confidential).to.equal('Yes');
        expect(row?.['Decided by']).to.match(/^Test code_body/);
        const decidedAt = parseLogDate(row?.['Decided at'] ?? '', new Date()) ?? '';
        // Written to the minute.
        expect(Date.now() - Date.parse(decidedAt)).to.be.within(0, 120_000);
        const dicRow = csv.rows.find((r) => r.ID === refs.dic);
        expect(dicRow).to.include({ Artefact: DIC, Organisation: bobOrg, Status: 'Open' });
        expect(dicRow).to.include({ 'Code body response': '', 'Decided by': '', 'Decided at': '' });
      });

      it("never gives a participant another organisation's confidential comment", async () => {
        const ids = (bytes: Buffer) => parseCsv(bytes).rows.map((r) => r.ID);
        const mine = ids((await download(server, alice.token, 'format=csv')).bytes);
        expect(mine).to.include.members([refs.formula, refs.aliceSecret, refs.dic]);
        expect(mine).to.not.include(refs.bobSecret);
        const xlsx = await readXlsx((await download(server, alice.token, 'format=xlsx')).bytes);
        const column = xlsx.getWorksheet('Comment log')?.getColumn(1).values ?? [];
        expect(column).to.include(refs.aliceSecret);
        expect(column).to.not.include(refs.bobSecret);
        // A code body of another code sees only the public ones on this BSC artefact.
        const byRec = ids((await download(server, rec.token, `format=csv&artefactId=${s}`)).bytes);
        expect(byRec).to.have.members([refs.formula]);
      });

      it('runs at most two exports per user at once: the third is told to retry (429)', async () => {
        // Two exports of alice's hold their places, as long ones would.
        const held = [exportsRunning.tryEnter(alice.id), exportsRunning.tryEnter(alice.id)];
        try {
          expect(held.every(Boolean)).to.equal(true);
          const third = await download(server, alice.token, 'format=csv');
          expect(third.status).to.equal(429);
          expect(third.headers.get('retry-after')).to.equal('10');
          expect(JSON.parse(third.bytes.toString('utf8')).error).to.include({
            code: 'too_many_requests',
            message: 'You already have 2 exports running; try again when one has finished',
          });
          // Nobody else is held up.
          expect((await download(server, bob.token, 'format=csv')).status).to.equal(200);
        } finally {
          for (const release of held) release?.();
        }
        // Each export gives its place back when it finishes.
        for (let i = 0; i < 3; i++) {
          expect((await download(server, alice.token, 'format=xlsx')).status).to.equal(200);
        }
      });

      it('applies the queue filters', async () => {
        const res = await download(server, programme.token, 'status=rejected');
        expect(parseCsv(res.bytes).rows.map((r) => r.ID)).to.deep.equal([refs.formula]);
        const byCode = await download(server, programme.token, 'code=rec&format=csv');
        expect(parseCsv(byCode.bytes).rows.map((r) => r.ID)).to.deep.equal([refs.dic]);
        const bad = await server.api('/api/comments/export?format=pdf', { token: alice.token });
        expect(bad.status).to.equal(400);
        expect(bad.body.error.message).to.match(/^query\.format/);
        expect((await server.api('/api/comments/export')).status).to.equal(401);
      });

      it('writes XLSX: one bold, frozen "Comment log" sheet, wrapped, typed cells', async () => {
        const res = await download(server, programme.token, 'format=xlsx&artefactId=bsc-section-s');
        expect(res.status).to.equal(200);
        expect(res.headers.get('content-type')).to.equal(XLSX);
        expect(res.headers.get('content-disposition')).to.match(
          /^attachment; filename="m6-comment-log-\d{4}-\d{2}-\d{2}\.xlsx"$/,
        );
        const workbook = await readXlsx(res.bytes);
        expect(workbook.worksheets.map((w) => w.name)).to.deep.equal(['Comment log']);
        const sheet = workbook.worksheets[0]!;
        expect((sheet.getRow(1).values as unknown[]).slice(1)).to.deep.equal(HEADER);
        expect(sheet.getRow(1).getCell(1).font?.bold).to.equal(true);
        expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
        expect(sheet.getColumn(8).width).to.be.greaterThan(40);
        expect(sheet.rowCount).to.equal(4);
        const rows = new Map<string, ExcelJS.Row>();
        sheet.eachRow((r, n) => {
          if (n > 1) rows.set(String(r.getCell(1).value), r);
        });
        const row = rows.get(refs.formula)!;
        // A typed string cell is never a formula, so it is written as is.
        const cell = (r: ExcelJS.Row | undefined, column: (typeof HEADER)[number]) =>
          r?.getCell(HEADER.indexOf(column) + 1);
        expect(cell(row, 'Comment')?.value).to.equal('=HYPERLINK("http://evil.example","click")');
        expect(cell(row, 'Comment')?.alignment?.wrapText).to.equal(true);
        expect(cell(row, 'Organisation')?.value).to.equal(aliceOrg);
        expect(cell(row, 'Status')?.value).to.equal('Rejected');
        expect(cell(row, 'Code body response')?.value).to.equal(
          'Not a drafting point.\nSee CR053.',
        );
        expect(String(cell(row, 'Decided by')?.value)).to.match(/^Test code_body/);
        // Real dates, shown as UK dates: the cell holds London's wall clock.
        const decidedAt = cell(row, 'Decided at');
        expect(decidedAt?.value).to.be.instanceOf(Date);
        expect(decidedAt?.numFmt).to.equal('dd/mm/yyyy hh:mm');
        expect(cell(row, 'Raised on')?.value).to.be.instanceOf(Date);
        expect(cell(rows.get(refs.aliceSecret), 'Decided at')?.value).to.equal(null);
        // Refs are text cells formatted as text; the revision is a number.
        expect(cell(row, 'Clause')?.value).to.equal('1.1.1');
        expect(cell(row, 'Clause')?.numFmt).to.equal('@');
        expect(cell(row, 'Revision')?.value).to.equal(2);
      });

      it('writes XLSX that opens well outside Excel: row heights, named filter, named font, page setup', async () => {
        const res = await download(server, programme.token, 'format=xlsx');
        const workbook = await readXlsx(res.bytes);
        const sheet = workbook.worksheets[0]!;
        const font = sheet.getRow(1).getCell(1).font;
        expect(font).to.include({ name: 'Calibri', size: 11, bold: true });
        expect(sheet.getRow(2).getCell(8).font?.name).to.equal('Calibri');
        // Every row as high as its wrapped text, so that no spreadsheet overprints it: the
        // two-line response is two lines high at least, a one-line row one line.
        const heights = new Map<string, number>();
        sheet.eachRow((r, n) => {
          if (n > 1) heights.set(String(r.getCell(1).value), r.height);
        });
        expect(heights.get(refs.formula)).to.be.at.least(30);
        expect(heights.get(refs.aliceSecret)).to.be.within(15, 20);
        expect(sheet.autoFilter).to.equal(`A1:T${sheet.rowCount}`);
        expect(sheet.pageSetup).to.include({
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: '1:1',
        });
        // exceljs does not read _xlnm._FilterDatabase back: the workbook part is checked as written.
        const entry = readZipEntries(res.bytes).get('xl/workbook.xml')!;
        const part = readZipEntry(res.bytes, entry, 1_000_000).toString('utf8');
        expect(part).to.include(
          `<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Comment log&apos;!$A$1:$T$${sheet.rowCount}</definedName>`,
        );
      });
    });

    describe('import', () => {
      const validRows = (): Partial<Row>[] => [
        {
          ID: 'EXT-1',
          Artefact: 'Section S',
          Clause: '1.1.2',
          Category: 'Plain English',
          Severity: 'low',
          Comment: 'Say "shall" once.',
          Organisation: aliceOrg,
          Status: 'Accepted',
          'Code body response': 'Agreed, will redraft.',
          'Decided by': 'BSC drafting panel',
          'Decided at': '2025-01-15T10:00:00Z',
        },
        {
          Artefact: 'bsc-section-s',
          Clause: '2.1.1',
          Category: 'drafting',
          Comment: 'Raised at CDWG; no organisation.',
        },
        {
          ID: 'EXT-2',
          Artefact: DIC,
          Clause: '1.1',
          Category: 'consequential',
          Severity: 'HIGH',
          Comment: '@mention the owner',
          'Proposed text': "'=not a formula",
          Organisation: bobOrg,
          Status: 'deferred',
          'Code body response': 'Post-M6 work-off.',
        },
      ];

      it('imports a valid CSV as comments, decisions and audit events', async () => {
        const before = await countAll();
        const res = await upload(server, programme.token, csvOf(validRows()), 'text/csv');
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        expect(res.body.data).to.deep.include({
          updated: [],
          unchanged: [],
          notTheirs: [],
          total: 3,
        });
        expect(res.body.data.created.map((c: { row: number }) => c.row)).to.deep.equal([2, 3, 4]);
        expect(res.body.data.created[0]).to.deep.equal({ row: 2, ref: 'EXT-1' });
        expect(await countAll()).to.equal(before + 3);

        const listed = await comments(programme.token, `artefactId=${s}&status=accepted,open`);
        const ext1 = listed.find((c) => c.ref === 'EXT-1');
        expect(ext1).to.include({
          clauseRef: '1.1.2',
          category: 'plain-english',
          severity: 'low',
          status: 'accepted',
          confidential: false,
          response: 'Agreed, will redraft.',
          decidedBy: 'BSC drafting panel',
          decidedAt: '2025-01-15T10:00:00.000Z',
        });
        expect(ext1?.organisation).to.deep.equal({ id: alice.organisationId, name: aliceOrg });
        // The importer is not the author: the log names nobody, so no name is shown as raiser.
        expect(ext1).to.include({ author: null, raisedBy: null, imported: true });
        const derived = listed.find((c) => c.body === 'Raised at CDWG; no organisation.');
        expect(derived?.ref).to.match(/^IMP-[0-9a-f]{10}$/);
        expect(derived).to.include({ severity: 'medium', status: 'open', organisation: null });

        // The queue's counts include the imported comments.
        const queue = await server.api(`/api/comments?artefactId=${s}&limit=200`, {
          token: programme.token,
        });
        const recount: Record<string, number> = {};
        for (const c of queue.body.data as { status: string }[])
          recount[c.status] = (recount[c.status] ?? 0) + 1;
        expect(queue.body.counts).to.deep.equal(recount);

        const one = await server.api('/api/comments/EXT-1', { token: alice.token });
        expect(one.body.data.decisions).to.have.length(1);
        expect(one.body.data.decisions[0]).to.deep.include({
          fromStatus: 'open',
          status: 'accepted',
          decidedBy: { id: programme.id, name: 'BSC drafting panel' },
          decidedAt: '2025-01-15T10:00:00.000Z',
        });
        const ext2 = await server.api('/api/comments/EXT-2', { token: rec.token });
        expect(ext2.body.data).to.include({
          status: 'deferred',
          severity: 'high',
          body: '@mention the owner',
          proposedText: '=not a formula',
        });
        // No "Decided by": the importer; no "Decided at": the import time.
        expect(ext2.body.data.decidedBy).to.match(/^Test programme/);
        expect(Date.now() - Date.parse(ext2.body.data.decidedAt)).to.be.within(0, 60_000);

        const audit = await server.api(`/api/audit?entity=comment&entityId=EXT-1`, {
          token: programme.token,
        });
        expect(audit.body.data.map((e: { action: string }) => e.action)).to.deep.equal([
          'comment.import',
        ]);
      });

      it('creates nothing when the same file is imported again: the programme decides none of them', async () => {
        const before = await countAll();
        const res = await upload(server, programme.token, csvOf(validRows()), 'text/csv');
        expect(res.status).to.equal(200);
        expect(res.body.data).to.deep.include({
          created: [],
          updated: [],
          unchanged: [],
          total: 3,
        });
        const notTheirs = res.body.data.notTheirs as {
          ref: string;
          code: string;
          changed: boolean;
        }[];
        expect(notTheirs.map((r) => r.ref)).to.include.members(['EXT-1', 'EXT-2']);
        expect(notTheirs.map((r) => [r.code, r.changed])).to.deep.equal([
          ['BSC', false],
          ['BSC', false],
          ['REC', false],
        ]);
        expect(await countAll()).to.equal(before);
      });

      it('imports an XLSX workbook, header below a title row, for a code body on its own code', async () => {
        const file = await xlsxOf([
          {
            ID: 'BSC-LOG-1',
            Artefact: 'section s',
            Clause: '1.1',
            Category: 'design-mismatch',
            Comment: 'Does not match the design.',
            Organisation: bobOrg,
            Status: 'rejected',
            'Code body response': 'It does.',
          },
          {
            ID: 'BSC-LOG-2',
            Artefact: 'Section S',
            Clause: '1',
            Category: 'other',
            Comment: 'General point.',
            Organisation: '',
          },
        ]);
        const res = await upload(server, bsc.token, file, XLSX);
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        expect(res.body.data).to.deep.equal({
          created: [
            { row: 3, ref: 'BSC-LOG-1' },
            { row: 4, ref: 'BSC-LOG-2' },
          ],
          updated: [],
          unchanged: [],
          notTheirs: [],
          total: 2,
        });
        const listed = await comments(bsc.token, 'status=rejected');
        expect(listed.find((c) => c.ref === 'BSC-LOG-1')).to.include({
          clauseRef: '1.1',
          response: 'It does.',
        });
        const again = await upload(server, bsc.token, file, XLSX);
        expect(again.body.data).to.deep.equal({
          created: [],
          updated: [],
          unchanged: [
            { row: 3, ref: 'BSC-LOG-1' },
            { row: 4, ref: 'BSC-LOG-2' },
          ],
          notTheirs: [],
          total: 2,
        });
      });

      it('rejects the whole file, row by row, when any row is invalid', async () => {
        const before = await countAll();
        const rows: Partial<Row>[] = [
          {
            ID: 'GOOD-1',
            Artefact: 'Section S',
            Clause: '1.1.1',
            Category: 'legal',
            Comment: 'Fine.',
          },
          {
            ID: 'BAD-1',
            Artefact: 'Data Specification',
            Clause: '1.1.1',
            Category: 'legal',
            Comment: 'Which one?',
          },
          {
            ID: 'BAD-2',
            Artefact: 'Section S',
            Clause: '7.7',
            Category: 'spelling',
            Severity: 'urgent',
            Comment: '',
            Organisation: 'Nobody Ltd',
            Status: 'rejected',
          },
          {
            ID: 'GOOD-2',
            Artefact: 'Section S',
            Clause: '1.1.2',
            Category: 'other',
            Comment: 'Ok.',
          },
          {
            ID: 'BAD-3',
            Artefact: 'Section S',
            Clause: '1',
            Category: 'other',
            Comment: 'x',
            Status: 'withdrawn',
          },
        ];
        const res = await upload(server, programme.token, csvOf(rows), 'text/csv; charset=utf-8');
        expect(res.status).to.equal(400);
        expect(res.body.error.code).to.equal('invalid_request');
        expect(res.body.error.message).to.equal('8 problems in 3 rows; nothing was imported');
        const details = res.body.error.details as {
          row: number;
          column: string;
          message: string;
        }[];
        expect(details.map((d) => [d.row, d.column])).to.deep.equal([
          [3, 'Artefact'],
          [4, 'Clause'],
          [4, 'Category'],
          [4, 'Severity'],
          [4, 'Comment'],
          [4, 'Organisation'],
          [4, 'Code body response'],
          [6, 'Status'],
        ]);
        expect(details[0]?.message).to.include('names 4 artefacts');
        expect(details[1]?.message).to.equal(
          'clause "7.7" does not exist in version v1 of Section S',
        );
        expect(await countAll()).to.equal(before);
        expect(
          (await server.api('/api/comments/GOOD-1', { token: programme.token })).status,
        ).to.equal(404);
      });

      it("refuses a BSC code-body user's row for a REC artefact, naming it", async () => {
        const file = csvOf([
          { Artefact: 'Section S', Clause: '1.1.1', Category: 'legal', Comment: 'BSC row' },
          { Artefact: DIC, Clause: '1.1', Category: 'legal', Comment: 'REC row' },
        ]);
        const res = await upload(server, bsc.token, file, 'text/csv');
        expect(res.status).to.equal(400);
        expect(res.body.error.details).to.deep.equal([
          {
            row: 3,
            column: 'Artefact',
            message:
              'Data Specification: Data Item Catalogue is a REC artefact; you may import comments only on BSC artefacts',
          },
        ]);
        expect((await comments(programme.token)).some((c) => c.body === 'BSC row')).to.equal(false);
      });

      it('is for programme and code bodies only (403)', async () => {
        const file = csvOf(validRows());
        for (const user of [alice, await server.signedIn('sro'), await server.signedIn('admin')]) {
          const res = await upload(server, user.token, file, 'text/csv');
          expect(res.status, user.role).to.equal(403);
          expect(res.body.error.code).to.equal('forbidden');
        }
      });

      it('answers a wrong content type with 415 and an unreadable file with 400', async () => {
        const json = await server.api('/api/comments/import', {
          token: programme.token,
          body: { rows: [] },
        });
        expect(json.status).to.equal(415);
        expect(json.body.error.code).to.equal('unsupported_media_type');
        expect(json.body.error.message).to.include('text/csv');
        const text = await upload(server, programme.token, csvOf(validRows()), 'text/plain');
        expect(text.status).to.equal(415);

        const corrupt = await upload(
          server,
          programme.token,
          Buffer.from('PK\u0003\u0004 not a zip'),
          XLSX,
        );
        expect(corrupt.status).to.equal(400);
        expect(corrupt.body.error.message).to.match(/^The file is not a readable \.xlsx workbook/);
        const csvAsXlsx = await upload(server, programme.token, csvOf(validRows()), XLSX);
        expect(csvAsXlsx.status).to.equal(400);
        const badCsv = await upload(server, programme.token, 'ID,Artefact\n"x"y,z\n', 'text/csv');
        expect(badCsv.status).to.equal(400);
        expect(badCsv.body.error.message).to.match(/^The CSV file could not be read/);
        const empty = await upload(server, programme.token, '', 'text/csv');
        expect(empty.status).to.equal(400);
      });

      it('reads a semicolon-separated Windows-1252 CSV, as some Excel locales save it', async () => {
        const text = [
          'ID;Artefact;Clause;Category;Comment;Organisation',
          'W-1;Section S;1.1.2;drafting;"Café costs £5; fine";',
        ].join('\r\n');
        const res = await upload(server, programme.token, Buffer.from(text, 'latin1'), 'text/csv');
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        const one = await server.api('/api/comments/W-1', { token: programme.token });
        expect(one.body.data.body).to.equal('Café costs £5; fine');
      });

      it('refuses zip bombs: a lying sheet (400), an honest giant (413), storing nothing', async () => {
        const before = await countAll();
        // 200 KB that inflates to 200 MB, its headers declaring 2,000 bytes.
        const lying = xlsxWith(lyingBomb('xl/worksheets/sheet1.xml', 200));
        const res = await upload(server, programme.token, lying, XLSX);
        expect(res.status).to.equal(400);
        expect(res.body.error.message).to.equal(
          'The file is not a readable .xlsx workbook: the part xl/worksheets/sheet1.xml unpacks to more than the 2,000 bytes its header declares',
        );
        // Declared honestly, 60 MB of sheet is refused before it is inflated.
        const size = 60 * 1024 * 1024;
        const honest = xlsxWith({
          name: 'xl/worksheets/sheet1.xml',
          data: zeros(60),
          method: 8,
          size,
          crc: crc32(Buffer.alloc(size)),
        });
        const large = await upload(server, programme.token, honest, XLSX);
        expect(large.status).to.equal(413);
        expect(large.body.error).to.deep.equal({
          code: 'payload_too_large',
          message:
            'The workbook is too large: the part xl/worksheets/sheet1.xml unpacks to more than 50 MB, the limit for one part',
        });
        const encrypted = xlsxWith({ ...lyingBomb('xl/worksheets/sheet1.xml', 1), flags: 1 });
        const locked = await upload(server, programme.token, encrypted, XLSX);
        expect(locked.status).to.equal(400);
        expect(locked.body.error.message).to.match(/sheet1\.xml is encrypted/);
        expect(await countAll()).to.equal(before);
        expect((await server.api('/api/health')).status).to.equal(200);
      });

      it('reads Windows-1252 smart quotes, euro and dashes as themselves', async () => {
        const row = Buffer.concat([
          Buffer.from('ID,Artefact,Clause,Category,Comment,Organisation\r\n', 'latin1'),
          Buffer.from('W-2,Section S,1.1.2,drafting,', 'latin1'),
          // “Fees” – €5 in Windows-1252: 0x93 Fees 0x94 0x96 0x80 5
          Buffer.from([0x93]),
          Buffer.from('Fees', 'latin1'),
          Buffer.from([0x94, 0x20, 0x96, 0x20, 0x80]),
          Buffer.from('5,\r\n', 'latin1'),
        ]);
        const res = await upload(server, programme.token, row, 'text/csv');
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        const one = await server.api('/api/comments/W-2', { token: programme.token });
        expect(one.body.data.body).to.equal('\u201cFees\u201d \u2013 \u20ac5');
      });

      it('refuses a cell with a control character, naming the row and column (400)', async () => {
        const before = await countAll();
        const rows = [
          { ...validRows()[1], Comment: 'Next line\u0085here' },
          { ...validRows()[1], Comment: 'Fine', 'Proposed text': 'nul \u0000 byte' },
        ];
        const res = await upload(server, programme.token, csvOf(rows), 'text/csv');
        expect(res.status).to.equal(400);
        expect(res.body.error.details).to.deep.equal([
          {
            row: 2,
            column: 'Comment',
            message:
              'contains the control character U+0085 at position 10; if the file was saved in another encoding, save it as UTF-8 CSV',
          },
          {
            row: 3,
            column: 'Proposed text',
            message:
              'contains the control character U+0000 at position 5; if the file was saved in another encoding, save it as UTF-8 CSV',
          },
        ]);
        expect(await countAll()).to.equal(before);
      });

      it('refuses a "Decided at" that is not a date or is in the future, naming it (400)', async () => {
        const before = await countAll();
        const decided = {
          Artefact: 'Section S',
          Clause: '1.1.1',
          Category: 'legal',
          Status: 'accepted',
          'Code body response': 'Agreed.',
        };
        const rows = [
          { ...decided, ID: 'D-1', Comment: 'One', 'Decided at': 'next Tuesday' },
          { ...decided, ID: 'D-2', Comment: 'Two', 'Decided at': '2999-01-01' },
        ];
        const res = await upload(server, programme.token, csvOf(rows), 'text/csv');
        expect(res.status).to.equal(400);
        expect(res.body.error.details).to.deep.equal([
          {
            row: 2,
            column: 'Decided at',
            message:
              '"next Tuesday" is not a date; write it as 2025-01-15 or 15/01/2025, a time may follow',
          },
          { row: 3, column: 'Decided at', message: '"2999-01-01" is in the future' },
        ]);
        expect(await countAll()).to.equal(before);
      });

      it("refuses an ID in this system's numbering far past its counter, leaving the counter alone", async () => {
        const counter = async () =>
          Number(
            (
              await server.db.kysely
                .selectFrom('counters')
                .select('value')
                .where('name', '=', 'comment')
                .executeTakeFirst()
            )?.value ?? 0,
          );
        const start = await counter();
        const row = { ...validRows()[1], Comment: 'Numbered far ahead.' };
        const res = await upload(
          server,
          programme.token,
          csvOf([{ ...row, ID: 'C-999999999' }]),
          'text/csv',
        );
        expect(res.status).to.equal(400);
        expect(res.body.error.details[0]).to.include({ row: 2, column: 'ID' });
        expect(res.body.error.details[0].message).to.match(
          /^"C-999999999" is in this system's numbering but far beyond the last number it issued/,
        );
        expect(await counter()).to.equal(start);
        // Within reach it keeps its number and the counter moves to it; other forms never move it.
        const near = `C-${String(start + 10).padStart(6, '0')}`;
        const fine = await upload(
          server,
          programme.token,
          csvOf([
            { ...row, ID: near },
            { ...row, ID: 'C-0000001', Comment: 'Padded past six digits: not the counter form.' },
            { ...row, ID: 'C-5', Comment: 'Not padded: not the counter form.' },
          ]),
          'text/csv',
        );
        expect(fine.status, JSON.stringify(fine.body)).to.equal(200);
        expect(await counter()).to.equal(start + 10);
      });

      it('names missing required columns (400), matching headers loosely', async () => {
        const res = await upload(
          server,
          programme.token,
          csvOf([{ ' artefact ': 'Section S' }], [' artefact ', 'CLAUSE', 'Remarks']),
          'text/csv',
        );
        expect(res.status).to.equal(400);
        expect(res.body.error.message).to.equal(
          'The file is missing the required columns Category, Comment, Organisation (looked for the header in row 1)',
        );
        expect(res.body.error.details).to.deep.equal({
          missing: ['Category', 'Comment', 'Organisation'],
        });
      });

      it('reads its own XLSX export back: dates as dates, every row already there', async () => {
        const exported = await download(server, programme.token, 'format=xlsx');
        const res = await upload(server, programme.token, exported.bytes, XLSX);
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        expect(res.body.data.created).to.deep.equal([]);
        expect(res.body.data.updated).to.deep.equal([]);
        expect(res.body.data.notTheirs).to.have.length(res.body.data.total);
      });

      it('answers a file over 10 MB with 413', async () => {
        const big = csvOf([{ Comment: 'x'.repeat(11 * 1024 * 1024) }]);
        const res = await upload(server, programme.token, big, 'text/csv');
        expect(res.status).to.equal(413);
        expect(res.body.error.code).to.equal('payload_too_large');
      });
    });

    describe('round trip', () => {
      let fresh: TestServer;
      after(() => fresh?.close());

      it('exports, then imports the same log into a fresh server unchanged', async () => {
        const exported = await download(server, programme.token, 'format=csv');
        const original = parseCsv(exported.bytes).rows;

        // SQLite whatever the first server's dialect: Kysely's migrator finds its lock table in any
        // schema, so a second PostgreSQL test database cannot be migrated while the first is open.
        // On PostgreSQL runs the round trip therefore crosses dialects.
        fresh = await startTestServer({ dialect: 'sqlite' });
        const freshBsc = await fresh.signedIn('code_body', { code: 'BSC' });
        const freshRec = await fresh.signedIn('code_body', { code: 'REC' });
        const freshProgramme = await fresh.signedIn('programme');
        for (const name of [aliceOrg, bobOrg]) {
          await createOrganisation(fresh.db, null, {
            name,
            kind: 'participant',
            marketRole: 'supplier',
          });
        }
        // The same artefact versions as the first server.
        const freshS = await artefactId(fresh, freshProgramme.token, 'Section S');
        await publish(fresh, freshBsc, freshS, SAMPLE_SECTION);
        await publish(fresh, freshRec, 'rec-data-item-catalogue', DIC_SECTION);

        const res = await upload(fresh, freshProgramme.token, exported.bytes, 'text/csv');
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        expect(res.body.data).to.deep.include({
          updated: [],
          unchanged: [],
          notTheirs: [],
          total: original.length,
        });
        expect(res.body.data.created).to.have.length(original.length);
        const back = parseCsv(
          (await download(fresh, freshProgramme.token, 'format=csv')).bytes,
        ).rows;
        const byId = (rows: Row[]) => [...rows].sort((a, b) => a.ID!.localeCompare(b.ID!));
        const decidedAt = (rows: Row[]) =>
          rows.map((r) => ({ ...r, 'Decided at': r['Decided at']?.slice(0, 19) }));
        expect(decidedAt(byId(back))).to.deep.equal(decidedAt(byId(original)));

        // Imported C- refs are reserved: the next system comment gets a new number.
        await openConsultation(fresh, freshProgramme.token, [freshS]);
        const participant = await fresh.signedIn('participant');
        const created = await postComment(fresh, participant.token, freshS);
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        expect(original.map((r) => r.ID)).to.not.include(created.body.data.ref);
      });
    });
  });
}

for (const dialect of testDialects()) {
  describe(`comment log at scale (${dialect})`, () => {
    const COUNT = 20_000;
    let server: TestServer;
    let programme: Signed;
    before(async () => {
      server = await startTestServer({ dialect });
      programme = await server.signedIn('programme');
      const bsc = await server.signedIn('code_body', { code: 'BSC' });
      const s = await artefactId(server, programme.token, 'Section S');
      const version = await publish(server, bsc, s);
      const now = new Date().toISOString();
      const rows = Array.from({ length: COUNT }, (_, i) => ({
        id: `bulk-${i}`,
        ref: `C-${String(i + 1).padStart(6, '0')}`,
        artefactId: s,
        versionId: version.id,
        clauseRef: '1.1.1',
        quote: null,
        category: 'drafting' as const,
        severity: 'medium' as const,
        severityRank: 2,
        body: `Comment ${i}: the drafting of this clause could be clearer, "for example", here.`,
        proposedText: i % 3 ? null : 'Replace with plainer words.',
        confidential: 0,
        authorId: programme.id,
        organisationId: null,
        status: 'open' as const,
        revision: 1,
        response: null,
        decidedByName: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await server.db.kysely
          .insertInto('comments')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    });
    after(() => server.close());

    for (const format of ['csv', 'xlsx'] as const) {
      it(`exports ${COUNT.toLocaleString('en-GB')} comments as ${format}`, async () => {
        const res = await download(server, programme.token, `format=${format}`);
        expect(res.status).to.equal(200);
        if (format === 'csv') expect(parseCsv(res.bytes).rows).to.have.length(COUNT);
        else expect((await readXlsx(res.bytes)).worksheets[0]?.rowCount).to.equal(COUNT + 1);
      });
    }
  });
}
