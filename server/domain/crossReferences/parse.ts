// Cross-references written in clause text, read so that they can be linked and indexed: within the
// artefact ("paragraph 2.1.3", "Section 3") and to other artefacts ("BSC Section S paragraph 2.1",
// "BSCP501 section 3.2", "REC Schedule 23, paragraph 4", "Annex X-1").

import { normaliseReference } from '../plainEnglish/referenceKeys.js';

export interface TextReference {
  /** The words as written, for the link text and the index. */
  raw: string;
  start: number;
  end: number;
  /** Registry key of the cited artefact ('section s', 'bscp501'); null for this artefact. */
  document: string | null;
  /** 'BSC' or 'REC' when the text names the code ("REC Schedule 23"). */
  code: string | null;
  /** The cited clause, or null when the whole artefact is cited. */
  clauseRef: string | null;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3}){0,6}(?:\([a-z0-9]{1,4}\))*`;
const LIST_JOIN = String.raw`\s*(?:,|and/or|and|or)\s*`;
// Case-sensitive on purpose elsewhere ("Section S" is a document, "section s" is not).
const CLAUSE_NOUN = String.raw`(?:[Ss]ub-?)?(?:[Pp]aragraphs?|[Pp]aras?\.?|[Cc]lauses?|[Ss]ections?)`;
const CLAUSES = String.raw`${CLAUSE_NOUN}\s+(${NUMBER}(?:${LIST_JOIN}${NUMBER})*)(?![\d.]*\d)`;
const DOCUMENT = [
  String.raw`BSCP\s?\d{1,4}[A-Z]?`,
  String.raw`BSC\s+(?:COP|CoP|Code of Practice)\s?\d{1,2}`,
  String.raw`Section\s+[A-Z]{1,2}(?![A-Za-z'’-])`,
  String.raw`Annex\s+[A-Z]{1,2}\s?[-–]\s?\d{1,2}`,
  String.raw`Schedule\s+(?:\d{1,3}[A-Z]?|[A-Z]{1,3})(?![A-Za-z'’-])`,
].join('|');
const CITATION = new RegExp(
  String.raw`\b(?:(BSC|REC)\s+)?(${DOCUMENT})\b(?:\s*,?\s*${CLAUSE_NOUN}\s+(${NUMBER}(?:${LIST_JOIN}${NUMBER})*)(?![\d.]*\d))?|\b${CLAUSES}`,
  'g',
);
const NUMBER_G = new RegExp(NUMBER, 'g');
// "... of the Electricity Act", "... of the Transmission Licence": another document's paragraph.
const EXTERNAL_AFTER = /^\s*(?:of|in|under)\s+(?:the\s+)?(?!this\b|these\b)\p{Lu}/u;
const OWN_CODE_AFTER =
  /^\s*(?:of|in|under)\s+(?:the\s+)?(?:this\b|these\b|REC\b|BSC\b|Code\b|Retail Energy Code\b|Balancing and Settlement Code\b)/;

function documentKey(document: string): string {
  const d = document.replace(/\s+/g, ' ').trim();
  const bscp = /^BSCP ?(\S+)$/i.exec(d);
  if (bscp) return normaliseReference('bscp', bscp[1] ?? '');
  const cop = /^BSC (?:COP|CoP|Code of Practice) ?(\d+)$/.exec(d);
  if (cop) return normaliseReference('bsc cop', cop[1] ?? '');
  const annex = /^Annex (.+)$/.exec(d);
  if (annex) return normaliseReference('annex', (annex[1] ?? '').replace(/\s/g, ''));
  const [kind = '', id = ''] = d.split(' ');
  return normaliseReference(kind, id);
}

/** Each number of "paragraphs 2.1.1 and 2.1.2" is its own reference, linked on its own words. */
function numbered(
  text: string,
  listStart: number,
  list: string,
  head: { start: number; document: string | null; code: string | null },
  out: TextReference[],
): void {
  let first = true;
  for (const n of list.matchAll(NUMBER_G)) {
    const start = first ? head.start : listStart + n.index;
    const end = listStart + n.index + n[0].length;
    out.push({
      raw: text.slice(start, end),
      start,
      end,
      document: head.document,
      code: head.code,
      clauseRef: n[0],
    });
    first = false;
  }
}

export function parseReferences(text: string): TextReference[] {
  const out: TextReference[] = [];
  for (const m of text.matchAll(CITATION)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 60);
    const external = EXTERNAL_AFTER.test(after) && !OWN_CODE_AFTER.test(after);
    const document = m[2];
    if (document !== undefined) {
      if (external) continue;
      const head = { start, document: documentKey(document), code: m[1] ?? null };
      const list = m[3];
      if (list === undefined) {
        out.push({ ...head, raw: m[0], end, clauseRef: null });
      } else {
        numbered(text, end - list.length, list, head, out);
      }
      continue;
    }
    const list = m[4] ?? '';
    if (external) continue;
    numbered(text, end - list.length, list, { start, document: null, code: null }, out);
  }
  return out;
}

/** The citations written in each clause, in clause order (read on the worker thread at publish). */
export const clauseCitations = (clauses: readonly { text: string }[]): TextReference[][] =>
  clauses.map((c) => parseReferences(c.text));
