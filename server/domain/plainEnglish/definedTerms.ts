// Terms a document defines itself, read from its glossary tables, definitions and expansions.

import type { Clause } from '../parseClauses.js';
import { splitCells, squashSpace, TABLE_SEPARATOR } from './text.js';
import { FUNCTION_WORDS } from './wordClasses.js';

const QUOTED_DEFINITION =
  /["“]([^"”\n]{1,120}?)["”]\s*(?:\([^)\n]{0,60}\)\s*)?[:,–—-]?\s*(?:means|mean|shall mean|shall have the meaning|has the meaning|have the meaning|is defined|are defined|refers to|shall refer to|includes|shall include)\b/g;
const INLINE_DEFINITION =
  /\((?:the|a|an|each|each a|each an|together(?:,)? the|individually(?:,)? a)?\s*["“]([^"”\n]{1,120})["”]\s*\)/gi;
const BOLD_DEFINITION =
  /\*\*["“]?([^*\n"”]{1,120}?)["”]?(?::\*\*|\*\*\s*(?::|[–—-]\s|means\b|shall mean\b|has the meaning\b))/g;
const TITLE_WORD = String.raw`[\p{Lu}][\p{L}\p{N}'’&/-]*`;
const COLON_DEFINITION = new RegExp(
  String.raw`^\s*(?:[-*+]\s+)?["“]?(${TITLE_WORD}(?:\s+(?:${TITLE_WORD}|of|and|the|for|to|in|on|de)){0,7})["”]?\s*:\s+\S`,
  'u',
);
const EXPANSION = new RegExp(
  String.raw`((?:${TITLE_WORD}\s+(?:(?:of|and|the|for|to|in|on)\s+){0,2}){1,7})\(\s*([\p{Lu}][\p{L}&]*\p{Lu}s?)\s*\)`,
  'gu',
);

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&-]*s?$/u;
const TITLE_PHRASE = new RegExp(
  String.raw`^${TITLE_WORD}(?:\s+(?:${TITLE_WORD}|of|and|the|for|to|in|on)){0,7}$`,
  'u',
);
const ACRONYM_IN_BRACKETS = /\(\s*\p{Lu}[\p{L}&]*\p{Lu}s?\s*\)/u;

function cleanTerm(raw: string): string {
  return squashSpace(raw.replace(/[*_`]/g, '').replace(/^["“'‘\s]+|["”'’\s:.,]+$/g, ''));
}

function addTerm(terms: Set<string>, raw: string): void {
  const term = cleanTerm(raw);
  if (term.length === 0 || term.length > 120 || !/^[\p{L}\p{N}]/u.test(term)) return;
  if (term.split(' ').length > 10) return;
  terms.add(term);
}

/**
 * Terms a glossary defines: `"Settlement Period" means ...` (BSC Annex X-1 style, straight or curly
 * quotes), `**Term**: ...`, Markdown table rows `| Term | Definition |` (first cell), `Term: ...`
 * lines in Title Case, inline `(the "Term")` and expansions such as `Supplier Volume Allocation
 * Agent (SVAA)`.
 */
export function extractDefinedTerms(clauses: Clause[]): Set<string> {
  const terms = new Set<string>();
  for (const clause of clauses) {
    const text = clause.heading ? `${clause.heading}\n${clause.text}` : clause.text;
    if (text === '') continue;
    if (text.includes('"') || text.includes('“')) {
      for (const m of text.matchAll(QUOTED_DEFINITION)) addTerm(terms, m[1] ?? '');
      for (const m of text.matchAll(INLINE_DEFINITION)) addTerm(terms, m[1] ?? '');
    }
    if (text.includes('**')) {
      for (const m of text.matchAll(BOLD_DEFINITION)) addTerm(terms, m[1] ?? '');
    }
    const expansions = ACRONYM_IN_BRACKETS.test(text) ? text.replace(/\*+/g, '') : '';
    for (const m of expansions.matchAll(EXPANSION)) {
      const words = (m[1] ?? '').trim().split(/\s+/);
      while (words.length > 0 && FUNCTION_WORDS.has((words[0] ?? '').toLowerCase())) words.shift();
      if (words.length > 1) addTerm(terms, words.join(' '));
      addTerm(terms, m[2] ?? '');
    }
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (line.startsWith('|')) {
        if (TABLE_SEPARATOR.test(line) || TABLE_SEPARATOR.test((lines[i + 1] ?? '').trim()))
          continue;
        const cells = splitCells(line);
        if (cells.length < 2) continue;
        addTerm(terms, cells[0] ?? '');
        // An acronym table ("| MDS | Market-wide Data Service |") explains the expansion too.
        const [first = '', second = ''] = cells.map((cell) => cleanTerm(cell));
        if (ACRONYM.test(first) && TITLE_PHRASE.test(second)) addTerm(terms, second);
        continue;
      }
      const colon = line.includes(':') ? COLON_DEFINITION.exec(line.replace(/\*+/g, '')) : null;
      if (colon?.[1] && !/\s(?:of|and|the|for|to|in|on|de)$/.test(colon[1])) {
        addTerm(terms, colon[1]);
      }
    }
  }
  return terms;
}
