import { diffArrays } from 'diff';
import { alignClauses, clauseContent } from './alignClauses.js';
import type { Clause } from './parseClauses.js';

export type ClauseChange = 'added' | 'removed' | 'modified' | 'moved' | 'unchanged';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface RedlineClause {
  /** The clause's ref in the new version; for a removed clause, its ref in the old one. */
  ref: string;
  /** The old ref of a clause that was renumbered or moved. */
  fromRef?: string;
  change: ClauseChange;
  /** A moved clause may also have been edited. */
  textChanged: boolean;
  /** Equal and inserted parts join to the new content; equal and deleted parts to the old. */
  parts: DiffPart[];
  html: string;
  fromIndex: number | null;
  toIndex: number | null;
}

export interface RedlineStats {
  added: number;
  removed: number;
  modified: number;
  moved: number;
  unchanged: number;
  wordsInserted: number;
  wordsDeleted: number;
}

export interface Redline {
  stats: RedlineStats;
  /** Every clause of both versions, in reading order: new order, removed clauses where they stood. */
  clauses: RedlineClause[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function partsHtml(parts: DiffPart[]): string {
  return parts
    .map((p) =>
      p.op === 'insert'
        ? `<ins>${escapeHtml(p.text)}</ins>`
        : p.op === 'delete'
          ? `<del>${escapeHtml(p.text)}</del>`
          : escapeHtml(p.text),
    )
    .join('');
}

function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  // A clause rewritten wholesale reads better struck through and replaced than as a confetti of
  // shared small words, and costs nothing to diff.
  if (!before || !after || wordOverlap(before, after) < REWRITTEN) {
    return [
      ...(before ? [{ op: 'delete' as const, text: before }] : []),
      ...(after ? [{ op: 'insert' as const, text: after }] : []),
    ];
  }
  // jsdiff over words that carry their trailing whitespace: half the tokens of diffWordsWithSpace,
  // and the parts still join back to both texts exactly.
  return diffArrays(wordsWithSpace(before), wordsWithSpace(after)).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value.join(''),
  }));
}

/** Words and punctuation marks, each carrying the whitespace after it. */
const wordsWithSpace = (text: string): string[] =>
  text.match(/^\s+|[\p{L}\p{N}_'’-]+\s*|[^\s\p{L}\p{N}_'’-]\s*/gu) ?? [];

/** Below this share of words in common a clause counts as rewritten rather than edited. */
const REWRITTEN = 0.4;

function wordOverlap(a: string, b: string): number {
  const wordsA = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordsB = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (wordsA.length + wordsB.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const w of wordsA) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wordsB) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  return (2 * common) / (wordsA.length + wordsB.length);
}

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * A clause-aware redline: clauses are aligned first (see alignClauses), and only the text of
 * each changed clause is diffed word by word, so the cost grows with the size of the changes
 * rather than with the square of the document.
 */
export function computeRedline(from: readonly Clause[], to: readonly Clause[]): Redline {
  const { pairs, removed } = alignClauses(from, to);
  const partnerOf = new Map(pairs.map((p) => [p.to, p.from]));
  const removedSet = new Set(removed);
  const clauses: RedlineClause[] = [];
  const stats: RedlineStats = {
    added: 0,
    removed: 0,
    modified: 0,
    moved: 0,
    unchanged: 0,
    wordsInserted: 0,
    wordsDeleted: 0,
  };

  let nextOld = 0;
  const emitRemovedBefore = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (!removedSet.has(nextOld)) continue;
      const old = from[nextOld];
      if (!old) continue;
      const parts: DiffPart[] = [{ op: 'delete', text: clauseContent(old) }];
      stats.removed++;
      clauses.push({
        ref: old.ref,
        change: 'removed',
        textChanged: true,
        parts,
        html: partsHtml(parts),
        fromIndex: nextOld,
        toIndex: null,
      });
    }
  };

  to.forEach((clause, j) => {
    const i = partnerOf.get(j);
    if (i === undefined) {
      const parts: DiffPart[] = [{ op: 'insert', text: clauseContent(clause) }];
      stats.added++;
      clauses.push({
        ref: clause.ref,
        change: 'added',
        textChanged: true,
        parts,
        html: partsHtml(parts),
        fromIndex: null,
        toIndex: j,
      });
      return;
    }
    // Removed clauses are shown where they stood, before the next clause that kept its place.
    if (i >= nextOld) {
      emitRemovedBefore(i);
      nextOld = i + 1;
    }
    const old = from[i] as Clause;
    const parts = wordDiff(clauseContent(old), clauseContent(clause));
    const textChanged = parts.some((p) => p.op !== 'equal');
    const change: ClauseChange =
      old.ref !== clause.ref ? 'moved' : textChanged ? 'modified' : 'unchanged';
    stats[change]++;
    clauses.push({
      ref: clause.ref,
      ...(old.ref !== clause.ref ? { fromRef: old.ref } : {}),
      change,
      textChanged,
      parts,
      html: partsHtml(parts),
      fromIndex: i,
      toIndex: j,
    });
  });
  emitRemovedBefore(from.length);

  for (const c of clauses) {
    for (const p of c.parts) {
      if (p.op === 'insert') stats.wordsInserted += countWords(p.text);
      if (p.op === 'delete') stats.wordsDeleted += countWords(p.text);
    }
  }
  return { stats, clauses };
}

/** The redline as one HTML document (every clause, changed or not), for screen and print. */
export function redlineDocumentHtml(redline: Redline): string {
  return redline.clauses
    .map((c) => {
      const was = c.fromRef
        ? ` <span class="redline-was">(was ${escapeHtml(c.fromRef)})</span>`
        : '';
      return (
        `<section class="redline-clause redline-${c.change}" data-ref="${escapeHtml(c.ref)}">` +
        `<div class="redline-ref">${escapeHtml(c.ref)}${was}</div>` +
        `<div class="redline-text">${c.html}</div></section>`
      );
    })
    .join('\n');
}

/** Both versions rebuilt from a redline: the check that it is exact. */
export function redlineSides(redline: Redline): {
  from: { ref: string; content: string }[];
  to: { ref: string; content: string }[];
} {
  const join = (parts: DiffPart[], skip: DiffPart['op']) =>
    parts
      .filter((p) => p.op !== skip)
      .map((p) => p.text)
      .join('');
  const from = redline.clauses
    .filter((c) => c.fromIndex !== null)
    .sort((a, b) => (a.fromIndex ?? 0) - (b.fromIndex ?? 0))
    .map((c) => ({ ref: c.fromRef ?? c.ref, content: join(c.parts, 'insert') }));
  const to = redline.clauses
    .filter((c) => c.toIndex !== null)
    .sort((a, b) => (a.toIndex ?? 0) - (b.toIndex ?? 0))
    .map((c) => ({ ref: c.ref, content: join(c.parts, 'delete') }));
  return { from, to };
}
