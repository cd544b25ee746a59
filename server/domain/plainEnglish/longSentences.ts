// Over-long sentences, counted in words, with abbreviations' dots not taken as sentence ends.

import type { FindingSink } from './findings.js';
import { squashSpace, type Block } from './text.js';

// Dots that end these words do not end a sentence.
const ABBREVIATIONS = new Set(
  `e.g i.e etc cf viz vs no nos para paras approx incl ref refs fig figs art sect st mr mrs ms dr
  ltd co inc min max jan feb mar apr jun jul aug sep sept oct nov dec ibid op al`.split(/\s+/),
);
const SENTENCE_END = /[.;?!](?=\s|$)/g;

function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m[0] === '.') {
      const before = text.slice(Math.max(start, m.index - 12), m.index);
      const word =
        /(\S+)$/
          .exec(before)?.[1]
          ?.toLowerCase()
          .replace(/^[("'“‘]+/, '') ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    out.push(text.slice(start, m.index + 1));
    start = m.index + 1;
  }
  out.push(text.slice(start));
  return out.map(squashSpace).filter((s) => s !== '');
}

const countWords = (sentence: string) =>
  sentence.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function checkLongSentences(
  clauseRef: string,
  blocks: Block[],
  maxSentenceWords: number,
  out: FindingSink,
): void {
  for (const block of blocks) {
    if (block.table) continue;
    for (const sentence of sentences(block.text)) {
      const words = countWords(sentence);
      if (words <= maxSentenceWords) continue;
      const excerpt = `${sentence.split(' ').slice(0, 8).join(' ')}…`;
      out.add(
        clauseRef,
        'long-sentence',
        excerpt,
        `Sentence of ${words} words (more than ${maxSentenceWords}): split it into shorter sentences`,
      );
    }
  }
}
