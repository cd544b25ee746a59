// A word-level diff of two texts whose parts rebuild both texts exactly, at a cost that stays close
// to linear whatever the input.
//
// Words and punctuation marks are the tokens that get aligned; whitespace is not a token at all but
// the gap between two, compared only once the tokens are aligned. Gluing whitespace to the word
// before it (as the first version of the redline did) made "available." and "available by ..."
// look like two different words: "available" and "available ".
//
// Myers' algorithm, which jsdiff implements, costs O((n + m) · D) for D differences: a 32,000-word
// clause with a third of its words changed took 24 s. So the word-level diff runs directly only on
// small problems and always under an edit-length cap; anything bigger is diffed hierarchically,
// sentence by sentence, and the result says so (`coarse`).

import { diffArrays } from 'diff';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface WordDiff {
  /** Equal and deleted parts join to `before`; equal and inserted parts join to `after`. */
  parts: DiffPart[];
  /**
   * Set when the text was too long or too changed for one word-level Myers, so that it was
   * aligned sentence by sentence first: words can then only match within aligned sentences, and
   * past the work cap whole sentences may show as deleted and inserted.
   */
  coarse: boolean;
}

/**
 * A word: letters, digits and combining marks, joined by inner `_`, `'`, `’` or `-` ("Supplier's",
 * "half-hourly"), and by `.` between digits, so that a clause reference (2.1.3, BSCP502.3) or a
 * decimal is one token rather than a run of numbers and full stops.
 */
const WORD = String.raw`[\p{L}\p{N}\p{M}]+(?:(?:[_'’\-]|(?<=\p{N})\.(?=\p{N}))[\p{L}\p{N}\p{M}]+)*`;
/**
 * A word, or any other single code point but whitespace (a punctuation mark). Whitespace is never
 * matched: it is what lies between tokens, and skipping it inside the regex engine is twice as
 * fast as matching it.
 */
const TOKEN = new RegExp(String.raw`(${WORD})|\S`, 'gu');
const WORDS = new RegExp(WORD, 'gu');

/** Below this share of words in common a text counts as rewritten rather than edited. */
const REWRITTEN = 0.4;

/** Myers runs on the whole (prefix- and suffix-stripped) problem only up to this many tokens. */
const DIRECT_TOKENS = 4000;
/**
 * The work one `wordDiff` call may spend in Myers, in units of roughly 90 ns (jsdiff 9, Node 20):
 * jsdiff's cost is dominated by D² for D differences (measured: about 90 ns · D², whatever n),
 * plus at worst (n + m) · D cheap comparisons, so a call capped at edit length D is charged
 * D² + (n + m) · D / 32. Each call's `maxEditLength` comes from what is left, so no call can run
 * away. The budget grows with the input, so that a long clause with edits throughout is still
 * diffed word by word everywhere, but only linearly: about 90 ms plus under 1 µs a token at most.
 * Past it, what is left is shown coarser (whole sentences deleted and inserted), never slower.
 */
const WORK_BASE = 1_000_000;
const WORK_PER_TOKEN = 8;
/** A sentence longer than this many tokens is cut, so pairing sentences stays cheap. */
const MAX_UNIT = 64;
/** A long sentence may be cut at a content-defined point once it has this many tokens. */
const MIN_CUT = 24;
/** How far ahead (in sentences, on either side) pairing looks for a sentence's counterpart. */
const PAIR_WINDOW = 32;
/** Sentences this alike pair at once, without looking for a better partner. */
const SURE_PAIR = 0.5;
/** Pairs of sentences are word-diffed in segments of about this many tokens at most. */
const SEGMENT_TOKENS = 256;

export function wordDiff(before: string, after: string): WordDiff {
  if (before === after) {
    return { parts: before ? [{ op: 'equal', text: before }] : [], coarse: false };
  }
  if (!before || !after) return { parts: replaced(before, after), coarse: false };

  const vocab = new Vocabulary();
  const a = tokenise(before, vocab);
  const b = tokenise(after, vocab);
  // A clause rewritten wholesale reads better struck through and replaced than as a confetti of
  // shared small words, and costs nothing to diff.
  if (foldedOverlap(a, b, vocab) < REWRITTEN) {
    return { parts: replaced(before, after), coarse: false };
  }

  const n = a.ids.length;
  const m = b.ids.length;
  const matches = new Matches();
  const budget = new Budget(WORK_BASE + WORK_PER_TOKEN * (n + m));

  // Common prefix and suffix first: most edits touch a small part of a clause, and these cost
  // O(n) however long the clause.
  let pre = 0;
  while (pre < n && pre < m && a.ids[pre] === b.ids[pre]) {
    matches.push(pre, pre);
    pre++;
  }
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a.ids[n - 1 - suf] === b.ids[m - 1 - suf]) suf++;

  let coarse = false;
  // With only insertions, or only deletions, in between there is nothing left to align.
  if (pre + suf < n && pre + suf < m) {
    const direct =
      n - suf - pre + (m - suf - pre) <= DIRECT_TOKENS &&
      // Half the budget at most, so that a failed attempt leaves the fallback something.
      myers(a.ids, pre, n - suf, b.ids, pre, m - suf, budget, matches, 0.5);
    if (!direct) {
      coarse = true;
      new Hierarchy(a, b, vocab, budget, matches).diff(pre, n - suf, pre, m - suf);
    }
  }
  for (let k = suf; k > 0; k--) matches.push(n - k, m - k);

  return { parts: render(before, after, a, b, matches), coarse };
}

/** Words in a text: the word tokens of the diff, so "2.1.3" and "Supplier's" count once. */
export function countWords(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

/** The share of words (case-insensitive, as multisets) two texts have in common: 0 to 1. */
export function wordOverlap(a: string, b: string): number {
  const wordsA = a.toLowerCase().match(WORDS) ?? [];
  const wordsB = b.toLowerCase().match(WORDS) ?? [];
  if (wordsA.length + wordsB.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const w of wordsA) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wordsB) {
    const k = pool.get(w) ?? 0;
    if (k > 0) {
      common++;
      pool.set(w, k - 1);
    }
  }
  return (2 * common) / (wordsA.length + wordsB.length);
}

function replaced(before: string, after: string): DiffPart[] {
  return [
    ...(before ? [{ op: 'delete' as const, text: before }] : []),
    ...(after ? [{ op: 'insert' as const, text: after }] : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** Token strings interned to small integers, shared by both sides so equal tokens get equal ids. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly folds = new Map<string, number>();
  /** Per id: may a long sentence be cut after this token? Chosen by a hash of the token. */
  readonly cut: boolean[] = [];
  /** Per id: does the token end a sentence when whitespace follows it? */
  readonly stop: boolean[] = [];
  /** Per id: the id of the word in lower case (shared by "Party" and "party"), or -1. */
  readonly fold: number[] = [];

  id(token: string, word: boolean): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.cut.length;
      this.ids.set(token, id);
      this.cut.push((fnv1a(token) & 31) === 0);
      this.stop.push(STOPS.has(token));
      let fold = -1;
      if (word) {
        const lower = token.toLowerCase();
        fold = this.folds.get(lower) ?? this.folds.size;
        this.folds.set(lower, fold);
      }
      this.fold.push(fold);
    }
    return id;
  }

  get size(): number {
    return this.cut.length;
  }

  get foldSize(): number {
    return this.folds.size;
  }
}

const STOPS = new Set(['.', ';', ':', '?', '!']);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One side's non-whitespace tokens: interned ids and where each sits in the text. */
interface Tokens {
  text: string;
  ids: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

function tokenise(text: string, vocab: Vocabulary): Tokens {
  // Typed arrays grown by doubling: pushing to plain arrays and converting at the end cost
  // several times the regex itself.
  let ids: Int32Array = new Int32Array(64);
  let start: Int32Array = new Int32Array(64);
  let end: Int32Array = new Int32Array(64);
  let n = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (n === ids.length) {
      ids = grow(ids);
      start = grow(start);
      end = grow(end);
    }
    ids[n] = vocab.id(m[0], m[1] !== undefined);
    start[n] = m.index;
    end[n] = m.index + m[0].length;
    n++;
  }
  return { text, ids: ids.subarray(0, n), start: start.subarray(0, n), end: end.subarray(0, n) };
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** wordOverlap, from the tokens: words only, case-insensitive. */
function foldedOverlap(a: Tokens, b: Tokens, vocab: Vocabulary): number {
  const counts = new Int32Array(vocab.foldSize);
  let total = 0;
  for (const id of a.ids) {
    const f = vocab.fold[id] as number;
    if (f >= 0) {
      counts[f]!++;
      total++;
    }
  }
  let common = 0;
  for (const id of b.ids) {
    const f = vocab.fold[id] as number;
    if (f < 0) continue;
    total++;
    if ((counts[f] as number) > 0) {
      common++;
      counts[f]!--;
    }
  }
  return total === 0 ? 1 : (2 * common) / total;
}

/** Aligned token pairs (old index, new index), strictly increasing on both sides. */
class Matches {
  readonly old: number[] = [];
  readonly new: number[] = [];
  push(i: number, j: number): void {
    this.old.push(i);
    this.new.push(j);
  }
}

// ---------------------------------------------------------------------------------------------
// Myers, capped

/** What is left of a wordDiff call's Myers work (see WORK_BASE). */
class Budget {
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
function cappedDiff(a: number[], b: number[], budget: Budget, share = 1) {
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
  const pool = new Map<number, number>();
  for (const x of a) pool.set(x, (pool.get(x) ?? 0) + 1);
  let common = 0;
  for (const y of b) {
    const k = pool.get(y) ?? 0;
    if (k > 0) {
      common++;
      pool.set(y, k - 1);
    }
  }
  return a.length + b.length - 2 * common;
}

/**
 * Myers over tokens a[alo, ahi) and b[blo, bhi), capped: pushes the aligned pairs and returns
 * true, or returns false (pushing nothing) when the cap is hit.
 */
function myers(
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

// ---------------------------------------------------------------------------------------------
// Sentence by sentence, for problems too big for Myers

/** Sentences (or cut pieces of long ones) as token ranges [start, end) of one side. */
interface Units {
  start: number[];
  end: number[];
  key: number[];
}

class Hierarchy {
  /** Scratch counts per token id, for the overlap of two sentences; always left all zero. */
  private readonly counts: Int32Array;
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly a: Tokens,
    private readonly b: Tokens,
    private readonly vocab: Vocabulary,
    private readonly budget: Budget,
    private readonly out: Matches,
  ) {
    this.counts = new Int32Array(vocab.size);
  }

  diff(alo: number, ahi: number, blo: number, bhi: number): void {
    const ua = this.units(this.a, alo, ahi);
    const ub = this.units(this.b, blo, bhi);
    // Myers over whole sentences: identical sentences anchor the alignment. Capped like any
    // other call; if the sentences differ too much for the cap, the whole range is one region.
    const changes = cappedDiff(ua.key, ub.key, this.budget, 0.5);
    if (!changes) {
      this.region(ua, 0, ua.key.length, ub, 0, ub.key.length);
      return;
    }
    let x = 0;
    let y = 0;
    let rx = 0;
    let ry = 0;
    for (const c of changes) {
      const k = c.value.length;
      if (c.added) y += k;
      else if (c.removed) x += k;
      else {
        this.region(ua, rx, x, ub, ry, y);
        for (let t = 0; t < k; t++) {
          const sa = ua.start[x + t] as number;
          const sb = ub.start[y + t] as number;
          const len = (ua.end[x + t] as number) - sa;
          for (let w = 0; w < len; w++) this.out.push(sa + w, sb + w);
        }
        x += k;
        y += k;
        rx = x;
        ry = y;
      }
    }
    this.region(ua, rx, x, ub, ry, y);
  }

  /** Units ux0..ux1 of the old side replaced by units uy0..uy1 of the new. */
  private region(ua: Units, ux0: number, ux1: number, ub: Units, uy0: number, uy1: number) {
    if (ux0 === ux1 || uy0 === uy1) return;
    const alo = ua.start[ux0] as number;
    const ahi = ua.end[ux1 - 1] as number;
    const blo = ub.start[uy0] as number;
    const bhi = ub.end[uy1 - 1] as number;
    if (ahi - alo + (bhi - blo) <= DIRECT_TOKENS) {
      // A rewritten passage reads better replaced whole, as a rewritten clause does.
      if (this.overlap(this.a, alo, ahi, this.b, blo, bhi) < REWRITTEN) return;
      if (myers(this.a.ids, alo, ahi, this.b.ids, blo, bhi, this.budget, this.out, 0.5)) return;
    }
    this.pairUp(ua, ux0, ux1, ub, uy0, uy1);
  }

  /**
   * For a replaced run of sentences too big (or too different) for one Myers: pairs old and new
   * sentences (see `pairs`), then word-diffs the run in small segments cut between consecutive
   * pairs, so the cost grows with the run rather than with its square. Sentences left unpaired
   * stay in a segment with the pairs around them, so that a sentence merged into the one before
   * (its full stop deleted) or split in two still lines up word by word.
   */
  private pairUp(ua: Units, ux0: number, ux1: number, ub: Units, uy0: number, uy1: number) {
    const pairs = this.pairs(ua, ux0, ux1, ub, uy0, uy1);
    let sx = ux0;
    let sy = uy0;
    let first = 0;
    for (let t = 0; t < pairs.length; t++) {
      const [px, py] = pairs[t] as [number, number];
      const next = pairs[t + 1];
      const size =
        (ua.end[px] as number) -
        (ua.start[sx] as number) +
        (ub.end[py] as number) -
        (ub.start[sy] as number);
      // Cut where the two sides are in step: the next pair follows at once on both sides, and
      // this pair ends on the same token (a cut inside a run-on sentence may fall a few words
      // apart on the two sides; better to diff across it).
      const inStep =
        next !== undefined &&
        next[0] === px + 1 &&
        next[1] === py + 1 &&
        this.a.ids[(ua.end[px] as number) - 1] === this.b.ids[(ub.end[py] as number) - 1];
      const cut = next === undefined || inStep || size >= SEGMENT_TOKENS;
      if (!cut) continue;
      const ex = next === undefined ? ux1 : px + 1;
      const ey = next === undefined ? uy1 : py + 1;
      const a = this.a.ids;
      const b = this.b.ids;
      const segment = myers(
        a,
        ua.start[sx] as number,
        ua.end[ex - 1] as number,
        b,
        ub.start[sy] as number,
        ub.end[ey - 1] as number,
        this.budget,
        this.out,
      );
      // Past the budget (or a segment with a long unpaired tail), at least the pairs themselves.
      for (let q = first; !segment && q <= t; q++) {
        const [x, y] = pairs[q] as [number, number];
        const ax = ua.start[x] as number;
        const by = ub.start[y] as number;
        myers(a, ax, ua.end[x] as number, b, by, ub.end[y] as number, this.budget, this.out);
      }
      sx = ex;
      sy = ey;
      first = t + 1;
    }
  }

  /**
   * Old and new sentences paired in order, each with the most similar one within a window ahead
   * (so an inserted or deleted sentence or two does not throw every later pair off). Linear: at
   * most a window's worth of overlaps per sentence.
   */
  private pairs(ua: Units, ux0: number, ux1: number, ub: Units, uy0: number, uy1: number) {
    const a = this.a;
    const b = this.b;
    const sim = (x: number, y: number) =>
      this.overlap(
        a,
        ua.start[x] as number,
        ua.end[x] as number,
        b,
        ub.start[y] as number,
        ub.end[y] as number,
      );
    const pairs: [number, number][] = [];
    let x = ux0;
    let y = uy0;
    while (x < ux1 && y < uy1) {
      let bx = x;
      let by = y;
      let best = sim(x, y);
      if (best < SURE_PAIR) {
        for (let d = 1; d < PAIR_WINDOW; d++) {
          if (y + d < uy1) {
            const s = sim(x, y + d);
            if (s > best) [best, bx, by] = [s, x, y + d];
          }
          if (x + d < ux1) {
            const s = sim(x + d, y);
            if (s > best) [best, bx, by] = [s, x + d, y];
          }
        }
      }
      if (best < REWRITTEN) {
        // Nothing alike nearby: both sentences are replaced.
        x++;
        y++;
        continue;
      }
      pairs.push([bx, by]);
      x = bx + 1;
      y = by + 1;
    }
    return pairs;
  }

  /** Share of tokens two token ranges have in common (as multisets). */
  private overlap(a: Tokens, alo: number, ahi: number, b: Tokens, blo: number, bhi: number) {
    const counts = this.counts;
    for (let i = alo; i < ahi; i++) counts[a.ids[i] as number]!++;
    let common = 0;
    for (let j = blo; j < bhi; j++) {
      const id = b.ids[j] as number;
      if ((counts[id] as number) > 0) {
        common++;
        counts[id]!--;
      }
    }
    for (let i = alo; i < ahi; i++) counts[a.ids[i] as number] = 0;
    const total = ahi - alo + (bhi - blo);
    return total === 0 ? 1 : (2 * common) / total;
  }

  /**
   * Sentences: a unit ends after `.`, `;`, `:`, `?` or `!` followed by whitespace, and at a
   * newline (so a Markdown table row is a unit). A long sentence is cut at a token whose hash
   * picks it (content-defined, so an insertion early on does not shift every later cut), or at
   * MAX_UNIT tokens.
   */
  private units(side: Tokens, lo: number, hi: number): Units {
    const units: Units = { start: [], end: [], key: [] };
    const { ids, start, end, text } = side;
    let s = lo;
    for (let k = lo; k < hi; k++) {
      const id = ids[k] as number;
      const gapEnd = k + 1 < ids.length ? (start[k + 1] as number) : text.length;
      const gapStart = end[k] as number;
      const len = k + 1 - s;
      let boundary =
        k === hi - 1 ||
        len >= MAX_UNIT ||
        (len >= MIN_CUT && this.vocab.cut[id] === true) ||
        (gapEnd > gapStart && this.vocab.stop[id] === true);
      for (let c = gapStart; !boundary && c < gapEnd; c++) boundary = text.charCodeAt(c) === 10;
      if (!boundary) continue;
      units.start.push(s);
      units.end.push(k + 1);
      // Tokens never contain whitespace, so ids joined by spaces identify the token sequence.
      const key = ids.subarray(s, k + 1).join(' ');
      let keyId = this.keys.get(key);
      if (keyId === undefined) this.keys.set(key, (keyId = this.keys.size));
      units.key.push(keyId);
      s = k + 1;
    }
    return units;
  }
}

// ---------------------------------------------------------------------------------------------
// Parts

class Parts {
  readonly list: DiffPart[] = [];
  push(op: DiffPart['op'], text: string): void {
    if (!text) return;
    const last = this.list[this.list.length - 1];
    if (last && last.op === op) last.text += text;
    else this.list.push({ op, text });
  }
}

/**
 * The parts from the aligned tokens. Between two aligned tokens lies a region: the old text and
 * the new text from the end of one to the start of the next (whitespace, and any unaligned
 * tokens). Whitespace the two regions share at their start and at their end stays equal, the
 * rest is deleted and inserted. Every character of both texts lands in exactly one part.
 */
function render(before: string, after: string, a: Tokens, b: Tokens, m: Matches): DiffPart[] {
  const parts = new Parts();
  let oldPos = 0;
  let newPos = 0;
  for (let t = 0; t <= m.old.length; t++) {
    const i = m.old[t];
    const j = m.new[t];
    const oldEnd = i === undefined ? before.length : (a.start[i] as number);
    const newEnd = j === undefined ? after.length : (b.start[j] as number);
    region(parts, before.slice(oldPos, oldEnd), after.slice(newPos, newEnd));
    if (i === undefined || j === undefined) break;
    oldPos = a.end[i] as number;
    newPos = b.end[j] as number;
    parts.push('equal', before.slice(a.start[i], oldPos));
  }
  return parts.list;
}

const SPACE = /\s/;

function region(parts: Parts, oldText: string, newText: string): void {
  if (oldText === newText) {
    parts.push('equal', oldText);
    return;
  }
  const lead = commonPrefix(
    oldText,
    newText,
    Math.min(leadingSpace(oldText), leadingSpace(newText)),
  );
  const o = oldText.slice(lead);
  const n = newText.slice(lead);
  const trail = commonSuffix(o, n, Math.min(trailingSpace(o), trailingSpace(n)));
  parts.push('equal', oldText.slice(0, lead));
  parts.push('delete', o.slice(0, o.length - trail));
  parts.push('insert', n.slice(0, n.length - trail));
  parts.push('equal', o.slice(o.length - trail));
}

// Character loops rather than /^\s*/ and /\s*$/: the latter is quadratic on a long run of
// whitespace that does not reach the end.
function leadingSpace(s: string): number {
  let k = 0;
  while (k < s.length && SPACE.test(s.charAt(k))) k++;
  return k;
}

function trailingSpace(s: string): number {
  let k = 0;
  while (k < s.length && SPACE.test(s.charAt(s.length - 1 - k))) k++;
  return k;
}

function commonPrefix(x: string, y: string, limit: number): number {
  let k = 0;
  while (k < limit && x.charCodeAt(k) === y.charCodeAt(k)) k++;
  return k;
}

function commonSuffix(x: string, y: string, limit: number): number {
  let k = 0;
  while (k < limit && x.charCodeAt(x.length - 1 - k) === y.charCodeAt(y.length - 1 - k)) k++;
  return k;
}
