import { expect } from 'chai';
import { crc32 } from 'node:zlib';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'docx';
import ExcelJS from 'exceljs';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { renderDocumentHtml } from '../../../server/domain/markdown.js';
import { AppError } from '../../../server/errors.js';
import { docxToMarkdown, type DocxUpload } from '../../../server/lib/docxToMarkdown.js';
import { runTask } from '../../../server/lib/offThread.js';
import {
  DOCX_TYPE,
  HeadingLevel,
  NUMBERING,
  TextRun,
  buildDocx,
  deleted,
  heading,
  inserted,
  numbered,
  para,
  revision,
  rewriteDocumentXml,
  sampleDocx,
  table,
  trackedNumbered,
  trackMoves,
} from '../../helpers/docx.js';
import { deflated, lyingBomb, replacePart, zeros } from '../../helpers/zipArchive.js';

const upload = (buffer: Buffer, originalname = 'section-s.docx', mimetype = DOCX_TYPE) =>
  ({ buffer, originalname, mimetype }) satisfies DocxUpload;

const convert = async (buffer: Buffer) => (await docxToMarkdown(upload(buffer))).markdown;
const refsOf = (markdown: string) => parseClauses(markdown).clauses.map((c) => c.ref);
const clausesOf = (markdown: string) =>
  parseClauses(markdown).clauses.map((c) => [c.ref, c.heading ?? c.text]);

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

  it('tells the uploader when a numbered paragraph could not be paired with its number', async () => {
    // mammoth reads a Wingdings symbol as a character, our reading of document.xml does not, so
    // the two readings of this paragraph differ and it cannot be given its number.
    const docx = await rewriteDocumentXml(
      await buildDocx([
        numbered('legal', 0, 'GENERAL'),
        numbered('legal', 1, 'See the arrow'),
        numbered('legal', 1, 'Scope'),
      ]),
      (xml) =>
        xml.replace(
          '<w:t xml:space="preserve">See the arrow</w:t>',
          '<w:t xml:space="preserve">See the arrow</w:t><w:sym w:font="Wingdings" w:char="F0E0"/>',
        ),
    );
    const { markdown, warnings } = await docxToMarkdown(upload(docx));
    expect(refsOf(markdown)).to.deep.equal(['1', '1.2']);
    expect(warnings).to.deep.equal([
      "1 numbered paragraph could not be paired with Word's list numbering; its number was left out.",
    ]);
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

  it('refuses a part that inflates to 200 MB while declaring 2,000 bytes (400), naming it', async () => {
    const bomb = replacePart(await sampleDocx(), lyingBomb('word/footnotes.xml', 200));
    const err = await rejection(docxToMarkdown(upload(bomb)));
    expect(err.status).to.equal(400);
    expect(err.message).to.equal(
      'The Word document could not be read: the part word/footnotes.xml unpacks to more than the 2,000 bytes its header declares',
    );
  });

  it('refuses a package over 50 MB unpacked, and XML over 6 MB unpacked (413), naming the part', async () => {
    const docx = await sampleDocx();
    const honest = (name: string, megabytes: number) => ({
      name,
      data: zeros(megabytes),
      method: 8,
      size: megabytes * 1024 * 1024,
      crc: crc32(Buffer.alloc(megabytes * 1024 * 1024)),
    });
    const huge = await rejection(
      docxToMarkdown(upload(replacePart(docx, honest('word/media/image1.emf', 60)))),
    );
    expect(huge.status).to.equal(413);
    expect(huge.message).to.equal(
      'The Word document is too large: the part word/media/image1.emf unpacks to more than 50 MB, the limit for one part',
    );
    const xml = await rejection(
      docxToMarkdown(upload(replacePart(docx, honest('word/footnotes.xml', 7)))),
    );
    expect(xml.status).to.equal(413);
    expect(xml.message).to.match(
      /^The Word document is too large: its XML parts \(word\/footnotes\.xml and those before it\) unpack to more than 6 MB together/,
    );
    // A large drawing is not XML: the document converts.
    const drawing = replacePart(
      docx,
      deflated('word/media/image1.emf', Buffer.alloc(9 * 1024 * 1024)),
    );
    expect(await convert(drawing)).to.include('GENERAL');
  });

  it('converts on the worker thread as in place, its refusals still 400s and 413s', async () => {
    const docx = await sampleDocx();
    const onWorker = await runTask('docxToMarkdown', [upload(docx)], 0, { inPlaceLimit: 0 });
    expect(onWorker).to.deep.equal(await docxToMarkdown(upload(docx)));
    const bomb = replacePart(docx, lyingBomb('word/footnotes.xml', 200));
    const err = await rejection(runTask('docxToMarkdown', [upload(bomb)], 0, { inPlaceLimit: 0 }));
    expect(err.status).to.equal(400);
    expect(err.message).to.match(/word\/footnotes\.xml unpacks to more than the 2,000 bytes/);
  });

  it('answers 413 when the conversion outgrows its capped heap, and converts again after', async () => {
    const docx = await sampleDocx();
    const run = (heapLimitMb: number) =>
      runTask('docxToMarkdown', [upload(docx)], 0, { inPlaceLimit: 0, heapLimitMb });
    const err = await rejection(run(8));
    expect(err.status).to.equal(413);
    expect(err.message).to.equal(
      'The upload needs more memory to process than one upload may use; send a smaller file',
    );
    expect((await run(256)).markdown).to.include('GENERAL');
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

  it("keeps mammoth's messages out of the Markdown and the uploader's warnings, for the log", async () => {
    const { markdown, warnings, messages } = await docxToMarkdown(upload(await sampleDocx()));
    expect(messages.join('\n')).to.include('List Paragraph');
    expect(markdown).to.not.include('List Paragraph');
    expect(warnings).to.deep.equal([]);
  });
});

describe("docxToMarkdown with tracked changes: publishes Word's accepted view", () => {
  const GENERAL = [numbered('legal', 0, 'GENERAL'), numbered('legal', 1, 'Scope')];

  it('gives deleted numbered paragraphs and lettered items no number', async () => {
    const { markdown, warnings } = await docxToMarkdown(
      upload(
        await buildDocx([
          ...GENERAL,
          numbered('legal', 2, 'The first clause.'),
          trackedNumbered('deletion', 'legal', 2, 'A deleted clause.', [1, 2]),
          numbered('legal', 2, 'The SVAA shall:'),
          numbered('legal', 3, 'run the settlement;'),
          trackedNumbered('deletion', 'legal', 3, 'a deleted item;', [3, 4]),
          numbered('legal', 3, 'publish the results.'),
          numbered('legal', 2, 'The last clause.'),
        ]),
      ),
    );
    expect(clausesOf(markdown)).to.deep.equal([
      ['1', 'GENERAL'],
      ['1.1', 'Scope'],
      ['1.1.1', 'The first clause.'],
      ['1.1.2', 'The SVAA shall:'],
      ['1.1.2(a)', 'run the settlement;'],
      ['1.1.2(b)', 'publish the results.'],
      ['1.1.3', 'The last clause.'],
    ]);
    expect(markdown).to.not.include('deleted');
    expect(warnings).to.deep.equal(['The document had 4 tracked deletions; they were accepted.']);
  });

  it("joins a paragraph whose mark alone is deleted to the next, under the next one's number", async () => {
    const { markdown, warnings } = await docxToMarkdown(
      upload(
        await buildDocx([
          ...GENERAL,
          numbered('legal', 2, 'The first clause.'),
          // Word keeps what is left of a paragraph whose mark is deleted: it starts the next one.
          new Paragraph({
            numbering: { reference: 'legal', level: 2 },
            run: { deletion: revision(1) },
            children: [new TextRun('The SVAA shall '), deleted(2, 'promptly ')],
          }),
          numbered('legal', 2, 'publish the results.'),
          numbered('legal', 2, 'The last clause.'),
        ]),
      ),
    );
    expect(clausesOf(markdown)).to.deep.equal([
      ['1', 'GENERAL'],
      ['1.1', 'Scope'],
      ['1.1.1', 'The first clause.'],
      ['1.1.2', 'The SVAA shall publish the results.'],
      ['1.1.3', 'The last clause.'],
    ]);
    expect(warnings).to.deep.equal(['The document had 2 tracked deletions; they were accepted.']);
  });

  it('publishes a moved paragraph at its destination only, leaving no empty clause behind', async () => {
    const docx = await trackMoves(
      await buildDocx([
        ...GENERAL,
        trackedNumbered('deletion', 'legal', 2, 'A clause moved down.', [10, 11]),
        numbered('legal', 2, 'The second clause.'),
        numbered('legal', 3, 'an item;'),
        trackedNumbered('insertion', 'legal', 2, 'A clause moved down.', [12, 13]),
        numbered('legal', 2, 'The last clause.'),
      ]),
      [{ name: 'move1', from: [10, 11], to: [12, 13] }],
    );
    const { markdown, warnings } = await docxToMarkdown(upload(docx));
    expect(clausesOf(markdown)).to.deep.equal([
      ['1', 'GENERAL'],
      ['1.1', 'Scope'],
      ['1.1.1', 'The second clause.'],
      ['1.1.1(a)', 'an item;'],
      ['1.1.2', 'A clause moved down.'],
      ['1.1.3', 'The last clause.'],
    ]);
    expect(warnings).to.deep.equal(['The document had 1 tracked move; it was accepted.']);
  });

  it('keeps tracked insertions, an inserted numbered paragraph taking its number', async () => {
    const { markdown, warnings } = await docxToMarkdown(
      upload(
        await buildDocx([
          ...GENERAL,
          numbered('legal', 2, [
            new TextRun('The SVAA '),
            inserted(1, 'shall '),
            new TextRun('act.'),
          ]),
          trackedNumbered('insertion', 'legal', 2, 'An inserted clause.', [2, 3]),
          numbered('legal', 2, 'The last clause.'),
        ]),
      ),
    );
    expect(clausesOf(markdown)).to.deep.equal([
      ['1', 'GENERAL'],
      ['1.1', 'Scope'],
      ['1.1.1', 'The SVAA shall act.'],
      ['1.1.2', 'An inserted clause.'],
      ['1.1.3', 'The last clause.'],
    ]);
    expect(warnings).to.deep.equal(['The document had 3 tracked insertions; they were accepted.']);
  });

  it('leaves out a deleted table row and the numbered paragraph in it', async () => {
    const row = (paragraph: Paragraph) =>
      new TableRow({ children: [new TableCell({ children: [paragraph] })] });
    const docx = await rewriteDocumentXml(
      await buildDocx([
        ...GENERAL,
        numbered('legal', 2, 'Before the table.'),
        new Table({
          rows: [
            row(numbered('legal', 2, 'In a kept row.')),
            row(
              new Paragraph({
                numbering: { reference: 'legal', level: 2 },
                children: [deleted(2, 'In a deleted row.')],
              }),
            ),
          ],
        }),
        numbered('legal', 2, 'After the table.'),
      ]),
      // The docx package cannot mark a row deleted: Word writes it in the row's properties.
      (xml) =>
        xml.replace(
          /<w:tr>(?=<w:tc>(?:(?!<\/w:tr>).)*In a deleted row)/,
          `<w:tr><w:trPr><w:del w:id="1" w:author="Elexon" w:date="${revision(1).date}"/></w:trPr>`,
        ),
    );
    const { markdown, warnings } = await docxToMarkdown(upload(docx));
    expect(clausesOf(markdown)).to.deep.equal([
      ['1', 'GENERAL'],
      ['1.1', 'Scope'],
      ['1.1.1', 'Before the table.\n\n| 1.1.2 In a kept row. |\n| --- |'],
      ['1.1.3', 'After the table.'],
    ]);
    expect(warnings).to.deep.equal(['The document had 2 tracked deletions; they were accepted.']);
  });

  it('counts insertions, deletions, moves and formatting changes as Word does, and comments', async () => {
    const comment = (id: number, text: string) => ({
      id,
      author: 'Elexon',
      date: new Date('2024-05-01T09:00:00Z'),
      children: [new Paragraph(text)],
    });
    const commented = (id: number, text: string) => [
      new CommentRangeStart(id),
      new TextRun(text),
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ];
    const document = new Document({
      numbering: NUMBERING,
      comments: { children: [comment(0, 'Why?'), comment(1, 'Agreed.')] },
      sections: [
        {
          children: [
            ...GENERAL,
            numbered('legal', 2, [
              ...commented(0, 'Parties '),
              // One insertion in two runs: the same w:id counts once.
              inserted(1, 'shall '),
              inserted(1, 'always '),
              deleted(2, 'may '),
              new TextRun({
                text: 'act',
                bold: true,
                revision: { ...revision(3), bold: false },
              }),
              ...commented(1, '.'),
            ]),
            trackedNumbered('deletion', 'legal', 2, 'A first moved clause.', [10, 11]),
            trackedNumbered('deletion', 'legal', 2, 'A second moved clause.', [20, 21]),
            numbered('legal', 2, 'The last clause.'),
            trackedNumbered('insertion', 'legal', 2, 'A first moved clause.', [12, 13]),
            trackedNumbered('insertion', 'legal', 2, 'A second moved clause.', [22, 23]),
          ],
        },
      ],
    });
    const docx = await trackMoves(await Packer.toBuffer(document), [
      { name: 'move1', from: [10, 11], to: [12, 13] },
      { name: 'move2', from: [20, 21], to: [22, 23] },
    ]);
    const { markdown, warnings } = await docxToMarkdown(upload(docx));
    expect(clausesOf(markdown)).to.deep.equal([
      ['1', 'GENERAL'],
      ['1.1', 'Scope'],
      ['1.1.1', 'Parties shall always **act**.'],
      ['1.1.2', 'The last clause.'],
      ['1.1.3', 'A first moved clause.'],
      ['1.1.4', 'A second moved clause.'],
    ]);
    expect(warnings).to.deep.equal([
      'The document had 1 tracked insertion, 1 deletion, 2 moves and 1 formatting change; they were accepted.',
      'The document had 2 Word comments; they were not imported.',
    ]);
    expect(markdown).to.not.include('Why?');
  });

  it('says so in the singular for one comment and one revision', async () => {
    const docx = await buildDocx([
      ...GENERAL,
      numbered('legal', 2, [new TextRun('The SVAA shall act.'), deleted(1, ' At once.')]),
    ]);
    // A comment whose comments part is missing is still counted from its reference.
    const withComment = await rewriteDocumentXml(docx, (xml) =>
      xml.replace(
        '<w:t xml:space="preserve">The SVAA shall act.</w:t></w:r>',
        '<w:t xml:space="preserve">The SVAA shall act.</w:t></w:r><w:r><w:commentReference w:id="7"/></w:r>',
      ),
    );
    const { markdown, warnings } = await docxToMarkdown(upload(withComment));
    expect(clausesOf(markdown).at(-1)).to.deep.equal(['1.1.1', 'The SVAA shall act.']);
    expect(warnings).to.deep.equal([
      'The document had 1 tracked deletion; it was accepted.',
      'The document had 1 Word comment; it was not imported.',
    ]);
  });
});
