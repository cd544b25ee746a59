// Issue 9 item 2, through the real server: uploads whose parts unpack to far more than they admit.
// A comment log (.xlsx) and a Word version (.docx) each with one part that declares 2,000 bytes and
// inflates to 3 GB, each with an honest 480 MB part, and a legitimate package of about 45 MB
// unpacked of each kind. Bombs must be refused (400/413) and no upload may take the server's memory
// more than 300 MB above what it held before (settled), while GET /api/health is polled every 10 ms.
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { createUser } from '../../server/commands/createUser.js';
import type { Db } from '../../server/db/database.js';
import { docxToMarkdown } from '../../server/lib/docxToMarkdown.js';
import {
  deflated,
  lyingBomb,
  replacePart,
  xlsxWith,
  zeros,
} from '../../test/helpers/zipArchive.js';
import { startBenchServer, type BenchServer } from './harness.js';
import { PROBE_COLUMNS, probe, probeRow, settle } from './probe.js';
import { seedComments } from './seedComments.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PROGRAMME = { email: 'bench-programme@example.org', password: 'bench-programme-pw' };
const PEAK_LIMIT_MB = 300;

const WORDS = (
  'the supplier shall ensure that its half hourly data collector complies with bscp502 in ' +
  'relation to each metering system and submits metered data to the settlement administration agent'
).split(' ');

function words(n: number): string {
  return Array.from({ length: n }, () => WORDS[crypto.randomInt(WORDS.length)]).join(' ');
}

/** A comment log of valid rows (Section S, clause 1.1.1), about `megabytes` MB unpacked. */
async function legitimateXlsx(megabytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Comment log');
  sheet.addRow(['ID', 'Artefact', 'Clause', 'Category', 'Comment', 'Organisation']).commit();
  const rows = Math.round((megabytes * 1024 * 1024) / 1090);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([`BENCH-${i}`, 'Section S', '1.1.1', 'drafting', words(90), '']).commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** A Word document of numbered paragraphs, with a large compressible drawing beside them. */
async function legitimateDocx(paragraphs: number, drawingMb: number): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: Array.from(
          { length: paragraphs },
          (_, i) => new Paragraph(`1.${i + 1} ${words(60)}.`),
        ),
      },
    ],
  });
  const docx = await Packer.toBuffer(document);
  // An uncompressed drawing (EMF-like): four byte values, so it deflates to about a quarter.
  const drawing = Buffer.from(crypto.randomBytes(drawingMb * 1024 * 1024).map((b) => b & 0x03));
  return replacePart(docx, deflated('word/media/image1.emf', drawing));
}

async function seed(db: Db): Promise<void> {
  await seedComments(db, 0);
  await createUser(db, null, { ...PROGRAMME, name: 'Bench Programme', role: 'programme' });
}

interface Answer {
  status: number;
  message: string;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let message = '';
  try {
    const body = JSON.parse(text) as { error?: { message?: string }; data?: unknown };
    message = body.error?.message ?? 'ok';
  } catch {
    message = text.slice(0, 100);
  }
  return { status: res.status, message: message.slice(0, 160) };
}

async function importLog(server: BenchServer, token: string, file: Buffer): Promise<Answer> {
  const res = await fetch(`${server.url}/api/comments/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
    body: file,
  });
  return answer(res);
}

async function publishMarkdown(server: BenchServer, body: string): Promise<Answer> {
  const res = await fetch(`${server.url}/api/artefacts/bsc-section-s/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label: `bench-${++labels}`, body }),
  });
  return answer(res);
}

let labels = 0;
async function publishDocx(server: BenchServer, file: Buffer): Promise<Answer> {
  const form = new FormData();
  form.append('label', `bench-${++labels}`);
  form.append('file', new Blob([new Uint8Array(file)], { type: DOCX }), 'section-s.docx');
  const res = await fetch(`${server.url}/api/artefacts/bsc-section-s/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: form,
  });
  return answer(res);
}

export async function benchZipBomb(): Promise<boolean> {
  const legitXlsx = await legitimateXlsx(45);
  const legitDocx = await legitimateDocx(12_000, 40);
  const typicalDocx = await legitimateDocx(3_000, 44);
  const docx = await legitimateDocx(20, 0);
  const { markdown } = await docxToMarkdown({
    buffer: legitDocx,
    originalname: 'a.docx',
    mimetype: '',
  });
  const cases = [
    {
      name: 'xlsx: sheet declares 2,000 bytes, inflates to 3 GB',
      expect: [400, 413],
      file: xlsxWith(lyingBomb('xl/worksheets/sheet1.xml', 3072)),
      kind: 'xlsx',
    },
    {
      name: 'docx: word/footnotes.xml declares 2,000 bytes, inflates to 3 GB',
      expect: [400, 413],
      file: replacePart(docx, lyingBomb('word/footnotes.xml', 3072)),
      kind: 'docx',
    },
    {
      name: 'xlsx: an honest 480 MB sheet',
      expect: [413],
      file: xlsxWith({ name: '', data: zeros(480), method: 8, size: 480 * 1024 * 1024 }),
      kind: 'xlsx',
    },
    {
      name: 'docx: an honest 480 MB word/footnotes.xml',
      expect: [413],
      file: replacePart(docx, {
        name: 'word/footnotes.xml',
        data: zeros(480),
        method: 8,
        size: 480 * 1024 * 1024,
      }),
      kind: 'docx',
    },
    { name: 'xlsx: a legitimate 45 MB log', expect: [200], file: legitXlsx, kind: 'xlsx' },
    {
      name: 'docx: a legitimate 45 MB document, 1.2 MB of text, 44 MB of drawing',
      expect: [201],
      file: typicalDocx,
      kind: 'docx',
    },
    {
      name: 'docx: a legitimate 45 MB document, 4.7 MB of text (5.3 MB of XML, near the limit)',
      expect: [201],
      file: legitDocx,
      kind: 'docx',
    },
    {
      name: 'for comparison: the same 4.7 MB of text published as Markdown (JSON, no upload)',
      expect: [201],
      file: Buffer.alloc(0),
      kind: 'markdown',
    },
  ];

  const server = await startBenchServer({ seed });
  try {
    const programme = await server.login(PROGRAMME.email, PROGRAMME.password);
    const idle = await probe(server.url, server.pid, () => new Promise((r) => setTimeout(r, 3000)));
    console.log('\n### Zip bombs and large packages (issue 9 item 2), health polled every 10 ms\n');
    console.log(`| upload ${PROBE_COLUMNS} file MB | answer |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(probeRow('idle (baseline)', idle, idle, ['', '']));
    let met = true;
    for (const c of cases) {
      await settle(server.pid);
      const run = await probe(server.url, server.pid, () =>
        c.kind === 'xlsx'
          ? importLog(server, programme, c.file)
          : c.kind === 'docx'
            ? publishDocx(server, c.file)
            : publishMarkdown(server, markdown),
      );
      const ok = c.expect.includes(run.value.status) && run.peakMb - run.startMb < PEAK_LIMIT_MB;
      met &&= ok;
      const health = await fetch(`${server.url}/api/health`).catch(() => null);
      met &&= health?.ok === true;
      console.log(
        probeRow(c.name, run, idle, [
          (c.file.length / 1e6).toFixed(1),
          `${run.value.status} ${run.value.message}${ok ? '' : ' (NOT as required)'}`,
        ]),
      );
    }
    const held = (await settle(server.pid)) - idle.startMb;
    console.log(`\nHeld after all cases, settled: ${held.toFixed(0)} MB above idle.`);
    console.log(
      `Bombs refused, legitimate packages accepted, every upload's peak under ${PEAK_LIMIT_MB} MB above the memory the server held before it, server up: ${met ? 'met' : 'NOT met'}`,
    );
    return met;
  } finally {
    await server.stop();
  }
}
