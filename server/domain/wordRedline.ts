// What a Word redline shows: the later text block by block (paragraphs, headings, tables), each
// change from the earlier text marked as an insertion or a deletion, the way Word's tracked changes
// carry them. Pure: the Word file itself is written by lib/redlineDocx.ts.
//
// Blocks are aligned first and words within a changed block second, so that accepting every
// change gives the later text block for block: a deleted paragraph disappears whole, and no
// paragraph mark is ever deleted between two blocks that both survive (an import that accepts
// changes would not merge them back).

import { diffArrays } from 'diff';
import { wordDiff, wordOverlap, type DiffPart } from './wordDiff/index.js';

export type Mark = 'equal' | 'insert' | 'delete';

export interface RedlineParagraph {
  kind: 'paragraph';
  /** 1-6 for a Markdown heading. */
  heading: number | null;
  /** Whether the paragraph itself (its mark) is new, gone, or there in both. */
  mark: Mark;
  runs: DiffPart[];
  /** The line the block starts on in the text it belongs to (the later one unless deleted). */
  line: number;
}

export interface RedlineTable {
  kind: 'table';
  mark: Mark;
  rows: DiffPart[][][];
  line: number;
}

export type RedlineBlock = RedlineParagraph | RedlineTable;

interface Block {
  kind: 'paragraph' | 'table';
  heading: number | null;
  /** Paragraph text (soft line breaks as spaces), or the table's cells. */
  text: string;
  cells: string[][];
  line: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** A Markdown body as blocks: paragraphs and headings between blank lines, and pipe tables. */
export function readBlocks(body: string): Block[] {
  const lines = body.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const start = i;
    if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        const row = (lines[i] ?? '').trim();
        if (!TABLE_RULE.test(row)) rows.push(tableCells(row));
        i += 1;
      }
      blocks.push({
        kind: 'table',
        heading: null,
        text: rows.map((r) => r.join(' | ')).join('\n'),
        cells: rows,
        line: start + 1,
      });
      continue;
    }
    const heading = HEADING.exec(line.trim());
    if (heading) {
      blocks.push({
        kind: 'paragraph',
        heading: heading[1]?.length ?? 1,
        text: heading[2] ?? '',
        cells: [],
        line: start + 1,
      });
      i += 1;
      continue;
    }
    const text: string[] = [];
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (
        next.trim() === '' ||
        (i > start && (next.trim().startsWith('|') || HEADING.test(next.trim())))
      )
        break;
      text.push(next.trim());
      i += 1;
    }
    blocks.push({
      kind: 'paragraph',
      heading: null,
      text: text.join(' '),
      cells: [],
      line: start + 1,
    });
  }
  return blocks;
}

const whole = (op: DiffPart['op'], text: string): DiffPart[] => (text ? [{ op, text }] : []);

function asIs(block: Block, mark: Mark): RedlineBlock {
  const op = mark === 'insert' ? 'insert' : mark === 'delete' ? 'delete' : 'equal';
  if (block.kind === 'table') {
    return {
      kind: 'table',
      mark,
      rows: block.cells.map((row) => row.map((cell) => whole(op, cell))),
      line: block.line,
    };
  }
  return {
    kind: 'paragraph',
    heading: block.heading,
    mark,
    runs: whole(op, block.text),
    line: block.line,
  };
}

/** A deleted table is shown as deleted paragraphs, one per row, which accepting removes. */
function deletedBlocks(block: Block): RedlineBlock[] {
  if (block.kind === 'paragraph') return [asIs(block, 'delete')];
  return block.cells.map((row) => ({
    kind: 'paragraph' as const,
    heading: null,
    mark: 'delete' as const,
    runs: whole('delete', row.join(' | ')),
    line: block.line,
  }));
}

function changedBlocks(before: Block, after: Block): RedlineBlock[] {
  if (before.kind === 'paragraph' && after.kind === 'paragraph') {
    return [
      {
        kind: 'paragraph',
        heading: after.heading,
        mark: 'equal',
        runs: wordDiff(before.text, after.text).parts,
        line: after.line,
      },
    ];
  }
  const sameShape =
    before.kind === 'table' &&
    after.kind === 'table' &&
    before.cells.length === after.cells.length &&
    before.cells.every((row, r) => row.length === after.cells[r]?.length);
  if (sameShape) {
    return [
      {
        kind: 'table',
        mark: 'equal',
        rows: after.cells.map((row, r) =>
          row.map((cell, c) => wordDiff(before.cells[r]?.[c] ?? '', cell).parts),
        ),
        line: after.line,
      },
    ];
  }
  return [...deletedBlocks(before), asIs(after, 'insert')];
}

/** The later text's blocks with every change from the earlier text marked. */
export function redlineBlocks(fromBody: string, toBody: string): RedlineBlock[] {
  const from = readBlocks(fromBody);
  const to = readBlocks(toBody);
  const key = (b: Block) => `${b.kind}:${b.heading ?? ''}:${b.text}`;
  const changes = diffArrays(from.map(key), to.map(key));
  const out: RedlineBlock[] = [];
  let f = 0;
  let t = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change) continue;
    if (!change.added && !change.removed) {
      for (let n = 0; n < change.count; n++) out.push(asIs(to[t++] as Block, 'equal'));
      f += change.count;
      continue;
    }
    // A removal and the addition after it may be the same blocks changed.
    const removed = change.removed ? from.slice(f, (f += change.count)) : [];
    const next = changes[i + 1];
    let added: Block[] = [];
    if (change.added) added = to.slice(t, (t += change.count));
    else if (next?.added) {
      added = to.slice(t, (t += next.count));
      i += 1;
    }
    out.push(...pairChanged(removed, added));
  }
  return out;
}

/** How alike two blocks must be to show as one block changed rather than one gone, one new. */
const SAME_BLOCK = 0.5;
const MAX_COMPARISONS = 10_000;

/**
 * Each removed block paired, in order, with the added block still unpaired that shares most of
 * its words (at least half): a clause inserted before an edited one shows as inserted and the
 * edited one as edited, not the new clause as an edit of the old. The rest are deleted or inserted.
 */
function pairChanged(removed: Block[], added: Block[]): RedlineBlock[] {
  const out: RedlineBlock[] = [];
  // Comparing every pair costs removed x added; a rewrite that large is shown in order instead.
  if (removed.length * added.length > MAX_COMPARISONS) {
    const paired = Math.min(removed.length, added.length);
    for (let n = 0; n < paired; n++)
      out.push(...changedBlocks(removed[n] as Block, added[n] as Block));
    for (const block of removed.slice(paired)) out.push(...deletedBlocks(block));
    for (const block of added.slice(paired)) out.push(asIs(block, 'insert'));
    return out;
  }
  let next = 0;
  for (const before of removed) {
    let match = -1;
    let best = SAME_BLOCK;
    for (let index = next; index < added.length; index++) {
      const after = added[index] as Block;
      if (after.kind !== before.kind) continue;
      const overlap = wordOverlap(before.text, after.text);
      if (overlap >= best) {
        match = index;
        best = overlap + Number.EPSILON;
      }
    }
    if (match < 0) {
      out.push(...deletedBlocks(before));
      continue;
    }
    for (const inserted of added.slice(next, match)) out.push(asIs(inserted, 'insert'));
    out.push(...changedBlocks(before, added[match] as Block));
    next = match + 1;
  }
  for (const inserted of added.slice(next)) out.push(asIs(inserted, 'insert'));
  return out;
}
