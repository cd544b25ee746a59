// Clauses as bags of words weighted by rarity across both versions, for the alignment: a word
// that most clauses share (boilerplate: "The Supplier shall ensure that") weighs little, a word
// few clauses hold ("BSCP504", "Non") weighs much.

/** A multiset of word ids, sorted by id, with the weight of each word shared by all bags. */
export interface Bag {
  words: Int32Array;
  counts: Int32Array;
  /** Sum of count x weight. */
  total: number;
  weightOf: Float64Array;
  /** Words counted with repeats. */
  size: number;
}

export interface Profile extends Bag {
  /** The clause content with whitespace collapsed: identical clauses compare equal. */
  content: string;
  /** count x weight per word, parallel to `words`. */
  weights: Float64Array;
}

export interface Profiles {
  from: Profile[];
  to: Profile[];
  /** The old clauses holding a word, for words rare enough to find a partner by. */
  postings(word: number): readonly number[] | undefined;
}

const WORD = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

export function clauseProfiles(fromContents: string[], toContents: string[]): Profiles {
  const ids = new Map<string, number>();
  const tokenise = (content: string) => {
    const found = content.toLowerCase().match(WORD) ?? [];
    const counts = new Map<number, number>();
    for (const word of found) {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = ids.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { counts, size: found.length };
  };
  const fromTokens = fromContents.map(tokenise);
  const toTokens = toContents.map(tokenise);

  const documents = new Int32Array(ids.size);
  for (const t of [...fromTokens, ...toTokens])
    for (const id of t.counts.keys()) documents[id] = (documents[id] as number) + 1;
  const all = fromTokens.length + toTokens.length;
  const weightOf = new Float64Array(ids.size);
  documents.forEach((n, id) => {
    weightOf[id] = Math.log(1 + all / n);
  });

  const profile = (content: string, t: { counts: Map<number, number>; size: number }) => {
    const words = Int32Array.from([...t.counts.keys()].sort((a, b) => a - b));
    const counts = Int32Array.from(words, (id) => t.counts.get(id) ?? 0);
    const weights = Float64Array.from(
      words,
      (id, k) => (counts[k] as number) * (weightOf[id] as number),
    );
    let total = 0;
    for (const w of weights) total += w;
    return {
      content: content.replace(/\s+/g, ' ').trim(),
      words,
      counts,
      weights,
      total,
      weightOf,
      size: t.size,
    };
  };
  const from = fromContents.map((c, i) => profile(c, fromTokens[i] as (typeof fromTokens)[0]));
  const to = toContents.map((c, j) => profile(c, toTokens[j] as (typeof toTokens)[0]));

  // Words held by more old clauses than this are boilerplate: they find no partner by themselves.
  const limit = Math.max(6, Math.ceil(Math.sqrt(all)));
  const index = new Map<number, number[]>();
  from.forEach((p, i) => {
    for (const id of p.words) {
      const holders = index.get(id);
      if (holders) holders.push(i);
      else index.set(id, [i]);
    }
  });
  return {
    from,
    to,
    postings(word) {
      const holders = index.get(word);
      return holders && holders.length <= limit ? holders : undefined;
    },
  };
}

/** Weighted words in common, from 0 (nothing) to 1 (the same words). */
export function similarity(a: Bag, b: Bag): number {
  if (a.total + b.total === 0) return a.size === 0 && b.size === 0 ? 1 : 0;
  return (2 * common(a, b)) / (a.total + b.total);
}

/** The share of `part`'s weight found in `pool`. */
export function coverage(part: Bag, pool: Bag): number {
  return part.total === 0 ? 0 : common(part, pool) / part.total;
}

function common(a: Bag, b: Bag): number {
  let shared = 0;
  let x = 0;
  let y = 0;
  while (x < a.words.length && y < b.words.length) {
    const wa = a.words[x] as number;
    const wb = b.words[y] as number;
    if (wa === wb) {
      shared += Math.min(a.counts[x] as number, b.counts[y] as number) * (a.weightOf[wa] as number);
      x++;
      y++;
    } else if (wa < wb) x++;
    else y++;
  }
  return shared;
}

/** The words of `a` that `b` does not account for (multiset difference). */
export function uncovered(a: Bag, b: Bag): Bag {
  const words: number[] = [];
  const counts: number[] = [];
  let total = 0;
  let size = 0;
  let y = 0;
  for (let x = 0; x < a.words.length; x++) {
    const w = a.words[x] as number;
    while (y < b.words.length && (b.words[y] as number) < w) y++;
    const left = (a.counts[x] as number) - (b.words[y] === w ? (b.counts[y] as number) : 0);
    if (left > 0) {
      words.push(w);
      counts.push(left);
      total += left * (a.weightOf[w] as number);
      size += left;
    }
  }
  return {
    words: Int32Array.from(words),
    counts: Int32Array.from(counts),
    total,
    weightOf: a.weightOf,
    size,
  };
}
