import type { Clause } from '../api';

const MAX_QUOTE_LENGTH = 2000;

// The server compares quotes with whitespace collapsed, so we do too.
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const clauseWords = (clause: Clause) => squash(`${clause.heading ?? ''} ${clause.text}`);

/** Whether the server will accept `quote` as occurring in `clause`. */
export function quoteOccursIn(clause: Clause, quote: string): boolean {
  return quote.trim() === '' || clauseWords(clause).includes(squash(quote));
}

/**
 * Turns selected text into a quote the server will accept, or null when it cannot. The rendered
 * clause shows its number, which is not part of the clause text, so a leading number is dropped.
 */
export function quoteFromSelection(selected: string, clause: Clause): string | null {
  let quote = squash(selected);
  if (quote.startsWith(clause.ref)) quote = quote.slice(clause.ref.length).trim();
  quote = quote.slice(0, MAX_QUOTE_LENGTH).trim();
  if (!quote) return null;
  return clauseWords(clause).includes(quote) ? quote : null;
}

export { MAX_QUOTE_LENGTH };
