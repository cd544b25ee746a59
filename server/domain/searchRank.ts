// Ranking and highlighting of matches, the same on both databases. The index decides what matches
// (stemmed, so "collectors" finds "Collector"); these patterns only need to find the words again
// in a match's text, so a loose stem is enough: at worst a neighbouring form is also marked.
import type { SearchTerm } from './searchQuery.js';

const ENDINGS = /(?:ations?|ings?|ers?|ions?|ies|ed|es|e|s|y)$/u;
const SUFFIX = String.raw`[\p{L}\p{N}]*`;

function wordPattern(word: string, prefix: boolean): string {
  const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (prefix) return `${escaped(word)}${SUFFIX}`;
  const base = word.length > 4 ? word.replace(ENDINGS, '') : word;
  return `${escaped(base.length >= 3 ? base : word)}${SUFFIX}`;
}

/** One pattern per term: its words in order, any punctuation or spacing between them. */
export function termPatterns(terms: readonly SearchTerm[]): RegExp[] {
  return terms.map((term) => {
    const last = term.words.length - 1;
    const words = term.words.map((w, i) => wordPattern(w, term.prefix && i === last));
    return new RegExp(
      String.raw`(?<![\p{L}\p{N}])${words.join(String.raw`[^\p{L}\p{N}]+`)}(?![\p{L}\p{N}])`,
      'giu',
    );
  });
}

/** Occurrences of a global pattern; `test` rather than `exec`, which builds a match each time. */
const count = (pattern: RegExp, text: string) => {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.test(text)) n++;
  return n;
};

export interface RankCandidate {
  id: number;
  heading: string | null;
  text: string;
}

const K1 = 1.2;
const B = 0.75;
const HEADING_WEIGHT = 2;

/**
 * The candidates' ids, best first, by BM25 over their heading (counting double) and text, with the
 * rarity of each term measured among the candidates; ties in index order.
 */
export function rankClauses(
  candidates: readonly RankCandidate[],
  terms: readonly SearchTerm[],
): number[] {
  const patterns = termPatterns(terms);
  const n = candidates.length;
  if (n === 0) return [];
  // Flat arrays, filled in place: ranking runs on every search, over hundreds of candidates.
  const t = patterns.length;
  const counts = new Float64Array(n * t);
  const having = new Float64Array(t);
  const lengths = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const { heading, text } = candidates[i]!;
    lengths[i] = text.length + (heading?.length ?? 0);
    total += lengths[i]!;
    for (let j = 0; j < t; j++) {
      const pattern = patterns[j]!;
      const tf = HEADING_WEIGHT * (heading ? count(pattern, heading) : 0) + count(pattern, text);
      counts[i * t + j] = tf;
      if (tf > 0) having[j]!++;
    }
  }
  const average = total / n || 1;
  const idf = having.map((h) => Math.log(1 + (n - h + 0.5) / (h + 0.5)));
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const norm = K1 * (1 - B + (B * lengths[i]!) / average);
    let score = 0;
    for (let j = 0; j < t; j++) {
      const tf = counts[i * t + j]!;
      score += idf[j]! * ((tf * (K1 + 1)) / (tf + norm));
    }
    scores[i] = score;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || candidates[a]!.id - candidates[b]!.id);
  return order.map((i) => candidates[i]!.id);
}
