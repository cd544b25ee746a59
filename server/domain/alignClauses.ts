import type { Clause } from './parseClauses.js';
import { clauseProfiles, similarity, uncovered, coverage, type Profile } from './clauseProfiles.js';
import { heaviestChain, type Candidate } from './heaviestChain.js';

/** What a clause is compared by: its heading (when it has one) and its text. */
export function clauseContent(clause: Pick<Clause, 'heading' | 'text'>): string {
  return clause.heading === null ? clause.text : `${clause.heading}\n${clause.text}`;
}

export interface ClausePair {
  from: number;
  to: number;
  /** The pair breaks the order of the clauses around it: a real move, not a renumbering. */
  moved: boolean;
}

export interface Alignment {
  /** Pairs of indices into the old and new clause lists, in new order. */
  pairs: ClausePair[];
  removed: number[];
  added: number[];
  /** Removed old clauses whose words now stand in a new clause (merged into it). */
  mergedInto: Map<number, number>;
  /** Added new clauses that hold the rest of a split old clause. */
  splitFrom: Map<number, number>;
}

// Why this shape. Legal text is dense with boilerplate shared by neighbouring clauses, and drafts
// renumber everything below an insertion, so neither the clause number nor plain word overlap can
// be trusted to find a clause's partner. The alignment is global and order-preserving:
//  1. content found exactly once in each version anchors the alignment; the longest run of
//     anchors that keeps its order is the backbone, the other anchors moved;
//  2. between anchors, candidates are identical content ("Not used.") and similar content found
//     through the words each clause shares with few others; similarity weighs words by rarity in
//     the two versions, so "BSCP502" against "BSCP504" counts and "The Supplier shall ensure"
//     barely does; the heaviest chain of candidates that keeps both orders (a weighted longest
//     common subsequence) joins the backbone: unchanged, renumbered or edited in place;
//  3. strong candidates that cross the backbone are moves;
//  4. between two backbone pairs, what is left is aligned again with every pair compared (so
//     short list items and clauses made only of boilerplate still find their partner), and a
//     lone clause left between matched neighbours on both sides is the same clause, rewritten;
//  5. splits and merges are recognised from the words a neighbour gained.
// Each clause is compared with a bounded number of others, so a 2,000-clause section aligns in
// well under a second.

/** Below this similarity two clauses are not the same clause (unless position says so). */
const SIMILAR = 0.45;
/** A move across the document must be this similar: position gives it no support. */
const MOVE_SIMILAR = 0.6;
/** Between matched neighbours, a weaker likeness is enough. */
const GAP_SIMILAR = 0.3;
/** The words a split part or a merged clause brings must be this well covered. */
const COVERED = 0.6;
/** A pair must have lost this share of its old words before a neighbour can be a split part. */
const LOST = 0.3;
/** Split parts and merged clauses are real sentences, not stray headings. */
const MIN_PART_WORDS = 3;
/** Candidates kept per new clause from the rare-word index. */
const CANDIDATES_PER_CLAUSE = 8;
/** Pairs compared in full in one gap before falling back to a band around its diagonal. */
const GAP_FULL_COMPARE = 10_000;
const GAP_BAND = 25;
/** Identical clauses ("Not used.") repeated more often than this are paired near their rank. */
const EXACT_GROUP_FULL = 1_000;
/** A tiny preference for keeping the clause number, only to break exact ties. */
const SAME_REF = 0.001;

export function alignClauses(from: readonly Clause[], to: readonly Clause[]): Alignment {
  const profiles = clauseProfiles(from.map(clauseContent), to.map(clauseContent));
  const old = profiles.from;
  const next = profiles.to;
  const fromMatch = new Int32Array(from.length).fill(-1);
  const toMatch = new Int32Array(to.length).fill(-1);
  const moved = new Set<number>();
  const pair = (i: number, j: number) => {
    fromMatch[i] = j;
    toMatch[j] = i;
  };
  const sameRef = (i: number, j: number) => (from[i]?.ref === to[j]?.ref ? SAME_REF : 0);

  const free = (c: Candidate) => fromMatch[c.from] === -1 && toMatch[c.to] === -1;

  // 1. Anchors: content found exactly once in each version is the same clause, wherever it went;
  // those that keep their order are the backbone, the others moved.
  const exact = exactCandidates(old, next);
  const unique = exact.filter((c) => c.unique);
  const anchors = heaviestChain(unique.map((c) => ({ ...c, weight: 1 })));
  for (const c of anchors) pair(c.from, c.to);
  for (const c of unique) {
    if (!free(c)) continue;
    pair(c.from, c.to);
    moved.add(c.to);
  }

  // 2. Between the anchors: the heaviest order-keeping chain of the other candidates.
  const candidates = [
    ...exact.filter((c) => !c.unique),
    ...similarCandidates(old, next, profiles.postings),
  ].map((c) => ({ ...c, weight: c.weight + sameRef(c.from, c.to) }));
  let gaps = gapIndex(fromMatch, toMatch, moved);
  const within = dedupe(
    candidates.filter((c) => free(c) && gaps.ofOld[c.from] === gaps.ofNew[c.to]),
  );
  for (const c of heaviestChain(within)) pair(c.from, c.to);

  // 3. Moves: strong candidates whose ends lie in different gaps of the backbone.
  gaps = gapIndex(fromMatch, toMatch, moved);
  const crossing = candidates
    .filter((c) => c.weight >= MOVE_SIMILAR && free(c) && gaps.ofOld[c.from] !== gaps.ofNew[c.to])
    .sort((a, b) => b.weight - a.weight || a.to - b.to || a.from - b.from);
  for (const c of crossing) {
    if (!free(c)) continue;
    pair(c.from, c.to);
    moved.add(c.to);
  }

  // 4. Within each gap of the backbone.
  gaps = gapIndex(fromMatch, toMatch, moved);
  for (const gap of collectGaps(fromMatch, toMatch, gaps)) {
    alignGap(gap, old, next, from, to, pair);
  }

  // 5. Splits and merges.
  const splitFrom = new Map<number, number>();
  const mergedInto = new Map<number, number>();
  recogniseSplits(fromMatch, toMatch, moved, old, next, pair, splitFrom);
  recogniseMerges(fromMatch, old, next, pair, mergedInto);

  const pairs: ClausePair[] = [];
  toMatch.forEach((i, j) => {
    if (i !== -1) pairs.push({ from: i, to: j, moved: moved.has(j) });
  });
  return {
    pairs,
    removed: [...fromMatch].flatMap((j, i) => (j === -1 ? [i] : [])),
    added: [...toMatch].flatMap((i, j) => (i === -1 ? [j] : [])),
    mergedInto,
    splitFrom,
  };
}

function exactCandidates(old: Profile[], next: Profile[]): (Candidate & { unique: boolean })[] {
  const byContent = new Map<string, number[]>();
  old.forEach((p, i) => {
    const list = byContent.get(p.content);
    if (list) list.push(i);
    else byContent.set(p.content, [i]);
  });
  const newRanks = new Map<string, number[]>();
  next.forEach((p, j) => {
    const list = newRanks.get(p.content);
    if (list) list.push(j);
    else newRanks.set(p.content, [j]);
  });
  const out: (Candidate & { unique: boolean })[] = [];
  for (const [content, js] of newRanks) {
    const is = byContent.get(content);
    if (!is) continue;
    const unique = is.length === 1 && js.length === 1;
    const full = is.length * js.length <= EXACT_GROUP_FULL;
    js.forEach((j, rank) => {
      const expected = (rank * is.length) / js.length;
      is.forEach((i, oldRank) => {
        if (full || Math.abs(oldRank - expected) <= 10)
          out.push({ from: i, to: j, weight: 1, unique });
      });
    });
  }
  return out;
}

function similarCandidates(
  old: Profile[],
  next: Profile[],
  postings: (word: number) => readonly number[] | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  const partial = new Float64Array(old.length);
  const touched: number[] = [];
  next.forEach((profile, j) => {
    for (let k = 0; k < profile.words.length; k++) {
      const word = profile.words[k] as number;
      const holders = postings(word);
      if (!holders) continue;
      const weight = profile.weights[k] as number;
      for (const i of holders) {
        if (partial[i] === 0) touched.push(i);
        partial[i] = (partial[i] as number) + weight;
      }
    }
    touched.sort((a, b) => (partial[b] as number) - (partial[a] as number));
    for (const i of touched.slice(0, CANDIDATES_PER_CLAUSE)) {
      const score = similarity(old[i] as Profile, profile);
      if (score >= SIMILAR && old[i]?.content !== profile.content)
        out.push({ from: i, to: j, weight: score });
    }
    for (const i of touched) partial[i] = 0;
    touched.length = 0;
  });
  return out;
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.from}:${c.to}`;
    const seen = best.get(key);
    if (!seen || seen.weight < c.weight) best.set(key, c);
  }
  return [...best.values()];
}

interface GapIndex {
  /** For each old clause, how many backbone pairs come before it; likewise for new clauses. */
  ofOld: Int32Array;
  ofNew: Int32Array;
}

/** Gaps are counted along the pairs that keep their order: moved pairs stand outside them. */
function gapIndex(fromMatch: Int32Array, toMatch: Int32Array, moved: Set<number>): GapIndex {
  const ofOld = new Int32Array(fromMatch.length);
  const ofNew = new Int32Array(toMatch.length);
  let seen = 0;
  fromMatch.forEach((j, i) => {
    ofOld[i] = j === -1 || moved.has(j) ? seen : seen++;
  });
  seen = 0;
  toMatch.forEach((i, j) => {
    ofNew[j] = i === -1 || moved.has(j) ? seen : seen++;
  });
  return { ofOld, ofNew };
}

interface Gap {
  olds: number[];
  news: number[];
}

function collectGaps(fromMatch: Int32Array, toMatch: Int32Array, gaps: GapIndex): Gap[] {
  const byGap = new Map<number, Gap>();
  const gapAt = (g: number) => {
    let gap = byGap.get(g);
    if (!gap) byGap.set(g, (gap = { olds: [], news: [] }));
    return gap;
  };
  fromMatch.forEach((j, i) => {
    if (j === -1) gapAt(gaps.ofOld[i] as number).olds.push(i);
  });
  toMatch.forEach((i, j) => {
    if (i === -1) gapAt(gaps.ofNew[j] as number).news.push(j);
  });
  return [...byGap.values()].filter((g) => g.olds.length > 0 && g.news.length > 0);
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

function alignGap(
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

/**
 * An old clause split in two reads as its first part paired (perhaps weakly) and the second
 * added, or the reverse. Its comments follow the first part, so the pair moves to the first part.
 */
function recogniseSplits(
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
function recogniseMerges(
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

export interface ClauseSuccessor {
  ref: string | null;
  textChanged: boolean;
}

/**
 * Where each clause of the old version went in the new one: its partner, the clause it was
 * merged into (text changed), or null when it was removed.
 */
export function clauseSuccessors(
  from: readonly Clause[],
  to: readonly Clause[],
): Map<string, ClauseSuccessor> {
  const { pairs, removed, mergedInto } = alignClauses(from, to);
  const map = new Map<string, ClauseSuccessor>();
  for (const { from: i, to: j } of pairs) {
    const a = from[i];
    const b = to[j];
    if (a && b) map.set(a.ref, { ref: b.ref, textChanged: clauseContent(a) !== clauseContent(b) });
  }
  for (const i of removed) {
    const a = from[i];
    const into = mergedInto.get(i);
    if (a)
      map.set(a.ref, {
        ref: into === undefined ? null : (to[into]?.ref ?? null),
        textChanged: true,
      });
  }
  return map;
}
