// Cutting a range of tokens into sentences: the units the sentence-by-sentence diff aligns.

import type { Tokens } from './tokens.js';
import type { Vocabulary } from './vocabulary.js';

/** A sentence longer than this many tokens is cut, so pairing sentences stays cheap. */
const MAX_UNIT = 64;
/** A long sentence may be cut at a content-defined point once it has this many tokens. */
const MIN_CUT = 24;

/** Sentences (or cut pieces of long ones) as token ranges [start, end) of one side. */
export interface Units {
  start: number[];
  end: number[];
  key: number[];
}

/**
 * Sentences: a unit ends after `.`, `;`, `:`, `?` or `!` followed by whitespace, and at a
 * newline (so a Markdown table row is a unit). A long sentence is cut at a token whose hash
 * picks it (content-defined, so an insertion early on does not shift every later cut), or at
 * MAX_UNIT tokens.
 */
export function splitUnits(
  side: Tokens,
  lo: number,
  hi: number,
  vocab: Vocabulary,
  /** Interned token sequences, shared by both sides so equal units get equal keys. */
  keys: Map<string, number>,
): Units {
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
      (len >= MIN_CUT && vocab.cut[id] === true) ||
      (gapEnd > gapStart && vocab.stop[id] === true);
    for (let c = gapStart; !boundary && c < gapEnd; c++) boundary = text.charCodeAt(c) === 10;
    if (!boundary) continue;
    units.start.push(s);
    units.end.push(k + 1);
    // Tokens never contain whitespace, so ids joined by spaces identify the token sequence.
    const key = ids.subarray(s, k + 1).join(' ');
    let keyId = keys.get(key);
    if (keyId === undefined) keys.set(key, (keyId = keys.size));
    units.key.push(keyId);
    s = k + 1;
  }
  return units;
}
