import { expect } from 'chai';
import { Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { parseClauses } from '../../../server/domain/parseClauses.js';
import { docxToMarkdown } from '../../../server/lib/docxToMarkdown.js';
import { DOCX_TYPE, buildDocx, numbered, rewritePart } from '../../helpers/docx.js';

// Bold and italic that Word shows through styles, as legal templates apply them: a "Defined Term"
// character style, a "Table Heading" paragraph style, a table style's header row. Each document
// is a real .docx whose styles.xml holds the styles.

const convert = async (buffer: Buffer) =>
  (await docxToMarkdown({ buffer, originalname: 'section.docx', mimetype: DOCX_TYPE })).markdown;

/** The styles of a legal template, some set only through their basedOn chains. */
const STYLES = {
  characterStyles: [
    { id: 'TermBase', name: 'Term Base', run: { bold: true } },
    // Bold only through its basedOn.
    { id: 'DefinedTerm', name: 'Defined Term', basedOn: 'TermBase' },
    { id: 'CaseName', name: 'Case Name', run: { italics: true } },
    { id: 'Strong', name: 'Strong', run: { bold: true } },
    // A basedOn loop, as a damaged template may have: bold comes from LoopB, and reading ends.
    { id: 'LoopA', name: 'Loop A', basedOn: 'LoopB' },
    { id: 'LoopB', name: 'Loop B', basedOn: 'LoopA', run: { bold: true } },
  ],
  paragraphStyles: [
    { id: 'TableHeading', name: 'Table Heading', basedOn: 'Normal', run: { bold: true } },
    { id: 'TableHeadingCentred', name: 'Table Heading Centred', basedOn: 'TableHeading' },
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
  ],
};

const cell = (text: string, style?: string) =>
  new TableCell({ children: [new Paragraph({ text, ...(style && { style }) })] });

describe('docxToMarkdown: bold and italic applied through styles', () => {
  it('keeps a character style’s bold and italic, inherited through basedOn too', async () => {
    const markdown = await convert(
      await buildDocx(
        [
          numbered('legal', 0, 'DEFINITIONS'),
          numbered('legal', 1, [
            new TextRun('In this Section, '),
            new TextRun({ text: 'Supplier', style: 'DefinedTerm' }),
            new TextRun(' has the meaning given in '),
            new TextRun({ text: 'Re Elexon', style: 'CaseName' }),
            new TextRun(', and '),
            new TextRun({ text: 'Strong words', style: 'Strong' }),
            new TextRun(' and '),
            new TextRun({ text: 'looped', style: 'LoopA' }),
            new TextRun(' stay bold.'),
          ]),
        ],
        STYLES,
      ),
    );
    expect(markdown).to.include(
      '1.1 In this Section, **Supplier** has the meaning given in _Re Elexon_, and **Strong words** and **looped** stay bold.',
    );
    const clause = parseClauses(markdown).clauses.find((c) => c.ref === '1.1');
    expect(clause?.text).to.include('**Supplier**');
  });

  it('lets the run’s own formatting win, an explicit "not bold" included', async () => {
    const markdown = await convert(
      await buildDocx(
        [
          numbered('legal', 0, 'GENERAL'),
          numbered('legal', 1, [
            new TextRun({ text: 'Party', style: 'DefinedTerm', bold: false }),
            new TextRun(' and '),
            new TextRun({ text: 'Agent', style: 'DefinedTerm' }),
            new TextRun(' and '),
            new TextRun({ text: 'Code', style: 'CaseName', italics: false, bold: true }),
            new TextRun('.'),
          ]),
          new Paragraph({
            style: 'TableHeading',
            children: [
              new TextRun('Heading text with '),
              new TextRun({ text: 'one plain word', bold: false }),
            ],
          }),
        ],
        STYLES,
      ),
    );
    expect(markdown).to.include('1.1 Party and **Agent** and **Code**.');
    expect(markdown).to.include('**Heading text with** one plain word');
  });

  it('keeps a bold paragraph style’s header row bold, and nothing else in the table', async () => {
    const markdown = await convert(
      await buildDocx(
        [
          numbered('legal', 0, 'GENERAL'),
          new Table({
            rows: [
              new TableRow({
                children: [cell('Service', 'TableHeading'), cell('Run', 'TableHeadingCentred')],
              }),
              new TableRow({ children: [cell('Interim Information'), cell('II')] }),
            ],
          }),
        ],
        STYLES,
      ),
    );
    expect(markdown).to.include('| **Service** | **Run** |');
    expect(markdown).to.include('| Interim Information | II |');
  });

  it('toggles italic across paragraph and character styles, as Word shows it', async () => {
    const markdown = await convert(
      await buildDocx(
        [
          new Paragraph({
            style: 'Quote',
            children: [
              new TextRun('As held in '),
              new TextRun({ text: 'Re Elexon', style: 'CaseName' }),
              new TextRun(' by the court'),
            ],
          }),
        ],
        STYLES,
      ),
    );
    expect(markdown).to.equal('_As held in_ Re Elexon _by the court_');
  });

  it('keeps a table style’s bold first row when the table’s look asks for it', async () => {
    const docx = await buildDocx(
      [
        numbered('legal', 0, 'GENERAL'),
        new Table({
          style: 'GridHeader',
          rows: [
            new TableRow({ children: [cell('Service'), cell('Run')] }),
            new TableRow({ children: [cell('Final Reconciliation'), cell('RF')] }),
          ],
        }),
      ],
      STYLES,
    );
    const styled = await rewritePart(docx, 'word/styles.xml', (xml) =>
      xml.replace(
        '</w:styles>',
        '<w:style w:type="table" w:styleId="GridHeader"><w:name w:val="Grid Header"/>' +
          '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style></w:styles>',
      ),
    );
    const withLook = (firstRow: '0' | '1') =>
      rewritePart(styled, 'word/document.xml', (xml) =>
        xml.replace(
          /(<w:tblStyle w:val="GridHeader"\/>)/,
          `$1<w:tblLook w:firstRow="${firstRow}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`,
        ),
      );
    const on = await convert(await withLook('1'));
    expect(on).to.include('| **Service** | **Run** |');
    expect(on).to.include('| Final Reconciliation | RF |');
    const off = await convert(await withLook('0'));
    expect(off).to.include('| Service | Run |');
  });
});
