// Scanning document.xml the way mammoth reads it.

import { childValue, firstChild, type XmlElement, type XmlNode } from '../wordXml.js';
import { readToggles, type Toggles } from './runFormatting.js';

/** A run as mammoth reads it: its text, its character style and its own bold and italic. */
export interface ScannedRun {
  text: string;
  characterStyle: string | null;
  direct: Toggles;
}

export interface ScannedParagraph {
  numId: string | undefined;
  ilvl: string | undefined;
  styleId: string | null;
  text: string;
  inTable: boolean;
  /**
   * Its paragraph mark was moved away (tracked): Word's accepted view joins what is left of it to
   * the next paragraph, but mammoth still reads it as a paragraph of its own.
   */
  joinsNext: boolean;
  runs: ScannedRun[];
  /** The table the paragraph is in (the innermost): its style, and whether this is its first row. */
  table: { style: string | null; firstRow: boolean } | null;
}

interface OpenTable {
  style: string | null;
  /** The table's look asks for its style's first-row formatting. */
  firstRowLook: boolean;
  /** Rows met so far. */
  rows: number;
}

export interface ScanState {
  paragraphs: ScannedParagraph[];
  open: ScannedParagraph[];
  tableDepth: number;
  /** Text of paragraphs whose marks were deleted or moved away, waiting for the next paragraph. */
  carried: string;
  /** The runs of that text. */
  carriedRuns: ScannedRun[];
  tables: OpenTable[];
  /** The run being read. */
  run: ScannedRun | null;
}

/** A table's look (`w:tblLook`) turns on its first-row formatting: an attribute, or bit 0x20. */
function firstRowLook(look: XmlElement | undefined): boolean {
  if (!look) return false;
  const attribute = look.attributes['w:firstRow'];
  if (attribute !== undefined)
    return attribute === '1' || attribute === 'true' || attribute === 'on';
  return (Number.parseInt(look.attributes['w:val'] ?? '0', 16) & 0x20) !== 0;
}

// mammoth reads the fallback of alternate content and skips deleted runs; so do we.
const SKIPPED = new Set(['mc:Choice', 'w:del', 'w:moveFrom', 'w:instrText', 'w:delText']);
const TEXT_OF: Record<string, string> = {
  'w:tab': '\t',
  'w:br': '\n',
  'w:cr': '\n',
  'w:noBreakHyphen': '\u2011',
  'w:softHyphen': '\u00ad',
};

export function scan(element: XmlElement, state: ScanState): void {
  for (const child of element.children) scanNode(child, element, state);
}

function scanNode(node: XmlNode, parent: XmlElement, state: ScanState): void {
  const current = state.open[state.open.length - 1];
  if (typeof node === 'string') {
    if (current && parent.name === 'w:t') current.text += node;
    if (state.run && parent.name === 'w:t') state.run.text += node;
    return;
  }
  if (SKIPPED.has(node.name)) return;
  const replacement = TEXT_OF[node.name];
  if (replacement !== undefined) {
    if (current) current.text += replacement;
    if (state.run) state.run.text += replacement;
    return;
  }
  // A deleted table row is gone in the accepted view; mammoth skips it too.
  if (node.name === 'w:tr' && isRemoved(firstChild(node, 'w:trPr'), 'w:del')) return;
  if (node.name === 'w:tr') {
    scan(node, state);
    const table = state.tables[state.tables.length - 1];
    if (table) table.rows += 1;
    return;
  }
  if (node.name === 'w:tbl') {
    const properties = firstChild(node, 'w:tblPr');
    state.tables.push({
      style: childValue(properties, 'w:tblStyle') ?? null,
      firstRowLook: firstRowLook(firstChild(properties, 'w:tblLook')),
      rows: 0,
    });
    state.tableDepth += 1;
    scan(node, state);
    state.tableDepth -= 1;
    state.tables.pop();
    return;
  }
  if (node.name === 'w:r' && current) {
    const properties = firstChild(node, 'w:rPr');
    const run: ScannedRun = {
      text: '',
      characterStyle: childValue(properties, 'w:rStyle') ?? null,
      direct: readToggles(properties),
    };
    current.runs.push(run);
    const outer = state.run;
    state.run = run;
    scan(node, state);
    state.run = outer;
    return;
  }
  if (node.name !== 'w:p') {
    scan(node, state);
    return;
  }
  scanParagraph(node, state);
}

/**
 * A paragraph whose mark is a tracked deletion is merged with the next one, as Word's accepted
 * view shows it (and as mammoth reads it): its remaining text starts the next paragraph, and its
 * own numbering counts for nothing. A mark moved away (`w:moveFrom`) is merged the same way, but
 * mammoth does not know that, so the paragraph is listed, flagged, for the pairing to undo.
 */
function scanParagraph(node: XmlElement, state: ScanState): void {
  const properties = firstChild(node, 'w:pPr');
  const markProperties = firstChild(properties, 'w:rPr');
  const numbering = firstChild(properties, 'w:numPr');
  const table = state.tables[state.tables.length - 1];
  const paragraph: ScannedParagraph = {
    numId: childValue(numbering, 'w:numId'),
    ilvl: childValue(numbering, 'w:ilvl'),
    styleId: childValue(properties, 'w:pStyle') ?? null,
    text: state.carried,
    inTable: state.tableDepth > 0,
    joinsNext: isRemoved(markProperties, 'w:moveFrom'),
    runs: state.carriedRuns,
    table: table ? { style: table.style, firstRow: table.firstRowLook && table.rows === 0 } : null,
  };
  state.carried = '';
  state.carriedRuns = [];
  const deleted = isRemoved(markProperties, 'w:del');
  if (!deleted) state.paragraphs.push(paragraph);
  state.open.push(paragraph);
  scan(node, state);
  state.open.pop();
  if (deleted || paragraph.joinsNext) {
    state.carried = paragraph.text;
    state.carriedRuns = paragraph.runs;
  }
}

function isRemoved(properties: XmlElement | undefined, revision: 'w:del' | 'w:moveFrom'): boolean {
  return firstChild(properties, revision) !== undefined;
}
