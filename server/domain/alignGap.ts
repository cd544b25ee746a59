import type { Clause } from './parseClauses.js';
import { similarity, type Profile } from './clauseProfiles.js';
import { heaviestChain, type Candidate } from './heaviestChain.js';

// Aligning what is left between two pairs of the alignment's backbone (see alignClauses.ts): few
// clauses, so every pair is compared, and position and shape count as well as words.

/** Between matched neighbours, a weaker likeness is enough. */
const GAP_SIMILAR = 0.3;
/** Pairs compared in full in one gap before falling back to a band around its diagonal. */
const GAP_FULL_COMPARE = 10_000;
const GAP_BAND = 25;

export interface Gap {
  olds: number[];
  news: number[];
}

const itemToken = (clause: Clause | undefined) =>
  /\(([a-z]+)\)$/.exec(clause?.ref ?? '')?.[1] ?? null;

/** Same depth, both list items or both numbered, both headings or both paragraphs. */
function sameShape(a: Clause | undefined, b: Clause | undefined): boolean {
  if (!a || !b || a.level !== b.level) return false;
  return (
    (itemToken(a) === null) === (itemToken(b) === null) &&
    (a.heading === null) === (b.heading === null)
  );
}

/** The same item letter at the same depth (`(a)` under a renumbered parent is still `(a)`). */
function sameItem(a: Clause | undefined, b: Clause | undefined): boolean {
  const token = itemToken(a);
  return token !== null && token === itemToken(b) && sameShape(a, b);
}

export function alignGap(
  gap: Gap,
  old: Profile[],
  next: Profile[],
  from: readonly Clause[],
  to: readonly Clause[],
  pair: (i: number, j: number) => void,
): void {
  const { olds, news } = gap;
  const full = olds.length * news.length <= GAP_FULL_COMPARE;
  const candidates: Candidate[] = [];
  news.forEach((j, b) => {
    const expected = (b * olds.length) / news.length;
    olds.forEach((i, a) => {
      if (!full && Math.abs(a - expected) > GAP_BAND) return;
      const score = similarity(old[i] as Profile, next[j] as Profile);
      const itemToItem = sameItem(from[i], to[j]);
      if (score >= GAP_SIMILAR || itemToItem) {
        // The same item letter under a renumbered parent is the same item, however short.
        const weight = score + (itemToItem ? 0.3 : 0) + (sameShape(from[i], to[j]) ? 0.05 : 0);
        candidates.push({ from: a, to: b, weight });
      }
    });
  });
  const chosen = heaviestChain(candidates);
  for (const c of chosen) pair(olds[c.from] as number, news[c.to] as number);

  // A clause still alone between two matched neighbours, with one clause of its shape facing
  // it, is the same clause, rewritten.
  let lastA = -1;
  let lastB = -1;
  for (const c of [...chosen, { from: olds.length, to: news.length, weight: 0 }]) {
    const left = olds.slice(lastA + 1, c.from);
    const right = news.slice(lastB + 1, c.to);
    if (left.length === 1 || right.length === 1) {
      const fits = left.flatMap((i) =>
        right.filter((j) => sameShape(from[i], to[j])).map((j) => ({ i, j })),
      );
      const only = fits.length === 1 ? fits[0] : undefined;
      if (only) pair(only.i, only.j);
    }
    lastA = c.from;
    lastB = c.to;
  }
}
