import { termPatterns } from './searchRank.js';

/**
 * The search language, one for both databases: words must all occur (stemmed, so "collectors"
 * finds "Collector"), "quoted words" must occur together in order, and a word ending in `*`
 * matches as a prefix. Everything else is punctuation: the parser keeps letters and digits only,
 * so nothing typed can reach FTS5's or tsquery's own syntax.
 */
export interface SearchTerm {
  /** Lower-case words; more than one must occur in this order. */
  words: string[];
  prefix: boolean;
}

const MAX_TERMS = 32;
const WORD = /[\p{L}\p{N}]+/gu;

export function parseSearchQuery(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // A quoted phrase, or a run of anything but spaces and quotes.
  for (const m of q.normalize('NFKC').matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = m[1] !== undefined;
    const raw = quoted ? m[1]! : m[0];
    const words = (raw.toLowerCase().match(WORD) ?? []).slice(0, MAX_TERMS);
    if (!words.length) continue;
    // "2.1.3" or "data-collector" are one term whose parts must be adjacent.
    terms.push({ words, prefix: !quoted && /\*$/.test(raw) });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * An FTS5 MATCH expression: each term a quoted string, so no word is read as an operator. With a
 * scope, the terms are looked for in `columns` only, and the `code` column must hold the code.
 */
export function toFts5(terms: SearchTerm[], scope?: { columns: string[]; code?: string }): string {
  const all = terms
    .map((t) => {
      if (!t.prefix) return `"${t.words.join(' ')}"`;
      const [prefixed, ...stems] = prefixForms(t.words);
      return `(${[`"${prefixed!.join(' ')}" *`, ...stems.map((w) => `"${w.join(' ')}"`)].join(' OR ')})`;
    })
    .join(' AND ');
  if (!scope) return all;
  const inColumns = `{${scope.columns.join(' ')}} : (${all})`;
  // A code is letters and digits as the tokenizer reads them; the caller's join checks it exactly.
  const code = scope.code?.toLowerCase().match(WORD);
  return code ? `{code} : "${code.join(' ')}" AND ${inColumns}` : inColumns;
}

/**
 * The index holds word stems, and the stem of a word can be shorter than what was typed of it:
 * "estimate" is stored as "estim", so "estimat*" must also look for "estim". Besides the prefix
 * itself, the forms with one to three of its last letters dropped (at least four left) count as
 * whole stems.
 */
function prefixForms(words: readonly string[]): string[][] {
  const head = words.slice(0, -1);
  const last = words[words.length - 1] ?? '';
  const forms = [[...head, last]];
  for (let drop = 1; drop <= 3 && last.length - drop >= 4; drop++) {
    forms.push([...head, last.slice(0, -drop)]);
  }
  return forms;
}

/** A to_tsquery('english', ...) expression: words joined by <->, prefixes with :*. */
export function toTsquery(terms: SearchTerm[]): string {
  const phrase = (words: string[]) => (words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!);
  return terms
    .map((t) => {
      if (!t.prefix) return phrase(t.words);
      const [prefixed, ...stems] = prefixForms(t.words);
      const withStar = prefixed!.map((w, i, all) => (i === all.length - 1 ? `${w}:*` : w));
      return `(${[phrase(withStar), ...stems.map(phrase)].join(' | ')})`;
    })
    .join(' & ');
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

// A page highlights each of its hits with the same terms: the pattern is built once per search.
const highlightPatterns = new WeakMap<readonly SearchTerm[], RegExp | null>();

/** Any term, as one pattern; null when there are none. */
function highlightPattern(terms: readonly SearchTerm[]): RegExp | null {
  let pattern = highlightPatterns.get(terms);
  if (pattern === undefined) {
    const patterns = termPatterns(terms);
    pattern = patterns.length
      ? new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'giu')
      : null;
    highlightPatterns.set(terms, pattern);
  }
  return pattern;
}

/**
 * Highlights terms in plain text: a window of about `width` characters around the first hit, with
 * every occurrence of a term marked (a phrase as a whole).
 */
export function highlightPlain(text: string, terms: SearchTerm[], width = 200): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = highlightPattern(terms);
  if (!pattern) return [{ text: flat.slice(0, width), hit: false }];
  const first = flat.search(pattern);
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const window = flat.slice(start, start + width);
  const parts: SnippetPart[] = [];
  const push = (piece: string, hit: boolean) => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else parts.push({ text: piece, hit });
  };
  if (start > 0) push('…', false);
  let at = 0;
  for (const m of window.matchAll(pattern)) {
    push(window.slice(at, m.index), false);
    push(m[0], true);
    at = m.index + m[0].length;
  }
  push(window.slice(at), false);
  if (start + width < flat.length) push('…', false);
  return parts;
}
