// Scanning document.xml the way mammoth reads it.

import { childValue, firstChild, type XmlElement, type XmlNode } from '../wordXml.js';

export interface ScannedParagraph {
  numId: string | undefined;
  ilvl: string | undefined;
  styleId: string | null;
  text: string;
  inTable: boolean;
}

interface ScanState {
  paragraphs: ScannedParagraph[];
  open: ScannedParagraph[];
  tableDepth: number;
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
  const properties = firstChild(node, 'w:pPr');
  const numbering = firstChild(properties, 'w:numPr');
  const paragraph: ScannedParagraph = {
    numId: childValue(numbering, 'w:numId'),
    ilvl: childValue(numbering, 'w:ilvl'),
    styleId: childValue(properties, 'w:pStyle') ?? null,
    text: '',
    inTable: state.tableDepth > 0,
  };
  state.paragraphs.push(paragraph);
  state.open.push(paragraph);
  scan(node, state);
  state.open.pop();
}
