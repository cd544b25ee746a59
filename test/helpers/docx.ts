import JSZip from 'jszip';
import {
  AlignmentType,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type FileChild,
  type ParagraphChild,
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

export const numbered = (reference: ListReference, lvl: number, text: string | ParagraphChild[]) =>
  new Paragraph({
    ...(typeof text === 'string' ? { text } : { children: text }),
    numbering: { reference, level: lvl },
  });

export const heading = (
  text: string,
  headingLevel: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1,
) => new Paragraph({ text, heading: headingLevel });

export const para = (text: string | ParagraphChild[]) =>
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

/** A real .docx file with the given body, and the given styles besides Word's own. */
export function buildDocx(
  children: FileChild[],
  styles?: ConstructorParameters<typeof Document>[0]['styles'],
): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({ numbering: NUMBERING, ...(styles && { styles }), sections: [{ children }] }),
  );
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

// ---------------------------------------------------------------------------------------------
// Track Changes, as Word saves them: each revision carries its own w:id.

/** The author and date docx writes on a tracked change. */
export const revision = (id: number) => ({ id, author: 'Elexon', date: '2024-05-01T09:00:00Z' });

export const inserted = (id: number, text: string) =>
  new InsertedTextRun({ text, ...revision(id) });

export const deleted = (id: number, text: string) => new DeletedTextRun({ text, ...revision(id) });

/**
 * A numbered paragraph typed or deleted with Track Changes on: its text and its paragraph mark
 * are each a tracked revision, `ids` being [mark, text].
 */
export const trackedNumbered = (
  change: 'insertion' | 'deletion',
  reference: ListReference,
  lvl: number,
  text: string,
  [markId, textId]: [number, number],
) =>
  new Paragraph({
    numbering: { reference, level: lvl },
    run: { [change]: revision(markId) },
    children: [change === 'insertion' ? inserted(textId, text) : deleted(textId, text)],
  });

/** Rewrites a part inside a .docx (for markup the docx package cannot write). */
export async function rewritePart(
  docx: Buffer,
  name: string,
  rewrite: (xml: string) => string,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file(name);
  if (!part) throw new Error(`the package has no ${name}`);
  zip.file(name, rewrite(await part.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites word/document.xml inside a .docx. */
export const rewriteDocumentXml = (docx: Buffer, rewrite: (xml: string) => string) =>
  rewritePart(docx, 'word/document.xml', rewrite);

export interface TrackedMove {
  /** Word names each move; its source and destination ranges share the name. */
  name: string;
  /** Ids of tracked deletions (runs or paragraph marks) that become the move's source. */
  from: number[];
  /** Ids of tracked insertions that become its destination. */
  to: number[];
}

/**
 * Turns tracked deletions and insertions into tracked moves (`w:moveFrom` / `w:moveTo` inside
 * named move ranges), which the docx package cannot write. A moved paragraph is built as a
 * deleted paragraph (its source) and an inserted one (its destination), then rewritten here.
 */
export function trackMoves(docx: Buffer, moves: TrackedMove[]): Promise<Buffer> {
  let rangeId = 9000;
  return rewriteDocumentXml(docx, (xml) => {
    let out = xml;
    for (const move of moves) {
      for (const id of move.from) out = retag(out, id, 'del', 'moveFrom', move.name, rangeId++);
      for (const id of move.to) out = retag(out, id, 'ins', 'moveTo', move.name, rangeId++);
    }
    return out;
  });
}

function retag(
  xml: string,
  id: number,
  tag: 'ins' | 'del',
  move: 'moveFrom' | 'moveTo',
  name: string,
  rangeId: number,
): string {
  const { author, date } = revision(id);
  const attributes = `w:author="${author}" w:date="${date}"`;
  // A paragraph mark's revision is an empty element in w:pPr/w:rPr.
  const mark = new RegExp(`<w:${tag} w:id="${id}"([^>/]*)/>`, 'g');
  // A run's revision wraps the runs; moved text is w:t, not w:delText.
  const runs = new RegExp(`<w:${tag} w:id="${id}"([^>/]*)>([\\s\\S]*?)</w:${tag}>`, 'g');
  if (xml.search(mark) < 0 && xml.search(runs) < 0)
    throw new Error(`no tracked ${tag} with id ${id} to turn into a move`);
  return xml
    .replace(mark, `<w:${move} w:id="${id}"$1/>`)
    .replace(
      runs,
      (_whole, rest: string, content: string) =>
        `<w:${move}RangeStart w:id="${rangeId}" ${attributes} w:name="${name}"/>` +
        `<w:${move} w:id="${id}"${rest}>${content.replace(/(<\/?)w:delText/g, '$1w:t')}</w:${move}>` +
        `<w:${move}RangeEnd w:id="${rangeId}"/>`,
    );
}

/**
 * A section drafted with Track Changes on, with a comment. Word's accepted view numbers it 1,
 * 1.1, 1.1.1, 1.1.2, 1.1.2(a), 1.1.2(b), 1.1.3, 1.1.4: the deleted clause and item take no number
 * and the moved clause is only at its destination. It holds 3 tracked insertions, 4 deletions
 * (two paragraphs, each mark and text) and 1 move.
 */
export async function trackedChangesDocx(): Promise<Buffer> {
  const docx = await Packer.toBuffer(
    new Document({
      numbering: NUMBERING,
      comments: {
        children: [
          {
            id: 0,
            author: 'Elexon',
            date: new Date('2024-05-01T09:00:00Z'),
            children: [new Paragraph('Which results?')],
          },
        ],
      },
      sections: [
        {
          children: [
            numbered('legal', 0, 'GENERAL'),
            numbered('legal', 1, 'Settlement'),
            trackedNumbered('deletion', 'legal', 2, 'The timetable is set by the Panel.', [1, 2]),
            numbered('legal', 2, [
              new TextRun('The SVAA shall run '),
              inserted(3, 'every '),
              new TextRun('settlement.'),
            ]),
            trackedNumbered('deletion', 'legal', 2, 'The SVAA may skip a run.', [4, 5]),
            numbered('legal', 2, [
              new TextRun('The BSCCo shall publish'),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun(':'),
            ]),
            numbered('legal', 3, 'the results;'),
            trackedNumbered('deletion', 'legal', 3, 'the errors;', [6, 7]),
            numbered('legal', 3, 'the timetable.'),
            trackedNumbered('insertion', 'legal', 2, 'Disputes go to the Panel.', [8, 9]),
            trackedNumbered(
              'insertion',
              'legal',
              2,
              'The timetable is set by the Panel.',
              [10, 11],
            ),
          ],
        },
      ],
    }),
  );
  return trackMoves(docx, [{ name: 'move1', from: [1, 2], to: [10, 11] }]);
}

/** What trackedChangesDocx() publishes: each clause's ref and text. */
export const TRACKED_CHANGES_CLAUSES = [
  ['1', 'GENERAL'],
  ['1.1', 'Settlement'],
  ['1.1.1', 'The SVAA shall run every settlement.'],
  ['1.1.2', 'The BSCCo shall publish:'],
  ['1.1.2(a)', 'the results;'],
  ['1.1.2(b)', 'the timetable.'],
  ['1.1.3', 'Disputes go to the Panel.'],
  ['1.1.4', 'The timetable is set by the Panel.'],
];

/** What the uploader of trackedChangesDocx() is told. */
export const TRACKED_CHANGES_WARNINGS = [
  'The document had 3 tracked insertions, 4 deletions and 1 move; they were accepted.',
  'The document had 1 Word comment; it was not imported.',
];

export { HeadingLevel, TextRun };
