import { expect } from 'chai';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { renderDocumentHtml } from '../../../server/domain/markdown.js';
import { AppError } from '../../../server/errors.js';
import { docxToMarkdown, type DocxUpload } from '../../../server/lib/docxToMarkdown.js';
import {
  DOCX_TYPE,
  HeadingLevel,
  NUMBERING,
  TextRun,
  buildDocx,
  heading,
  numbered,
  para,
  sampleDocx,
  table,
} from '../../helpers/docx.js';

const upload = (buffer: Buffer, originalname = 'section-s.docx', mimetype = DOCX_TYPE) =>
  ({ buffer, originalname, mimetype }) satisfies DocxUpload;

const convert = async (buffer: Buffer) => (await docxToMarkdown(upload(buffer))).markdown;
const refsOf = (markdown: string) => parseClauses(markdown).clauses.map((c) => c.ref);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the conversion to be rejected');
}

describe('docxToMarkdown', () => {
  it('keeps headings that carry their own numbers as ATX headings', async () => {
    const markdown = await convert(
      await buildDocx([
        heading('BSCP999: Test Procedure', HeadingLevel.TITLE),
        heading('1 General', HeadingLevel.HEADING_1),
        para('1.1.1 The first obligation.'),
        heading('1.2 Purpose', HeadingLevel.HEADING_2),
        para('1.2.1 The purpose.'),
      ]),
    );
    expect(markdown).to.match(/^# BSCP999: Test Procedure$/m);
    expect(markdown).to.match(/^# 1 General$/m);
    expect(markdown).to.match(/^## 1\.2 Purpose$/m);
    const doc = parseClauses(markdown);
    expect(doc.title).to.equal('BSCP999: Test Procedure');
    expect(doc.clauses.map((c) => [c.ref, c.heading])).to.deep.equal([
      ['1', 'General'],
      ['1.1.1', null],
      ['1.2', 'Purpose'],
      ['1.2.1', null],
    ]);
  });

  it("writes Word's multilevel numbering (%1. / %1.%2 / %1.%2.%3, lettered items) into clause refs", async () => {
    const markdown = await convert(await sampleDocx());
    expect(markdown).to.match(/^1\\?\. GENERAL$/m);
    expect(markdown).to.match(/^1\.1 Introduction$/m);
    expect(markdown).to.match(/^\(a\) the allocation of volumes; and$/m);
    // The list continues after the table, as Word numbers it.
    expect(refsOf(markdown)).to.deep.equal([
      '1',
      '1.1',
      '1.1.1',
      '1.1.1(a)',
      '1.1.1(b)',
      '1.1.2',
      '2',
    ]);
    expect(markdown).to.not.match(/^\s*\d+\.\s{2,}/m); // no Markdown ordered list is left
  });

  it('numbers a plain list beneath the clause number it follows, and restarts under the next', async () => {
    const markdown = await convert(
      await buildDocx([
        heading('3 Settlement', HeadingLevel.HEADING_1),
        numbered('simple', 0, 'The SVAA shall run the settlement.'),
        numbered('simple', 1, 'It shall publish the results.'),
        numbered('simple', 0, 'The BSCCo shall monitor it.'),
        numbered('letters', 0, 'daily; and'),
        numbered('letters', 0, 'monthly.'),
        heading('4 Disputes', HeadingLevel.HEADING_1),
        numbered('simple', 0, 'A dispute may be raised.'),
        numbered('bullets', 0, 'a bullet stays a bullet'),
      ]),
    );
    expect(refsOf(markdown)).to.deep.equal([
      '3',
      '3.1',
      '3.1.1',
      '3.2',
      '3.2(a)',
      '3.2(b)',
      '4',
      '4.1',
    ]);
    expect(markdown).to.match(/^\(a\) daily; and$/m);
    expect(markdown).to.match(/^- +a bullet stays a bullet$/m);
  });

  it('numbers headings and body paragraphs whose styles carry the numbering (inherited too)', async () => {
    const styled = new Document({
      numbering: NUMBERING,
      styles: {
        paragraphStyles: [
          {
            id: 'Heading1',
            name: 'Heading 1',
            basedOn: 'Normal',
            paragraph: { numbering: { reference: 'legal', level: 0 } },
          },
          {
            id: 'Heading2',
            name: 'Heading 2',
            basedOn: 'Normal',
            paragraph: { numbering: { reference: 'legal', level: 1 } },
          },
          {
            id: 'Clause',
            name: 'Clause',
            basedOn: 'Normal',
            paragraph: { numbering: { reference: 'legal', level: 2 } },
          },
          { id: 'ClauseNote', name: 'Clause Note', basedOn: 'Clause' },
        ],
      },
      sections: [
        {
          children: [
            heading('General', HeadingLevel.HEADING_1),
            heading('Scope', HeadingLevel.HEADING_2),
            new Paragraph({ text: 'The first clause.', style: 'Clause' }),
            new Paragraph({ text: 'A clause in a derived style.', style: 'ClauseNote' }),
            heading('Definitions', HeadingLevel.HEADING_1),
          ],
        },
      ],
    });
    const markdown = await convert(await Packer.toBuffer(styled));
    expect(markdown).to.match(/^# 1 General$/m);
    expect(markdown).to.match(/^## 1\.1 Scope$/m);
    expect(refsOf(markdown)).to.deep.equal(['1', '1.1', '1.1.1', '1.1.2', '2']);
  });

  it('keeps the number already typed into a numbered paragraph', async () => {
    const markdown = await convert(
      await buildDocx([
        numbered('legal', 0, 'GENERAL'),
        numbered('legal', 1, '1.5 Typed by hand'),
        numbered('legal', 2, 'Beneath it.'),
      ]),
    );
    expect(refsOf(markdown)).to.deep.equal(['1', '1.5', '1.5.1']);
  });

  it('keeps a table as a Markdown pipe table, first row as its header', async () => {
    const markdown = await convert(
      await buildDocx([
        para('Runs are listed below.'),
        table([
          ['Service', 'Run'],
          ['Interim | Initial', 'II'],
          ['Final Reconciliation', 'RF'],
        ]),
      ]),
    );
    const lines = markdown.split('\n');
    const at = lines.indexOf('| Service | Run |');
    expect(at, markdown).to.be.greaterThan(-1);
    expect(lines.slice(at, at + 4)).to.deep.equal([
      '| Service | Run |',
      '| --- | --- |',
      '| Interim \\| Initial | II |',
      '| Final Reconciliation | RF |',
    ]);
    const html = renderDocumentHtml(parseClauses(markdown));
    expect(html).to.include('<table>');
    expect(html).to.include('<td>Interim | Initial</td>');
  });

  it('keeps bold and italic', async () => {
    const markdown = await convert(
      await buildDocx([
        numbered('legal', 0, 'GENERAL'),
        numbered('legal', 1, [
          new TextRun('Parties '),
          new TextRun({ text: 'shall', bold: true }),
          new TextRun(' act in '),
          new TextRun({ text: 'good faith', italics: true }),
          new TextRun('.'),
        ]),
      ]),
    );
    expect(markdown).to.include('**shall**');
    expect(markdown).to.include('_good faith_');
    const html = renderDocumentHtml(parseClauses(markdown));
    expect(html).to.include('<strong>shall</strong>');
    expect(html).to.include('<em>good faith</em>');
  });

  it('rejects a corrupt file: truncated, or damaged inside', async () => {
    const docx = await sampleDocx();
    const truncated = await rejection(docxToMarkdown(upload(docx.subarray(0, docx.length / 2))));
    expect(truncated.status).to.equal(400);
    expect(truncated.message).to.match(/^The Word document could not be read: /);

    const damaged = Buffer.from(docx);
    for (let i = 200; i < damaged.length - 200; i += 7) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    const garbled = await rejection(docxToMarkdown(upload(damaged)));
    expect(garbled.status).to.equal(400);
    expect(garbled.message).to.match(/^The Word document could not be read: |not a Word \.docx/);
  });

  it('rejects a zip that is not a Word document (an Excel workbook renamed .docx)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Log').addRow(['not', 'a', 'document']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const err = await rejection(docxToMarkdown(upload(xlsx)));
    expect(err.status).to.equal(400);
    expect(err.message).to.equal('The upload is not a Word .docx file');
  });

  it('rejects other bytes, the wrong extension and the wrong media type', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const docx = await sampleDocx();
    for (const file of [
      upload(png),
      upload(docx, 'section-s.pdf'),
      upload(docx, 'section-s.doc', 'application/msword'),
      upload(docx, 'section-s.docx', 'image/png'),
    ]) {
      const err = await rejection(docxToMarkdown(file));
      expect(err.status, file.originalname).to.equal(400);
      expect(err.message).to.equal('The upload is not a Word .docx file');
    }
    // A generic media type, as command-line clients send, is fine.
    const generic = await docxToMarkdown(upload(docx, 'S.DOCX', 'application/octet-stream'));
    expect(generic.markdown).to.include('GENERAL');
  });

  it('rejects a document without text', async () => {
    const err = await rejection(docxToMarkdown(upload(await buildDocx([para('')]))));
    expect(err.status).to.equal(400);
    expect(err.message).to.equal('The Word document has no text');
  });

  it("keeps mammoth's warnings out of the Markdown and returns them for the log", async () => {
    const { markdown, warnings } = await docxToMarkdown(upload(await sampleDocx()));
    expect(warnings.join('\n')).to.include('List Paragraph');
    expect(markdown).to.not.include('List Paragraph');
  });
});
