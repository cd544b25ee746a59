import { coverage, uncovered, type Profile } from './clauseProfiles.js';

// Splits and merges, recognised after the alignment from the words a neighbour gained or a pair
// lost: comments on a split clause follow its first part, and on a merged clause the clause it
// was merged into.

/** The words a split part or a merged clause brings must be this well covered. */
const COVERED = 0.6;
/** A pair must have lost this share of its old words before a neighbour can be a split part. */
const LOST = 0.3;
/** Split parts and merged clauses are real sentences, not stray headings. */
const MIN_PART_WORDS = 3;

/**
 * An old clause split in two reads as its first part paired (perhaps weakly) and the second
 * added, or the reverse. Its comments follow the first part, so the pair moves to the first part.
 */
export function recogniseSplits(
  fromMatch: Int32Array,
  toMatch: Int32Array,
  moved: Set<number>,
  old: Profile[],
  next: Profile[],
  pair: (i: number, j: number) => void,
  splitFrom: Map<number, number>,
): void {
  for (let j = 0; j < toMatch.length; j++) {
    const i = toMatch[j] as number;
    if (i === -1 || moved.has(j)) continue;
    const whole = old[i] as Profile;
    const lost = uncovered(whole, next[j] as Profile);
    if (lost.total < LOST * whole.total) continue;
    // Earlier parts: added clauses just before j made of the words the pair lost.
    let first = j;
    let rest = lost;
    while (first > 0 && toMatch[first - 1] === -1) {
      const part = next[first - 1] as Profile;
      if (part.size < MIN_PART_WORDS || coverage(part, rest) < COVERED) break;
      rest = uncovered(rest, part);
      first -= 1;
    }
    if (first !== j) {
      toMatch[j] = -1;
      pair(i, first);
      for (let k = first + 1; k <= j; k++) splitFrom.set(k, i);
      continue;
    }
    // Later parts: added clauses just after j.
    rest = lost;
    for (let k = j + 1; k < toMatch.length && toMatch[k] === -1; k++) {
      const part = next[k] as Profile;
      if (part.size < MIN_PART_WORDS || coverage(part, rest) < COVERED) break;
      rest = uncovered(rest, part);
      splitFrom.set(k, i);
    }
  }
}

/** A removed clause whose words now stand in a neighbour's successor was merged into it. */
export function recogniseMerges(
  fromMatch: Int32Array,
  old: Profile[],
  next: Profile[],
  pair: (i: number, j: number) => void,
  mergedInto: Map<number, number>,
): void {
  fromMatch.forEach((j, i) => {
    if (j !== -1 || (old[i] as Profile).size < MIN_PART_WORDS) return;
    for (const neighbour of [i - 1, i + 1]) {
      const target = fromMatch[neighbour];
      if (target === undefined || target === -1) continue;
      const gained = uncovered(next[target] as Profile, old[neighbour] as Profile);
      if (coverage(old[i] as Profile, gained) < COVERED) continue;
      if (neighbour === i + 1) {
        // Merged clauses live on in the first of them, as a split clause in its first part.
        fromMatch[neighbour] = -1;
        pair(i, target);
        mergedInto.set(neighbour, target);
      } else mergedInto.set(i, target);
      return;
    }
  });
}
