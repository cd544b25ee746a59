// The word diff itself: the direct Myers when the problem is small, sentence by sentence when not.

import { Budget, myers, WORK_BASE, WORK_PER_TOKEN } from './cappedMyers.js';
import { Matches } from './matches.js';
import { render, replaced } from './parts.js';
import { Hierarchy } from './sentences.js';
import { DIRECT_TOKENS, REWRITTEN } from './thresholds.js';
import { foldedOverlap, tokenise } from './tokens.js';
import type { WordDiff } from './types.js';
import { Vocabulary } from './vocabulary.js';

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
