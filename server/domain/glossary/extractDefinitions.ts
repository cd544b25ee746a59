import type { Clause } from '../parseClauses.js';
import { scanDefinitions } from '../plainEnglish/definedTerms.js';
import { squashSpace } from '../plainEnglish/text.js';

export interface Definition {
  term: string;
  definition: string;
  clauseRef: string;
}

/**
 * The definition as a reader sees it: emphasis marks, escapes and list punctuation ("...; and")
 * gone, but the words and their full stop kept.
 */
export function tidyDefinition(raw: string): string {
  return squashSpace(
    raw
      .replace(/\*\*|__/g, '')
      .replace(/\\([()[\]*_.])/g, '$1')
      .replace(/^[\s:,–—-]+/, ''),
  ).replace(/\s*[;,](?:\s*(?:and|or))?$/, '');
}

/** Two definitions say the same when they differ only in case, spacing, quotes, emphasis or a final full stop. */
export function normaliseDefinition(text: string): string {
  return squashSpace(
    text
      .toLowerCase()
      .replace(/["“”‘’'`]/g, '')
      .replace(/[*_]+/g, ''),
  ).replace(/\s*[.;,]$/, '');
}

/**
 * Terms with the words that define them, in the forms `extractDefinedTerms` reads; a term named
 * without its meaning (`(the "Defaulting Party")`) is not a definition. A definition ending in a
 * colon takes in the lettered items under its clause. One per term and clause unless the clause
 * says two different things.
 */
export function extractDefinitions(clauses: Clause[]): Definition[] {
  const items = new Map<string, string[]>();
  for (const c of clauses) {
    if (c.parentRef === null) continue;
    // "1.1.7(a)" is read as "(a) ..." after its parent's "who shall:".
    const item = `${/\([^()]+\)$/.exec(c.ref)?.[0] ?? ''} ${c.text}`;
    items.set(c.parentRef, [...(items.get(c.parentRef) ?? []), item]);
  }
  const seen = new Set<string>();
  const out: Definition[] = [];
  for (const match of scanDefinitions(clauses)) {
    if (match.definition === null) continue;
    const introduces = /:\s*$/.test(match.definition) ? items.get(match.clauseRef) : undefined;
    const definition = tidyDefinition(
      introduces ? `${match.definition} ${introduces.join(' ')}` : match.definition,
    );
    if (definition === '') continue;
    const key = `${match.clauseRef}\u0000${match.term}\u0000${normaliseDefinition(definition)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ term: match.term, definition, clauseRef: match.clauseRef });
  }
  return out;
}
