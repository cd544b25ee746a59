import type { Clause } from './parseClauses.js';
import { alignGap, type Gap } from './alignGap.js';
import { clauseProfiles, similarity, type Profile } from './clauseProfiles.js';
import { heaviestChain, type Candidate } from './heaviestChain.js';
import { recogniseMerges, recogniseSplits } from './splitsAndMerges.js';

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
/** Candidates kept per new clause from the rare-word index. */
const CANDIDATES_PER_CLAUSE = 8;
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
