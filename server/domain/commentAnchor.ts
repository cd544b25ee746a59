// Where a comment points: a clause, and optionally a span of its text that it quotes.

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether a quote really occurs in a clause (its heading or text), spacing ignored. */
export function quoteOccursIn(clause: { heading: string | null; text: string }, quote: string) {
  return squash(`${clause.heading ?? ''} ${clause.text}`).includes(squash(quote));
}
