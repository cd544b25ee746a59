/*
 * Deciding whether a line that starts with a number such as `2.5` opens a clause.
 *
 * The shape of a line alone cannot tell `5.4 The Supplier shall ...` from a paragraph that
 * wraps mid-sentence onto `2.5 per cent of the metered volume`, or from a year such as
 * `2025.`; only the numbering around it can. Legal codes number their paragraphs in order,
 * so a number is read as a clause when it follows on from the last clause accepted in the
 * same scope (an annex restarts the numbering), and as text of the current clause otherwise.
 *
 * How much evidence is asked for grows with how surprising the number is:
 * - a Markdown heading (`## 2.5 Title`) was marked as structure by its author, and the first
 *   number in a scope has nothing to be out of sequence with: both are clauses;
 * - a strictly expected successor (5.3.2 -> 5.3.3, 5.3.2.1, 5.4, 5.4.1, 6, 6.1.1) is a clause
 *   unless it is plainly the rest of a sentence: lower-case text straight after a line that
 *   stopped mid-sentence;
 * - a plausible successor (a skip, e.g. past a deleted paragraph) is a clause only when
 *   nothing suggests a wrapped line: the previous line ended a sentence (or was blank or a
 *   heading) and the text starts with a capital;
 * - anything else (a step back, or a jump like a year) is text, unless the next numbered line
 *   follows on from it and it does not look wrapped: numbering that genuinely starts over,
 *   such as a second part without an annex heading, or a repeated number, proves itself by
 *   what comes next.
 * Only strictly expected successors survive lower-case text, since most false positives are
 * decimals and quantities in running prose.
 */

export interface NumberCandidate {
  parts: readonly number[];
  fromHeading: boolean;
  /** The clause text after the number starts with a lower-case letter. */
  lowercase: boolean;
  /** The previous line is prose that stopped mid-sentence, so this line may continue it. */
  afterOpenLine: boolean;
  /** The next number line in the same scope, to confirm a restart of the numbering. */
  next: readonly number[] | null;
}

export type Verdict = { clause: true } | { clause: false; reason: string };

// A skip of more than this many paragraphs at one level is more likely a quantity than a gap.
const MAX_JUMP = 50;
// Below the level that moved, numbering restarts at 1; a larger deeper number is more
// likely a decimal (`2.15 MWh`) than a skipped-over start of a new branch.
const MAX_DEEPER = 9;
// Top-level numbers from 1000 are years (`2025.`), even with nothing before them to compare.
const FIRST_YEAR = 1000;

const CLAUSE: Verdict = { clause: true };
const text = (reason: string): Verdict => ({ clause: false, reason });

export class ClauseSequence {
  private path: readonly number[] | null = null;

  /** An annex or appendix numbers its clauses afresh. */
  startScope(): void {
    this.path = null;
  }

  judge(candidate: NumberCandidate): Verdict {
    const verdict = judgeNumber(this.path, candidate);
    if (verdict.clause) this.path = candidate.parts;
    return verdict;
  }
}

function judgeNumber(path: readonly number[] | null, candidate: NumberCandidate): Verdict {
  const { parts, fromHeading, lowercase, afterOpenLine, next } = candidate;
  const wrapped = afterOpenLine && lowercase;
  const mayBeWrapped = afterOpenLine || lowercase;
  if (fromHeading) return CLAUSE;
  if (path === null) {
    if ((parts[0] ?? 0) >= FIRST_YEAR) return text('looks like a year');
    return wrapped ? text('continues the previous line') : CLAUSE;
  }
  if (isStrictSuccessor(path, parts)) {
    return wrapped ? text('continues the previous line') : CLAUSE;
  }
  if (isPlausibleSuccessor(path, parts)) {
    if (afterOpenLine) return text('continues the previous line');
    return lowercase ? text('starts in lower case') : CLAUSE;
  }
  if (!mayBeWrapped && next !== null && confirmsRestart(parts, next)) return CLAUSE;
  return text('out of sequence');
}

// A heading repeated or restarted is confirmed when the next number follows on from it
// directly or sits beneath it (`3.2` then `3.2.2`): prose rarely quotes a number and then
// starts a line with a sub-number of it.
function confirmsRestart(parts: readonly number[], next: readonly number[]): boolean {
  return (
    isStrictSuccessor(parts, next) ||
    (isDescendant(parts, next) && isPlausibleSuccessor(parts, next))
  );
}

/** The next sibling at some level, or a first child, optionally followed by `.1` levels. */
function isStrictSuccessor(path: readonly number[], parts: readonly number[]): boolean {
  const shared = commonPrefixLength(path, parts);
  const tailIsOnes = (from: number): boolean => parts.slice(from).every((n) => n === 1);
  if (shared === path.length) return parts.length > path.length && tailIsOnes(path.length);
  if (shared >= parts.length) return false;
  return parts[shared] === (path[shared] ?? 0) + 1 && tailIsOnes(shared + 1);
}

/** An increase at one level by at most MAX_JUMP, with small numbers beneath it. */
function isPlausibleSuccessor(path: readonly number[], parts: readonly number[]): boolean {
  const shared = commonPrefixLength(path, parts);
  const deeperAreSmall = (from: number): boolean =>
    parts.slice(from).every((n) => n >= 1 && n <= MAX_DEEPER);
  if (shared === path.length) return parts.length > path.length && deeperAreSmall(path.length);
  if (shared >= parts.length) return false;
  const step = (parts[shared] ?? 0) - (path[shared] ?? 0);
  return step >= 1 && step <= MAX_JUMP && deeperAreSmall(shared + 1);
}

function isDescendant(path: readonly number[], parts: readonly number[]): boolean {
  return parts.length > path.length && commonPrefixLength(path, parts) === path.length;
}

function commonPrefixLength(a: readonly number[], b: readonly number[]): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a[i] === b[i]) i++;
  return i;
}
