// The numbered paragraphs of a Word document: scanned, resolved against the numbering
// definitions and counted, in document order.

import { firstChild, parseXml, type XmlElement } from '../wordXml.js';
import { ClauseCounter } from './clauseCounter.js';
import { readDefinitions } from './definitions.js';
import type { WordLabel } from './labels.js';
import { readRunStyles, type Formatting } from './runFormatting.js';
import { scan, type ScannedParagraph } from './scan.js';
import { typedNumber } from './typedNumber.js';

export interface WordParagraph {
  /** The paragraph's text without any whitespace, to pair it with mammoth's paragraph. */
  key: string;
  /** The number Word shows before it; null when it is not numbered (or is a bullet). */
  label: WordLabel | null;
  /**
   * Word's accepted view joins this paragraph to the next (its mark was moved away), though
   * mammoth reads it as a paragraph of its own. It has no number.
   */
  joinsNext: boolean;
  /** Its runs as mammoth reads them, with the bold and italic Word shows, styles followed. */
  runs: (Formatting & { text: string })[];
}

export interface WordParts {
  document: string;
  numbering?: string | null;
  styles?: string | null;
}

/**
 * Every body paragraph in document order (as mammoth reads them), with Word's number if any, as
 * Word shows them with tracked changes accepted. `document` is parts.document already parsed.
 */
export function readWordParagraphs(
  parts: WordParts,
  document: XmlElement = parseXml(parts.document),
): WordParagraph[] {
  const definitions = readDefinitions(parts.numbering, parts.styles);
  const styles = readRunStyles(parts.styles);
  const body = firstChild(document, 'w:body');
  const paragraphs: ScannedParagraph[] = [];
  if (body)
    scan(body, {
      paragraphs,
      open: [],
      tableDepth: 0,
      carried: '',
      carriedRuns: [],
      tables: [],
      run: null,
    });
  const counter = new ClauseCounter();
  return paragraphs.map((paragraph): WordParagraph => {
    const key = paragraph.text.replace(/\s+/g, '');
    const runs = paragraph.runs.map((run) => ({
      text: run.text,
      ...styles.format({
        tableStyle: paragraph.table?.style ?? null,
        firstRow: paragraph.table?.firstRow ?? false,
        paragraphStyle: paragraph.styleId,
        characterStyle: run.characterStyle,
        direct: run.direct,
      }),
    }));
    if (paragraph.joinsNext) return { key, label: null, joinsNext: true, runs };
    const resolved = definitions.resolve(paragraph);
    const typed = typedNumber(paragraph.text, definitions.isHeadingStyle(paragraph.styleId));
    if (!resolved) {
      if (typed && !paragraph.inTable) counter.typed(typed);
      return { key, label: null, joinsNext: false, runs };
    }
    const label = counter.item(resolved, typed, paragraph.inTable);
    return { key, label: resolved.bullet ? null : label, joinsNext: false, runs };
  });
}
