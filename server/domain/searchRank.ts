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

const count = (pattern: RegExp, text: string) => {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
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
  if (candidates.length === 0) return [];
  const lengths = candidates.map((c) => c.text.length + (c.heading?.length ?? 0));
  const average = lengths.reduce((a, b) => a + b, 0) / candidates.length || 1;
  const counts = candidates.map((c) =>
    patterns.map((p) => HEADING_WEIGHT * (c.heading ? count(p, c.heading) : 0) + count(p, c.text)),
  );
  const idf = patterns.map((_, t) => {
    const having = counts.filter((row) => (row[t] ?? 0) > 0).length;
    return Math.log(1 + (candidates.length - having + 0.5) / (having + 0.5));
  });
  const scores = candidates.map((c, i) => {
    const norm = K1 * (1 - B + (B * (lengths[i] ?? 0)) / average);
    let score = 0;
    for (const [t, tf] of (counts[i] ?? []).entries()) {
      score += (idf[t] ?? 0) * ((tf * (K1 + 1)) / (tf + norm));
    }
    return { id: c.id, score };
  });
  scores.sort((a, b) => b.score - a.score || a.id - b.id);
  return scores.map((s) => s.id);
}
