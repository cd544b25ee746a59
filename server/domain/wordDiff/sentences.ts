// Sentence by sentence, for problems too big for Myers: sentences are aligned first, then words
// within aligned and paired sentences.

import { type Budget, cappedDiff, myers } from './cappedMyers.js';
import type { Matches } from './matches.js';
import { DIRECT_TOKENS, REWRITTEN } from './thresholds.js';
import type { Tokens } from './tokens.js';
import { splitUnits, type Units } from './units.js';
import type { Vocabulary } from './vocabulary.js';

/** How far ahead (in sentences, on either side) pairing looks for a sentence's counterpart. */
const PAIR_WINDOW = 32;
/** Sentences this alike pair at once, without looking for a better partner. */
const SURE_PAIR = 0.5;
/** Pairs of sentences are word-diffed in segments of about this many tokens at most. */
const SEGMENT_TOKENS = 256;

export class Hierarchy {
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

  /** One side's sentences (see `splitUnits`), keyed alike on both sides. */
  private units(side: Tokens, lo: number, hi: number): Units {
    return splitUnits(side, lo, hi, this.vocab, this.keys);
  }
}
