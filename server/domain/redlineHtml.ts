// HTML for a redline's parts, and for a changed clause that holds a table.
//
// Our Word import writes tables as Markdown pipe tables: one line per row, a `| --- |` separator
// after the header, `<br>` for a line break inside a cell and `\|` for a pipe in a cell's text. A
// word diff of that source strikes through and underlines pipes and dashes, which nobody can
// read, so a clause with a table is redlined block by block instead: paragraphs as text, tables as
// real tables, with rows aligned and each cell diffed on its own.
//
// The output is safe to insert as HTML: every character of the text is escaped, and the only tags
// are the ones written here (table, thead, tbody, tr, th, td, ins, del, br, p), with no attributes
// but fixed class names. `<br>` in a cell is the one piece of markup taken from the text.

import { diffArrays } from 'diff';
import { wordDiff, wordOverlap, type DiffPart } from './wordDiff/index.js';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Escaped text, with inserted parts in `<ins>` and deleted parts in `<del>`. */
export function partsHtml(parts: DiffPart[]): string {
  return parts.map((p) => wrap(p.op, escapeHtml(p.text))).join('');
}

const wrap = (op: DiffPart['op'], html: string) =>
  op === 'insert' ? `<ins>${html}</ins>` : op === 'delete' ? `<del>${html}</del>` : html;

/**
 * The HTML for a changed clause: `partsHtml(parts)` unless either side holds a pipe table, in which
 * case both sides are redlined block by block (see the top of this file) and `parts` is not used.
 */
export function clauseChangeHtml(before: string, after: string, parts: DiffPart[]): string {
  if (!hasTable(before) && !hasTable(after)) return partsHtml(parts);
  const a = splitBlocks(before);
  const b = splitBlocks(after);
  return align(a, b, blockSimilarity)
    .map((step) => {
      const x = step.from === null ? undefined : a[step.from];
      const y = step.to === null ? undefined : b[step.to];
      if (x?.kind === 'table' || y?.kind === 'table') {
        return tableHtml(x?.kind === 'table' ? x : undefined, y?.kind === 'table' ? y : undefined);
      }
      return `<p>${partsHtml(wordDiff(x?.text ?? '', y?.text ?? '').parts)}</p>`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface TextBlock {
  kind: 'text';
  text: string;
}

interface TableBlock {
  kind: 'table';
  /** Rows above the separator. */
  head: string[][];
  body: string[][];
  /** The widest row's cell count. */
  width: number;
}

type Block = TextBlock | TableBlock;

const ROW = /^ {0,3}\|/;
/** `| --- | :---: |`: the pipes, dashes and colons of a GFM table's separator row. */
const SEPARATOR = /^ {0,3}\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

const isSeparator = (line: string) => line.includes('|') && SEPARATOR.test(line);

function hasTable(text: string): boolean {
  if (!text.includes('|')) return false;
  const lines = text.split(/\r\n|\r|\n/);
  return lines.some((line, i) => i > 0 && isSeparator(line) && ROW.test(lines[i - 1] ?? ''));
}

/**
 * Paragraph runs and tables. A table is a run of lines starting with `|` whose second or later
 * line is a separator row; a run of pipe lines without one is text, as Markdown would have it.
 */
function splitBlocks(text: string): Block[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    // Blank lines around a table only separate blocks; the table's own box does that here.
    while (para.length > 0 && (para[0] ?? '').trim() === '') para.shift();
    while (para.length > 0 && (para[para.length - 1] ?? '').trim() === '') para.pop();
    if (para.length > 0) blocks.push({ kind: 'text', text: para.join('\n') });
    para = [];
  };
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && ROW.test(lines[j] ?? '')) j++;
    const run = lines.slice(i, j);
    // The separator follows the header: a later all-dashes line is a row like any other.
    const separator = run.findIndex((line, k) => k > 0 && isSeparator(line));
    if (separator > 0) {
      flush();
      blocks.push(parseTable(run, separator));
      i = j;
    } else {
      para.push(...(j > i ? run : [lines[i] ?? '']));
      i = Math.max(j, i + 1);
    }
  }
  flush();
  return blocks;
}

function parseTable(lines: string[], separator: number): TableBlock {
  const head = lines.slice(0, separator).map(splitCells);
  const body = lines.slice(separator + 1).map(splitCells);
  const width = Math.max(0, ...head.map((r) => r.length), ...body.map((r) => r.length));
  return { kind: 'table', head, body, width };
}

/**
 * A row's cells, as text: outer pipes dropped, split at unescaped pipes, `\|` read as a pipe and
 * `<br>` as a newline (which no cell can otherwise hold, so it is turned back into `<br>` safely).
 */
function splitCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((cell) =>
    cell
      .trim()
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n'),
  );
}

const tableText = (t: TableBlock) => [...t.head, ...t.body].map((r) => r.join(' ')).join('\n');

/** Same-kind blocks may pair; tables are compared by the words of their cells. */
function blockSimilarity(x: Block, y: Block): number | null {
  if (x.kind !== y.kind) return null;
  return x.kind === 'text'
    ? wordOverlap(x.text, (y as TextBlock).text)
    : wordOverlap(tableText(x), tableText(y as TableBlock));
}

// ---------------------------------------------------------------------------------------------
// Alignment

interface Step {
  from: number | null;
  to: number | null;
}

/** Past this many candidate pairs, align positionally rather than by similarity. */
const MAX_ALIGN_CELLS = 10_000;

/**
 * What pairing two items is worth on top of their similarity (0 to 1). Small: a pair of similar
 * items beats two pairs of dissimilar ones (so a row inserted above an edited row does not pair
 * with it), but dissimilar items still pair by position rather than come out removed and added.
 */
const PAIR_BONUS = 0.1;

/**
 * An order-keeping alignment of two short sequences with the greatest total of PAIR_BONUS +
 * similarity over its pairs. `similarity` is null for items that may not pair. Unpaired items come
 * out as removals (`to` null) before additions (`from` null). Quadratic, so past MAX_ALIGN_CELLS
 * it pairs greedily in order instead.
 */
function align<T>(a: T[], b: T[], similarity: (x: T, y: T) => number | null): Step[] {
  const k = a.length;
  const l = b.length;
  if (k * l > MAX_ALIGN_CELLS) return greedyAlign(a, b, similarity);
  const w = l + 1;
  const sim = new Float64Array(k * l);
  const best = new Float64Array((k + 1) * w);
  for (let i = k - 1; i >= 0; i--) {
    for (let j = l - 1; j >= 0; j--) {
      const s = similarity(a[i] as T, b[j] as T);
      sim[i * l + j] = s === null ? NaN : PAIR_BONUS + s;
      const skip = Math.max(best[(i + 1) * w + j] as number, best[i * w + j + 1] as number);
      const take = s === null ? -1 : PAIR_BONUS + s + (best[(i + 1) * w + j + 1] as number);
      best[i * w + j] = Math.max(skip, take);
    }
  }
  const steps: Step[] = [];
  const removed: Step[] = [];
  const added: Step[] = [];
  const flush = () => {
    steps.push(...removed.splice(0), ...added.splice(0));
  };
  let i = 0;
  let j = 0;
  while (i < k && j < l) {
    const here = best[i * w + j] as number;
    const s = sim[i * l + j] as number;
    if (!Number.isNaN(s) && here === s + (best[(i + 1) * w + j + 1] as number)) {
      flush();
      steps.push({ from: i++, to: j++ });
    } else if (here === best[(i + 1) * w + j]) removed.push({ from: i++, to: null });
    else added.push({ from: null, to: j++ });
  }
  while (i < k) removed.push({ from: i++, to: null });
  while (j < l) added.push({ from: null, to: j++ });
  flush();
  return steps;
}

/** In order: pair when allowed; otherwise skip whichever item lets the next pair come soonest. */
function greedyAlign<T>(a: T[], b: T[], similarity: (x: T, y: T) => number | null): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (similarity(a[i] as T, b[j] as T) !== null) steps.push({ from: i++, to: j++ });
    else if (j + 1 < b.length && similarity(a[i] as T, b[j + 1] as T) !== null) {
      steps.push({ from: null, to: j++ });
    } else steps.push({ from: i++, to: null });
  }
  while (i < a.length) steps.push({ from: i++, to: null });
  while (j < b.length) steps.push({ from: null, to: j++ });
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Row alignment runs Myers over whole rows with this cap on the edit length; past it, by position. */
const MAX_ROW_EDITS = 400;

const rowKey = (row: string[]) => row.join('\u0000');
const rowSimilarity = (x: string[], y: string[]) => wordOverlap(x.join(' '), y.join(' '));

/** A table pair (either may be missing: a table added or removed) as one HTML table. */
function tableHtml(x: TableBlock | undefined, y: TableBlock | undefined): string {
  const columns = alignColumns(x, y);
  // Header rows pair by position: a header is the header, however much its wording changed.
  const headSteps: Step[] = [];
  const headLength = Math.max(x?.head.length ?? 0, y?.head.length ?? 0);
  for (let r = 0; r < headLength; r++) {
    headSteps.push({
      from: r < (x?.head.length ?? 0) ? r : null,
      to: r < (y?.head.length ?? 0) ? r : null,
    });
  }
  const head = headSteps.map((s) => rowHtml(s, x?.head, y?.head, columns, 'th')).join('');
  const body = alignRows(x?.body ?? [], y?.body ?? [])
    .map((s) => rowHtml(s, x?.body, y?.body, columns, 'td'))
    .join('');
  return (
    '<table class="redline-table">' +
    (head ? `<thead>${head}</thead>` : '') +
    `<tbody>${body}</tbody></table>`
  );
}

/** Identical rows anchor (Myers over whole rows); rows between anchors pair by similarity. */
function alignRows(a: string[][], b: string[][]): Step[] {
  const changes = diffArrays(a.map(rowKey), b.map(rowKey), { maxEditLength: MAX_ROW_EDITS });
  if (!changes) return align(a, b, rowSimilarity);
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  let ri = 0;
  let rj = 0;
  const region = () => {
    const sub = align(a.slice(ri, i), b.slice(rj, j), rowSimilarity);
    for (const s of sub) {
      steps.push({
        from: s.from === null ? null : s.from + ri,
        to: s.to === null ? null : s.to + rj,
      });
    }
  };
  for (const c of changes) {
    const n = c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else {
      region();
      for (let t = 0; t < n; t++) steps.push({ from: i + t, to: j + t });
      i += n;
      j += n;
      ri = i;
      rj = j;
    }
  }
  region();
  return steps;
}

/**
 * Which old column each new one continues. Same width: column by column. Otherwise the columns
 * pair by the words they hold, and a column with no partner is added or removed.
 */
function alignColumns(x: TableBlock | undefined, y: TableBlock | undefined): Step[] {
  const wa = x?.width ?? 0;
  const wb = y?.width ?? 0;
  if (!x || !y || wa === wb) {
    return Array.from({ length: Math.max(wa, wb) }, (_, c) => ({
      from: x && c < wa ? c : null,
      to: y && c < wb ? c : null,
    }));
  }
  const column = (t: TableBlock, c: number) =>
    [...t.head, ...t.body].map((row) => row[c] ?? '').join(' ');
  const ca = Array.from({ length: wa }, (_, c) => column(x, c));
  const cb = Array.from({ length: wb }, (_, c) => column(y, c));
  return align(ca, cb, wordOverlap);
}

function rowHtml(
  step: Step,
  a: string[][] | undefined,
  b: string[][] | undefined,
  columns: Step[],
  cell: 'th' | 'td',
): string {
  const x = step.from === null ? undefined : a?.[step.from];
  const y = step.to === null ? undefined : b?.[step.to];
  // A cell missing on one side (an added or removed row or column, or a short row) is empty
  // there, so its text comes out all inserted or all deleted.
  const cells = columns.map((col) => {
    const before = (col.from === null ? undefined : x?.[col.from]) ?? '';
    const after = (col.to === null ? undefined : y?.[col.to]) ?? '';
    return `<${cell}>${cellHtml(before, after)}</${cell}>`;
  });
  const added = x === undefined ? ' class="redline-row-added"' : '';
  const removed = y === undefined ? ' class="redline-row-removed"' : '';
  return `<tr${added}${removed}>${cells.join('')}</tr>`;
}

/** A cell's word diff; the newlines that stand for `<br>` become `<br>` again once escaped. */
function cellHtml(before: string, after: string): string {
  return wordDiff(before, after)
    .parts.map((p) => wrap(p.op, escapeHtml(p.text).replace(/\n/g, '<br>')))
    .join('');
}
