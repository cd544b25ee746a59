// Words as the diff sees them, and the word counts built on them.

/**
 * A word: letters, digits and combining marks, joined by inner `_`, `'`, `’` or `-` ("Supplier's",
 * "half-hourly"), and by `.` between digits, so that a clause reference (2.1.3, BSCP502.3) or a
 * decimal is one token rather than a run of numbers and full stops.
 */
export const WORD = String.raw`[\p{L}\p{N}\p{M}]+(?:(?:[_'’\-]|(?<=\p{N})\.(?=\p{N}))[\p{L}\p{N}\p{M}]+)*`;
const WORDS = new RegExp(WORD, 'gu');

/** Words in a text: the word tokens of the diff, so "2.1.3" and "Supplier's" count once. */
export function countWords(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

/** How many items two lists have in common, as multisets. */
export function commonCount<T>(a: readonly T[], b: readonly T[]): number {
  const pool = new Map<T, number>();
  for (const x of a) pool.set(x, (pool.get(x) ?? 0) + 1);
  let common = 0;
  for (const y of b) {
    const k = pool.get(y) ?? 0;
    if (k > 0) {
      common++;
      pool.set(y, k - 1);
    }
  }
  return common;
}

/** The share of words (case-insensitive, as multisets) two texts have in common: 0 to 1. */
export function wordOverlap(a: string, b: string): number {
  const wordsA = a.toLowerCase().match(WORDS) ?? [];
  const wordsB = b.toLowerCase().match(WORDS) ?? [];
  if (wordsA.length + wordsB.length === 0) return 1;
  return (2 * commonCount(wordsA, wordsB)) / (wordsA.length + wordsB.length);
}
