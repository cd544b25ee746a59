// jsdiff's Myers over token ids, under a work budget that no call can overrun.

import { diffArrays } from 'diff';
import type { Matches } from './matches.js';
import { commonCount } from './words.js';

/**
 * The work one `wordDiff` call may spend in Myers, in units of roughly 90 ns (jsdiff 9, Node 20):
 * jsdiff's cost is dominated by D² for D differences (measured: about 90 ns · D², whatever n),
 * plus at worst (n + m) · D cheap comparisons, so a call capped at edit length D is charged
 * D² + (n + m) · D / 32. Each call's `maxEditLength` comes from what is left, so no call can run
 * away. The budget grows with the input, so that a long clause with edits throughout is still
 * diffed word by word everywhere, but only linearly: about 90 ms plus under 1 µs a token at most.
 * Past it, what is left is shown coarser (whole sentences deleted and inserted), never slower.
 */
export const WORK_BASE = 1_000_000;
export const WORK_PER_TOKEN = 8;

/** What is left of a wordDiff call's Myers work (see WORK_BASE). */
export class Budget {
  constructor(public left: number) {}

  /** The largest edit length D with D² + size·D/32 within a share of what is left. */
  cap(size: number, share = 1): number {
    const k = size / 32;
    const d = Math.floor((-k + Math.sqrt(k * k + 4 * Math.max(this.left * share, 0))) / 2);
    return Math.min(size, d);
  }

  spend(size: number, d: number): void {
    this.left -= d * d + (size * d) / 32;
  }
}

/**
 * jsdiff's Myers with the edit length capped by the budget, and the work deducted. Undefined when
 * the diff needs more edits than the cap allows; when a multiset count already shows it would, the
 * attempt is skipped and costs nothing.
 */
export function cappedDiff(a: number[], b: number[], budget: Budget, share = 1) {
  const size = a.length + b.length;
  const maxEditLength = budget.cap(size, share);
  if (maxEditLength < 1) return undefined;
  if (maxEditLength < size && editsAtLeast(a, b) > maxEditLength) return undefined;
  const changes = diffArrays(a, b, { maxEditLength });
  let edits = maxEditLength;
  if (changes) {
    edits = 0;
    for (const c of changes) if (c.added || c.removed) edits += c.value.length;
  }
  budget.spend(size, Math.max(edits, 1));
  return changes;
}

/** A lower bound on the edit length: tokens of either side with no equal on the other. */
function editsAtLeast(a: number[], b: number[]): number {
  return a.length + b.length - 2 * commonCount(a, b);
}

/**
 * Myers over tokens a[alo, ahi) and b[blo, bhi), capped: pushes the aligned pairs and returns
 * true, or returns false (pushing nothing) when the cap is hit.
 */
export function myers(
  a: Int32Array,
  alo: number,
  ahi: number,
  b: Int32Array,
  blo: number,
  bhi: number,
  budget: Budget,
  out: Matches,
  share = 1,
): boolean {
  if (ahi === alo || bhi === blo) return true;
  const changes = cappedDiff(
    Array.from(a.subarray(alo, ahi)),
    Array.from(b.subarray(blo, bhi)),
    budget,
    share,
  );
  if (!changes) return false;
  let i = alo;
  let j = blo;
  for (const c of changes) {
    const k = c.value.length;
    if (c.added) j += k;
    else if (c.removed) i += k;
    else {
      for (let t = 0; t < k; t++) out.push(i + t, j + t);
      i += k;
      j += k;
    }
  }
  return true;
}
