// Terms a document defines itself, read from its glossary tables, definitions and expansions.
// The glossary (server/domain/glossary) reads the same forms for their definitions.

import type { Clause } from '../parseClauses.js';
import { splitCells, squashSpace, TABLE_SEPARATOR } from './text.js';
import { FUNCTION_WORDS } from './wordClasses.js';

// `"A" or "B" means` and `"A" (AB) means` define two names at once; the verb is kept so that "has
// the meaning given in Section A" reads as the definition it is.
const QUOTED_DEFINITION =
  /(?:["“](?<alias>[^"”\n]{1,120}?)["”]\s+or\s+)?["“](?<term>[^"”\n]{1,120}?)["”]\s*(?:\((?:["“]?(?<short>[A-Z][A-Za-z&]*[A-Z]s?)["”]?|[^)\n]{0,60})\)\s*)?[:,–—-]?\s*(?<verb>means|mean|shall mean|shall have the meaning|has the meaning|have the meaning|is defined|are defined|refers to|shall refer to|includes|shall include)\b/g;
const INLINE_DEFINITION =
  /\((?:the|a|an|each|each a|each an|together(?:,)? the|individually(?:,)? a)?\s*["“]([^"”\n]{1,120})["”]\s*\)/gi;
const BOLD_DEFINITION =
  /\*\*["“]?([^*\n"”]{1,120}?)["”]?(?::\*\*|\*\*\s*(?::|[–—-]\s|means\b|shall mean\b|(has the meaning)\b))/g;
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
const MEANS = /^(?:means|mean|shall mean)$/;
// A definition runs on through its lettered or bulleted items, and stops at the next paragraph.
const PARAGRAPH_BREAK = /\n[ \t]*\n(?![ \t]*(?:[-*+][ \t]|\\?\((?:[a-z]{1,4}|\d{1,3})\\?\)))/i;

function cleanTerm(raw: string): string {
  return squashSpace(raw.replace(/[*_`]/g, '').replace(/^["“'‘\s]+|["”'’\s:.,]+$/g, ''));
}

/** A term defined in a clause, with the words that define it when the form gives them. */
export interface DefinitionMatch {
  term: string;
  clauseRef: string;
  definition: string | null;
}

function untilParagraphEnd(text: string): string {
  const end = PARAGRAPH_BREAK.exec(text);
  return end ? text.slice(0, end.index) : text;
}

function scanClause(clause: Clause, add: (raw: string, definition: string | null) => void): void {
  const text = clause.heading ? `${clause.heading}\n${clause.text}` : clause.text;
  if (text === '') return;
  if (text.includes('"') || text.includes('“')) {
    const quoted = [...text.matchAll(QUOTED_DEFINITION)];
    quoted.forEach((m, i) => {
      const { alias = '', term = '', short = '', verb = '' } = m.groups ?? {};
      const start = m.index + m[0].length;
      const rest = untilParagraphEnd(text.slice(start, quoted[i + 1]?.index ?? text.length));
      const definition = MEANS.test(verb) ? rest : `${verb}${rest}`;
      if (alias) add(alias, definition);
      add(term, definition);
      if (short) add(short, definition);
    });
    for (const m of text.matchAll(INLINE_DEFINITION)) add(m[1] ?? '', null);
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (text.includes('**')) {
    for (const m of text.matchAll(BOLD_DEFINITION)) {
      const end = text.indexOf('\n', m.index);
      const rest = text.slice(m.index + m[0].length, end < 0 ? text.length : end);
      add(m[1] ?? '', m[2] ? `${m[2]}${rest}` : rest);
    }
  }
  const expansions = ACRONYM_IN_BRACKETS.test(text) ? text.replace(/\*+/g, '') : '';
  for (const m of expansions.matchAll(EXPANSION)) {
    const words = (m[1] ?? '').trim().split(/\s+/);
    while (words.length > 0 && FUNCTION_WORDS.has((words[0] ?? '').toLowerCase())) words.shift();
    // An expansion in passing names the acronym; it is not the glossary's definition of it.
    if (words.length > 1) add(words.join(' '), null);
    add(m[2] ?? '', null);
  }
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line.startsWith('|')) {
      if (TABLE_SEPARATOR.test(line) || TABLE_SEPARATOR.test((lines[i + 1] ?? '').trim())) continue;
      const cells = splitCells(line);
      if (cells.length < 2) continue;
      // "| Term | Acronym | Definition |": the definition is the last cell.
      add(
        cells[0] ?? '',
        cells
          .slice(1)
          .filter((cell) => cell !== '')
          .at(-1) ?? null,
      );
      // An acronym table ("| MDS | Market-wide Data Service |") explains the expansion too.
      const [first = '', second = ''] = cells.map((cell) => cleanTerm(cell));
      if (ACRONYM.test(first) && TITLE_PHRASE.test(second)) add(second, null);
      continue;
    }
    const plain = line.includes(':') ? line.replace(/\*+/g, '') : '';
    const colon = plain ? COLON_DEFINITION.exec(plain) : null;
    if (colon?.[1] && !/\s(?:of|and|the|for|to|in|on|de)$/.test(colon[1])) {
      add(colon[1], plain.slice(colon[0].length - 1));
    }
  }
}

/**
 * Every definition in the clauses: `"Settlement Period" means ...` (BSC Annex X-1 style, straight
 * or curly quotes, `"A" or "B" means ...`), `**Term**: ...`, Markdown table rows `| Term |
 * Definition |` (first cell), `Term: ...` lines in Title Case, inline `(the "Term")` and expansions
 * such as `Supplier Volume Allocation Agent (SVAA)`. Definitions are raw text, Markdown and all.
 */
export function scanDefinitions(clauses: Clause[]): DefinitionMatch[] {
  const found: DefinitionMatch[] = [];
  for (const clause of clauses) {
    scanClause(clause, (raw, definition) => {
      const term = cleanTerm(raw);
      if (term.length === 0 || term.length > 120 || !/^[\p{L}\p{N}]/u.test(term)) return;
      if (term.split(' ').length > 10) return;
      found.push({ term, clauseRef: clause.ref, definition });
    });
  }
  return found;
}

/** The names of the terms the clauses define (see scanDefinitions for the forms read). */
export function extractDefinedTerms(clauses: Clause[]): Set<string> {
  return new Set(scanDefinitions(clauses).map((d) => d.term));
}
