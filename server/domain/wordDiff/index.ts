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

export type { DiffPart, WordDiff } from './types.js';
export { wordDiff } from './diff.js';
export { countWords, wordOverlap } from './words.js';
