// Scanning document.xml the way mammoth reads it.

import { childValue, firstChild, type XmlElement, type XmlNode } from '../wordXml.js';

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
}

interface ScanState {
  paragraphs: ScannedParagraph[];
  open: ScannedParagraph[];
  tableDepth: number;
  /** Text of paragraphs whose marks were deleted or moved away, waiting for the next paragraph. */
  carried: string;
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
    return;
  }
  if (SKIPPED.has(node.name)) return;
  const replacement = TEXT_OF[node.name];
  if (replacement !== undefined) {
    if (current) current.text += replacement;
    return;
  }
  // A deleted table row is gone in the accepted view; mammoth skips it too.
  if (node.name === 'w:tr' && isRemoved(firstChild(node, 'w:trPr'), 'w:del')) return;
  if (node.name === 'w:tbl') {
    state.tableDepth += 1;
    scan(node, state);
    state.tableDepth -= 1;
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
  const paragraph: ScannedParagraph = {
    numId: childValue(numbering, 'w:numId'),
    ilvl: childValue(numbering, 'w:ilvl'),
    styleId: childValue(properties, 'w:pStyle') ?? null,
    text: state.carried,
    inTable: state.tableDepth > 0,
    joinsNext: isRemoved(markProperties, 'w:moveFrom'),
  };
  state.carried = '';
  const deleted = isRemoved(markProperties, 'w:del');
  if (!deleted) state.paragraphs.push(paragraph);
  state.open.push(paragraph);
  scan(node, state);
  state.open.pop();
  if (deleted || paragraph.joinsNext) state.carried = paragraph.text;
}

function isRemoved(properties: XmlElement | undefined, revision: 'w:del' | 'w:moveFrom'): boolean {
  return firstChild(properties, revision) !== undefined;
}
