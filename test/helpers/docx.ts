import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type FileChild,
} from 'docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const level = (
  n: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
) => ({
  level: n,
  format,
  text,
  alignment: AlignmentType.START,
});

/** Real Word numbering definitions, the way code bodies' documents number clauses. */
export const NUMBERING = {
  config: [
    {
      // Legal numbering: 1. / 1.1 / 1.1.1, lettered items beneath.
      reference: 'legal',
      levels: [
        level(0, LevelFormat.DECIMAL, '%1.'),
        level(1, LevelFormat.DECIMAL, '%1.%2'),
        level(2, LevelFormat.DECIMAL, '%1.%2.%3'),
        level(3, LevelFormat.LOWER_LETTER, '(%4)'),
        level(4, LevelFormat.LOWER_ROMAN, '(%5)'),
      ],
    },
    {
      // A plain "1. 2. 3." list, as typed under a heading that carries its own number.
      reference: 'simple',
      levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.DECIMAL, '%2.')],
    },
    {
      // A lettered list shown as "a)".
      reference: 'letters',
      levels: [level(0, LevelFormat.LOWER_LETTER, '%1)')],
    },
    { reference: 'bullets', levels: [level(0, LevelFormat.BULLET, '\u2022')] },
  ],
};

type ListReference = 'legal' | 'simple' | 'letters' | 'bullets';

export const numbered = (reference: ListReference, lvl: number, text: string | TextRun[]) =>
  new Paragraph({
    ...(typeof text === 'string' ? { text } : { children: text }),
    numbering: { reference, level: lvl },
  });

export const heading = (
  text: string,
  headingLevel: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1,
) => new Paragraph({ text, heading: headingLevel });

export const para = (text: string | TextRun[]) =>
  new Paragraph(typeof text === 'string' ? { text } : { children: text });

export const table = (rows: string[][]) =>
  new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
        }),
    ),
  });

/** A real .docx file with the given body. */
export function buildDocx(children: FileChild[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ numbering: NUMBERING, sections: [{ children }] }));
}

/** A short BSC-style section: title, legal numbering, lettered items and a table. */
export function sampleDocx(): Promise<Buffer> {
  return buildDocx([
    heading('SECTION S: SUPPLIER VOLUME ALLOCATION', HeadingLevel.TITLE),
    numbered('legal', 0, 'GENERAL'),
    numbered('legal', 1, 'Introduction'),
    numbered('legal', 2, [
      new TextRun('This Section S sets out the '),
      new TextRun({ text: 'basis', bold: true }),
      new TextRun(' of '),
      new TextRun({ text: 'Supplier Volume Allocation', italics: true }),
      new TextRun(':'),
    ]),
    numbered('legal', 3, 'the allocation of volumes; and'),
    numbered('legal', 3, 'the duties of the SVAA.'),
    table([
      ['Service', 'Run'],
      ['Interim Information', 'II'],
      ['Final Reconciliation', 'RF'],
    ]),
    numbered('legal', 2, 'The table above lists the runs.'),
    numbered('legal', 0, 'DEFINITIONS'),
  ]);
}

export { HeadingLevel, TextRun };
