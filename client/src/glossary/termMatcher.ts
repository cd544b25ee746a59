import type { GlossaryEntry } from './glossaryApi';

/** The defined terms of a glossary, found in text by one regular expression. */
export interface TermMatcher {
  entries: readonly GlossaryEntry[];
  pattern: RegExp;
  /** The entry a matched piece of text names, if the match is a use of the term. */
  entryFor(text: string): number | undefined;
}

// As the server's termKey: the first letter as written ("Code" is a term, "code" is not), the rest
// in any case, hyphens as spaces.
const termKey = (term: string) => {
  const t = term.replace(/[-–]/g, ' ').replace(/\s+/g, ' ').trim();
  return t.slice(0, 1) + t.slice(1).toLowerCase();
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The term and its plural: "Party" / "Parties", "Data Collector" / "Data Collectors". */
function termPattern(term: string): string {
  const words = term
    .split(/[\s\-–]+/)
    .map(escape)
    .join('[\\s\\-–]+');
  if (/[^aeiou]y$/i.test(term)) return `${words.slice(0, -1)}(?:y|ies)`;
  return `${words}(?:e?s)?`;
}

/**
 * One alternation of every defined term, longest first, so that "Half Hourly Data Collector" is
 * marked whole rather than as "Data Collector". Terms without a definition are not marked.
 */
export function buildTermMatcher(entries: readonly GlossaryEntry[]): TermMatcher | null {
  const keys = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.definitions.length > 0) keys.set(termKey(entry.term), i);
  });
  if (keys.size === 0) return null;
  const terms = [...keys.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map(termPattern).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const entryFor = (text: string) => {
    const key = termKey(text);
    return (
      keys.get(key) ??
      (key.endsWith('ies') ? keys.get(`${key.slice(0, -3)}y`) : undefined) ??
      (key.endsWith('es') ? keys.get(key.slice(0, -2)) : undefined) ??
      (key.endsWith('s') ? keys.get(key.slice(0, -1)) : undefined)
    );
  };
  return { entries, pattern, entryFor };
}

/**
 * Wraps each use of a defined term in the element as a focusable `span.defined-term`, made as DOM
 * nodes (definitions are never put into HTML). Links, code and existing marks are left alone.
 */
export function markDefinedTerms(root: HTMLElement, matcher: TermMatcher): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('a, code, pre, .defined-term')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  const { pattern } = matcher;
  for (const text of texts) {
    pattern.lastIndex = 0;
    let match = pattern.exec(text.data);
    if (!match) continue;
    const parts: Node[] = [];
    let from = 0;
    for (; match; match = pattern.exec(text.data)) {
      const entry = matcher.entryFor(match[0]);
      if (entry === undefined) continue;
      parts.push(doc.createTextNode(text.data.slice(from, match.index)));
      const span = doc.createElement('span');
      span.className = 'defined-term';
      span.tabIndex = 0;
      span.dataset.term = String(entry);
      span.textContent = match[0];
      parts.push(span);
      from = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    parts.push(doc.createTextNode(text.data.slice(from)));
    text.replaceWith(...parts);
  }
}
