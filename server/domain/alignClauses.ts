import type { Clause } from './parseClauses.js';

/** What a clause is compared by: its heading (when it has one) and its text. */
export function clauseContent(clause: Pick<Clause, 'heading' | 'text'>): string {
  return clause.heading === null ? clause.text : `${clause.heading}\n${clause.text}`;
}

export interface ClausePair {
  from: number;
  to: number;
}

export interface Alignment {
  /** Pairs of indices into the old and new clause lists. */
  pairs: ClausePair[];
  removed: number[];
  added: number[];
}

const SIMILAR = 0.5;
const SAME_REF_BONUS = 0.15;
/** How far from its expected place a renumbered clause is looked for. */
const NEIGHBOURHOOD = 6;
/** A word held by at most this many old clauses is rare enough to find a moved clause by. */
const RARE = 3;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(words: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of words) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

/** Dice coefficient over word multisets: 1 for the same words, 0 for none in common. */
function similarity(
  a: Map<string, number>,
  aSize: number,
  b: Map<string, number>,
  bSize: number,
): number {
  if (aSize + bSize === 0) return 1;
  let common = 0;
  for (const [word, n] of a) common += Math.min(n, b.get(word) ?? 0);
  return (2 * common) / (aSize + bSize);
}

/**
 * Matches the clauses of two versions, in four passes, each only over what is still unmatched:
 * same ref and same content; same content elsewhere (renumbered or moved, in order); similar
 * content near its expected place or sharing a rare word (renumbered or moved and edited), best
 * first, with a bonus for keeping the ref; then same ref whatever the content (rewritten in
 * place). Each clause is compared with a bounded number of candidates, so a 2,000-clause section
 * aligns in milliseconds.
 */
export function alignClauses(from: readonly Clause[], to: readonly Clause[]): Alignment {
  const fromContent = from.map((c) => clauseContent(c).replace(/\s+/g, ' ').trim());
  const toContent = to.map((c) => clauseContent(c).replace(/\s+/g, ' ').trim());
  const fromMatch = new Array<number>(from.length).fill(-1);
  const toMatch = new Array<number>(to.length).fill(-1);
  const pair = (i: number, j: number) => {
    fromMatch[i] = j;
    toMatch[j] = i;
  };

  const fromByRef = new Map<string, number>();
  from.forEach((c, i) => fromByRef.set(c.ref, i));

  // 1. Same ref, same content.
  to.forEach((c, j) => {
    const i = fromByRef.get(c.ref);
    if (i !== undefined && fromContent[i] === toContent[j]) pair(i, j);
  });

  // 2. Same content at another ref, paired in document order.
  const unmatchedByContent = new Map<string, number[]>();
  from.forEach((_, i) => {
    if (fromMatch[i] !== -1) return;
    const key = fromContent[i] ?? '';
    const list = unmatchedByContent.get(key);
    if (list) list.push(i);
    else unmatchedByContent.set(key, [i]);
  });
  to.forEach((_, j) => {
    if (toMatch[j] !== -1) return;
    const list = unmatchedByContent.get(toContent[j] ?? '');
    const i = list?.shift();
    if (i !== undefined) pair(i, j);
  });

  // 3. Similar content. Candidates for each new clause: old clauses near where it would stand
  // (from the nearest pair before it), the old clause with its ref, and old clauses sharing a
  // rare word (how moves across the document are found).
  const fromWords = from.map((_, i) => (fromMatch[i] === -1 ? tokens(fromContent[i] ?? '') : []));
  const fromCounts = fromWords.map(counts);
  const index = new Map<string, number[]>();
  fromCounts.forEach((map, i) => {
    if (fromMatch[i] === -1)
      for (const word of map.keys()) (index.get(word) ?? index.set(word, []).get(word))?.push(i);
  });
  const candidates: { i: number; j: number; score: number }[] = [];
  let anchorFrom = -1;
  let anchorTo = -1;
  to.forEach((c, j) => {
    if (toMatch[j] !== -1) {
      anchorFrom = toMatch[j] ?? anchorFrom;
      anchorTo = j;
      return;
    }
    const words = tokens(toContent[j] ?? '');
    const wordCounts = counts(words);
    const seen = new Set<number>();
    const expected = anchorFrom + (j - anchorTo);
    for (
      let i = Math.max(0, expected - NEIGHBOURHOOD);
      i <= Math.min(from.length - 1, expected + NEIGHBOURHOOD);
      i++
    ) {
      if (fromMatch[i] === -1) seen.add(i);
    }
    const sameRef = fromByRef.get(c.ref);
    if (sameRef !== undefined && fromMatch[sameRef] === -1) seen.add(sameRef);
    for (const word of wordCounts.keys()) {
      const holders = index.get(word);
      if (holders && holders.length <= RARE) for (const i of holders) seen.add(i);
    }
    for (const i of seen) {
      const base = similarity(
        fromCounts[i] ?? new Map(),
        fromWords[i]?.length ?? 0,
        wordCounts,
        words.length,
      );
      const score = base + (i === sameRef ? SAME_REF_BONUS : 0);
      if (score >= SIMILAR) candidates.push({ i, j, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.j - b.j || a.i - b.i);
  for (const { i, j } of candidates) if (fromMatch[i] === -1 && toMatch[j] === -1) pair(i, j);

  // 4. Same ref, content rewritten.
  to.forEach((c, j) => {
    const i = fromByRef.get(c.ref);
    if (toMatch[j] === -1 && i !== undefined && fromMatch[i] === -1) pair(i, j);
  });

  const pairs: ClausePair[] = [];
  toMatch.forEach((i, j) => {
    if (i !== -1) pairs.push({ from: i, to: j });
  });
  return {
    pairs,
    removed: fromMatch.flatMap((j, i) => (j === -1 ? [i] : [])),
    added: toMatch.flatMap((i, j) => (i === -1 ? [j] : [])),
  };
}

export interface ClauseSuccessor {
  ref: string | null;
  textChanged: boolean;
}

/** Where each clause of the old version went in the new one (null when it was removed). */
export function clauseSuccessors(
  from: readonly Clause[],
  to: readonly Clause[],
): Map<string, ClauseSuccessor> {
  const { pairs, removed } = alignClauses(from, to);
  const map = new Map<string, ClauseSuccessor>();
  for (const { from: i, to: j } of pairs) {
    const a = from[i];
    const b = to[j];
    if (a && b) map.set(a.ref, { ref: b.ref, textChanged: clauseContent(a) !== clauseContent(b) });
  }
  for (const i of removed) {
    const a = from[i];
    if (a) map.set(a.ref, { ref: null, textChanged: true });
  }
  return map;
}
