// Splitting a text into tokens (words and punctuation marks), interned to ids.

import type { Vocabulary } from './vocabulary.js';
import { WORD } from './words.js';

/**
 * A word, or any other single code point but whitespace (a punctuation mark). Whitespace is never
 * matched: it is what lies between tokens, and skipping it inside the regex engine is twice as
 * fast as matching it.
 */
const TOKEN = new RegExp(String.raw`(${WORD})|\S`, 'gu');

/** One side's non-whitespace tokens: interned ids and where each sits in the text. */
export interface Tokens {
  text: string;
  ids: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export function tokenise(text: string, vocab: Vocabulary): Tokens {
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
export function foldedOverlap(a: Tokens, b: Tokens, vocab: Vocabulary): number {
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
