// A Word redline: the later text with every change a real tracked change (w:ins / w:del) by its
// author at its date, so a code body can finish in Word and Ofgem can review in Word.
//
// The package (styles, settings with track changes on, relationships) comes from the docx library;
// the body is written here as XML text. The library builds an object per run, which for a 5 MB
// redline of 200,000 runs took 7 s and 700 MB; text costs a fraction of both.

import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { stripControlCharacters } from '../domain/controlCharacters.js';
import type { DiffPart } from '../domain/wordDiff/index.js';
import { redlineBlocks, type RedlineBlock } from '../domain/wordRedline.js';

export interface RedlineDocxOptions {
  title: string;
  /** Whose change a block holds: the version's author, or the comment whose proposal it is. */
  authorOf(block: RedlineBlock): string;
  /** When the changes were made (ISO 8601). */
  date: string;
}

const BODY_MARKER = 'm6-redline-body';

// Control characters XML 1.0 cannot hold (versions are stored without them; this is the guard).
const escapeXml = (text: string) =>
  stripControlCharacters(text)
    .text.replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The XML of the body's blocks, tracked changes and all. */
function bodyXml(blocks: readonly RedlineBlock[], options: RedlineDocxOptions): string {
  // Every revision in a document needs its own id.
  let nextId = 1;
  const date = escapeXml(options.date);
  const attrs = (author: string) =>
    `w:id="${nextId++}" w:author="${escapeXml(author)}" w:date="${date}"`;
  const run = (text: string, deleted = false) =>
    `<w:r><w:${deleted ? 'delText' : 't'} xml:space="preserve">${escapeXml(text)}</w:${deleted ? 'delText' : 't'}></w:r>`;
  const runs = (parts: readonly DiffPart[], author: string) =>
    parts
      .map((part) =>
        part.op === 'insert'
          ? `<w:ins ${attrs(author)}>${run(part.text)}</w:ins>`
          : part.op === 'delete'
            ? `<w:del ${attrs(author)}>${run(part.text, true)}</w:del>`
            : run(part.text),
      )
      .join('');
  const out: string[] = [];
  for (const block of blocks) {
    const author = options.authorOf(block);
    if (block.kind === 'table') {
      const columns = Math.max(1, ...block.rows.map((r) => r.length));
      const grid = `<w:tblGrid>${'<w:gridCol/>'.repeat(columns)}</w:tblGrid>`;
      const rows = block.rows
        .map(
          (row) =>
            `<w:tr>${row.map((cell) => `<w:tc><w:p>${runs(cell, author)}</w:p></w:tc>`).join('')}</w:tr>`,
        )
        .join('');
      out.push(
        `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${grid}${rows}</w:tbl>`,
      );
      continue;
    }
    const style = block.heading ? `<w:pStyle w:val="Heading${block.heading}"/>` : '';
    // A new or deleted paragraph has its mark tracked too, so accepting removes it whole.
    const mark =
      block.mark === 'insert'
        ? `<w:rPr><w:ins ${attrs(author)}/></w:rPr>`
        : block.mark === 'delete'
          ? `<w:rPr><w:del ${attrs(author)}/></w:rPr>`
          : '';
    const props = style || mark ? `<w:pPr>${style}${mark}</w:pPr>` : '';
    out.push(`<w:p>${props}${runs(block.runs, author)}</w:p>`);
  }
  return out.join('');
}

/** The redline as a .docx file. */
export async function redlineDocx(
  blocks: readonly RedlineBlock[],
  options: RedlineDocxOptions,
): Promise<Buffer> {
  const skeleton = new Document({
    creator: 'MHHS M6 code artefact review',
    title: options.title,
    features: { trackRevisions: true },
    sections: [{ children: [new Paragraph(BODY_MARKER)] }],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(skeleton)));
  const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const marker = /<w:p>(?:(?!<w:p>).)*?m6-redline-body.*?<\/w:p>/s.exec(document);
  if (!marker) throw new Error('the Word skeleton has no body marker');
  files['word/document.xml'] = strToU8(
    document.slice(0, marker.index) +
      bodyXml(blocks, options) +
      document.slice(marker.index + marker[0].length),
  );
  return Buffer.from(zipSync(files, { level: 6 }));
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
