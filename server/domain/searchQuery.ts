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

/** An FTS5 MATCH expression: each term a quoted string, so no word is read as an operator. */
export function toFts5(terms: SearchTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`).join(' AND ');
}

/** A to_tsquery('english', ...) expression: words joined by <->, prefixes with :*. */
export function toTsquery(terms: SearchTerm[]): string {
  return terms
    .map((t) => {
      const words = t.words.map((w, i) => (t.prefix && i === t.words.length - 1 ? `${w}:*` : w));
      return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
    })
    .join(' & ');
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * Splits a database-highlighted snippet (hits between HIT_START and HIT_END) into parts, so that
 * the client renders text, never markup. The markers cannot come from clause text: control
 * characters are refused on the way in, and any left over are dropped here.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  for (const [i, chunk] of marked.split(HIT_START).entries()) {
    if (i === 0) {
      push(chunk.replaceAll(HIT_END, ''), false);
      continue;
    }
    const end = chunk.indexOf(HIT_END);
    if (end < 0) push(chunk, true);
    else {
      push(chunk.slice(0, end), true);
      push(chunk.slice(end + 1).replaceAll(HIT_END, ''), false);
    }
  }
  return parts;
}

/**
 * Highlights terms in plain text (comments are searched without an index): a window of about
 * `width` characters around the first hit, with every occurrence of a term's words marked.
 */
export function highlightPlain(text: string, terms: SearchTerm[], width = 200): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = [...new Set(terms.flatMap((t) => t.words))].sort((a, b) => b.length - a.length);
  if (!words.length) return [{ text: flat.slice(0, width), hit: false }];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  const first = flat.search(pattern);
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const window = flat.slice(start, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  for (const [i, piece] of window.split(pattern).entries()) {
    if (!piece) continue;
    const hit = i % 2 === 1;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else parts.push({ text: piece, hit });
  }
  if (start + width < flat.length) {
    const last = parts[parts.length - 1];
    if (last && !last.hit) last.text += '…';
    else parts.push({ text: '…', hit: false });
  }
  return parts;
}
