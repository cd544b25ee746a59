// The numbered paragraphs of a Word document: scanned, resolved against the numbering
// definitions and counted, in document order.

import { firstChild, parseXml } from '../wordXml.js';
import { ClauseCounter } from './clauseCounter.js';
import { readDefinitions } from './definitions.js';
import type { WordLabel } from './labels.js';
import { scan, type ScannedParagraph } from './scan.js';
import { typedNumber } from './typedNumber.js';

export interface WordParagraph {
  /** The paragraph's text without any whitespace, to pair it with mammoth's paragraph. */
  key: string;
  /** The number Word shows before it; null when it is not numbered (or is a bullet). */
  label: WordLabel | null;
}

export interface WordParts {
  document: string;
  numbering?: string | null;
  styles?: string | null;
}

/** Every body paragraph in document order (as mammoth reads them), with Word's number if any. */
export function readWordParagraphs(parts: WordParts): WordParagraph[] {
  const definitions = readDefinitions(parts.numbering, parts.styles);
  const body = firstChild(parseXml(parts.document), 'w:body');
  const paragraphs: ScannedParagraph[] = [];
  if (body) scan(body, { paragraphs, open: [], tableDepth: 0 });
  const counter = new ClauseCounter();
  return paragraphs.map((paragraph): WordParagraph => {
    const key = paragraph.text.replace(/\s+/g, '');
    const resolved = definitions.resolve(paragraph);
    const typed = typedNumber(paragraph.text, definitions.isHeadingStyle(paragraph.styleId));
    if (!resolved) {
      if (typed && !paragraph.inTable) counter.typed(typed);
      return { key, label: null };
    }
    const label = counter.item(resolved, typed, paragraph.inTable);
    return { key, label: resolved.bullet ? null : label };
  });
}
