// A Word redline: the later text with every change a real tracked change (w:ins / w:del) by its
// author at its date, so a code body can finish in Word and Ofgem can review in Word.

import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DiffPart } from '../domain/wordDiff/index.js';
import { redlineBlocks, type RedlineBlock } from '../domain/wordRedline.js';

export interface RedlineDocxOptions {
  title: string;
  /** Whose change a block holds: the version's author, or the comment whose proposal it is. */
  authorOf(block: RedlineBlock): string;
  /** When the changes were made (ISO 8601). */
  date: string;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** The redline as a .docx file. */
export async function redlineDocx(
  blocks: readonly RedlineBlock[],
  options: RedlineDocxOptions,
): Promise<Buffer> {
  // Every revision in a document needs its own id.
  let nextId = 1;
  const revision = (author: string) => ({ id: nextId++, author, date: options.date });
  const runs = (parts: readonly DiffPart[], author: string) =>
    parts.map((part) =>
      part.op === 'insert'
        ? new InsertedTextRun({ text: part.text, ...revision(author) })
        : part.op === 'delete'
          ? new DeletedTextRun({ text: part.text, ...revision(author) })
          : new TextRun(part.text),
    );
  const children = blocks.map((block) => {
    const author = options.authorOf(block);
    if (block.kind === 'table') {
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: block.rows.map(
          (row) =>
            new TableRow({
              children: row.map(
                (cell) =>
                  new TableCell({ children: [new Paragraph({ children: runs(cell, author) })] }),
              ),
            }),
        ),
      });
    }
    const mark =
      block.mark === 'insert'
        ? { insertion: revision(author) }
        : block.mark === 'delete'
          ? { deletion: revision(author) }
          : undefined;
    return new Paragraph({
      ...(block.heading ? { heading: HEADINGS[block.heading - 1] } : {}),
      ...(mark ? { run: mark } : {}),
      children: runs(block.runs, author),
    });
  });
  const document = new Document({
    creator: 'MHHS M6 code artefact review',
    title: options.title,
    features: { trackRevisions: true },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

export interface RedlineFile {
  title: string;
  date: string;
  /** Who made the changes. */
  author: string;
  /**
   * Where parts of the later text are someone else's change: from each line on (in order) until
   * the next, e.g. a clause whose new text is a comment's proposal, attributed to that comment.
   */
  authorsFrom?: readonly { line: number; author: string }[];
}

/** The Word redline between two Markdown texts: plain data in, so it can run on the worker. */
export function writeRedlineDocx(fromBody: string, toBody: string, file: RedlineFile) {
  const ranges = [...(file.authorsFrom ?? [])].sort((a, b) => a.line - b.line);
  const authorOf = (block: RedlineBlock) => {
    let author = file.author;
    for (const range of ranges) {
      if (range.line > block.line) break;
      author = range.author;
    }
    return author;
  };
  return redlineDocx(redlineBlocks(fromBody, toBody), {
    title: file.title,
    date: file.date,
    authorOf,
  });
}
