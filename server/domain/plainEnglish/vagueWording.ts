// Vague wording: the default and configured phrases that leave the reader to guess what is meant.

import { tidyTermList } from './config.js';
import type { FindingSink } from './findings.js';
import { squashSpace, WORD_CHAR, type Block } from './text.js';

const VAGUE_ADVICE: Record<string, string> = {
  'and/or': 'say whether both, either or only one is meant',
  'etc.': 'list everything that is meant',
  'as appropriate': 'say who decides what is appropriate, and how',
  'from time to time': 'say when, or how often',
};

export function vaguePattern(terms: readonly string[]): RegExp | null {
  const parts = tidyTermList(terms)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const dotted = t.endsWith('.');
      const body = (dotted ? t.slice(0, -1) : t)
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('\\s+');
      return dotted ? `${body}(?:\\.|(?![\\p{L}\\p{N}]))` : `${body}(?![\\p{L}\\p{N}])`;
    });
  if (parts.length === 0) return null;
  return new RegExp(parts.join('|'), 'giu');
}

export function checkVagueWording(
  clauseRef: string,
  blocks: Block[],
  vague: RegExp,
  out: FindingSink,
): void {
  for (const block of blocks) {
    for (const m of block.text.matchAll(vague)) {
      // Whole words only: the pattern itself does not look behind, which is slow.
      if (m.index > 0 && WORD_CHAR.test(block.text[m.index - 1] ?? '')) continue;
      const excerpt = squashSpace(m[0]);
      const canonical = excerpt.toLowerCase().replace(/\s+/g, ' ');
      const advice =
        VAGUE_ADVICE[canonical] ?? VAGUE_ADVICE[`${canonical}.`] ?? 'say precisely what is meant';
      out.add(clauseRef, 'vague-wording', excerpt, `Vague wording "${excerpt}": ${advice}`);
    }
  }
}
