import { alignClauses, clauseContent } from './alignClauses.js';
import type { Clause } from './parseClauses.js';
import { clauseChangeHtml, escapeHtml } from './redlineHtml.js';
import { countWords, wordDiff, type DiffPart } from './wordDiff/index.js';

export type { DiffPart };

/**
 * `renumbered`: the number changed and the text did not, in the same place among its
 * neighbours; `moved`: the clause now stands elsewhere among them (its text may have changed);
 * `modified`: the text changed in place (its number may have changed too).
 */
export type ClauseChange = 'added' | 'removed' | 'modified' | 'moved' | 'renumbered' | 'unchanged';

export interface RedlineClause {
  /** The clause's ref in the new version; for a removed clause, its ref in the old one. */
  ref: string;
  /** The old ref of a clause whose number changed. */
  fromRef?: string;
  change: ClauseChange;
  textChanged: boolean;
  /** Equal and inserted parts join to the new content; equal and deleted parts to the old. */
  parts: DiffPart[];
  html: string;
  fromIndex: number | null;
  toIndex: number | null;
  /** A removed clause whose text now stands in this new clause. */
  mergedInto?: string;
  /** An added clause that holds the rest of this old clause, split in two. */
  splitFrom?: string;
  /** The clause was too long to compare word by word; changed sentences are shown whole. */
  coarse?: boolean;
}

export interface MappingEntry {
  fromRef: string | null;
  toRef: string | null;
  change: ClauseChange;
}

export interface RedlineStats {
  added: number;
  removed: number;
  modified: number;
  moved: number;
  renumbered: number;
  unchanged: number;
  wordsInserted: number;
  wordsDeleted: number;
}

/** Where a moved clause used to stand: before `clauses[at]` in reading order. */
export interface MovedAway {
  fromRef: string;
  toRef: string;
  at: number;
}

export interface Redline {
  stats: RedlineStats;
  /** Every clause of both versions, in reading order: new order, removed clauses where they stood. */
  clauses: RedlineClause[];
  /** One entry per clause of either version, in reading order. */
  mapping: MappingEntry[];
  movedAway: MovedAway[];
  /** What the reader should know about how the comparison was made. */
  notes: string[];
}

const MAX_NOTES = 20;

/**
 * A clause-aware redline: clauses are aligned first (see alignClauses), and only the text of
 * each changed clause is diffed word by word, so the cost grows with the size of the changes
 * rather than with the square of the document.
 */
export function computeRedline(from: readonly Clause[], to: readonly Clause[]): Redline {
  const alignment = alignClauses(from, to);
  const partnerOf = new Map(alignment.pairs.map((p) => [p.to, p]));
  const removed = new Set(alignment.removed);
  const movedAwayFrom = new Map(alignment.pairs.filter((p) => p.moved).map((p) => [p.from, p.to]));
  const clauses: RedlineClause[] = [];
  const movedAway: MovedAway[] = [];
  const coarse: string[] = [];

  let nextOld = 0;
  const emitOldBefore = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      const old = from[nextOld] as Clause;
      const movedTo = movedAwayFrom.get(nextOld);
      if (movedTo !== undefined) {
        movedAway.push({ fromRef: old.ref, toRef: to[movedTo]?.ref ?? '', at: clauses.length });
        continue;
      }
      if (!removed.has(nextOld)) continue;
      const content = clauseContent(old);
      const parts: DiffPart[] = content ? [{ op: 'delete', text: content }] : [];
      const into = alignment.mergedInto.get(nextOld);
      clauses.push({
        ref: old.ref,
        change: 'removed',
        textChanged: true,
        parts,
        html: clauseChangeHtml(content, '', parts),
        fromIndex: nextOld,
        toIndex: null,
        ...(into === undefined ? {} : { mergedInto: to[into]?.ref }),
      });
    }
  };

  to.forEach((clause, j) => {
    const content = clauseContent(clause);
    const pair = partnerOf.get(j);
    if (!pair) {
      const parts: DiffPart[] = content ? [{ op: 'insert', text: content }] : [];
      const split = alignment.splitFrom.get(j);
      clauses.push({
        ref: clause.ref,
        change: 'added',
        textChanged: true,
        parts,
        html: clauseChangeHtml('', content, parts),
        fromIndex: null,
        toIndex: j,
        ...(split === undefined ? {} : { splitFrom: from[split]?.ref }),
      });
      return;
    }
    const i = pair.from;
    if (!pair.moved) {
      emitOldBefore(i);
      nextOld = i + 1;
    }
    const old = from[i] as Clause;
    const before = clauseContent(old);
    const diff = wordDiff(before, content);
    if (diff.coarse) coarse.push(clause.ref);
    const textChanged = before !== content;
    const renumbered = old.ref !== clause.ref;
    const change: ClauseChange = pair.moved
      ? 'moved'
      : textChanged
        ? 'modified'
        : renumbered
          ? 'renumbered'
          : 'unchanged';
    clauses.push({
      ref: clause.ref,
      ...(renumbered ? { fromRef: old.ref } : {}),
      change,
      textChanged,
      parts: diff.parts,
      html: clauseChangeHtml(before, content, diff.parts),
      fromIndex: i,
      toIndex: j,
      ...(diff.coarse ? { coarse: true } : {}),
    });
  });
  emitOldBefore(from.length);

  return {
    stats: statsOf(clauses),
    clauses,
    mapping: clauses.map((c) => ({
      fromRef: c.fromIndex === null ? null : (from[c.fromIndex]?.ref ?? null),
      toRef: c.toIndex === null ? null : c.ref,
      change: c.change,
    })),
    movedAway,
    notes: notesOn(coarse),
  };
}

function statsOf(clauses: RedlineClause[]): RedlineStats {
  const stats: RedlineStats = {
    added: 0,
    removed: 0,
    modified: 0,
    moved: 0,
    renumbered: 0,
    unchanged: 0,
    wordsInserted: 0,
    wordsDeleted: 0,
  };
  for (const c of clauses) {
    stats[c.change]++;
    for (const p of c.parts) {
      if (p.op === 'insert') stats.wordsInserted += countWords(p.text);
      if (p.op === 'delete') stats.wordsDeleted += countWords(p.text);
    }
  }
  return stats;
}

function notesOn(coarse: string[]): string[] {
  if (coarse.length === 0) return [];
  const shown = coarse.slice(0, MAX_NOTES).join(', ');
  const more = coarse.length > MAX_NOTES ? ` and ${coarse.length - MAX_NOTES} more` : '';
  const which = coarse.length === 1 ? `Clause ${shown} is` : `Clauses ${shown}${more} are`;
  return [`${which} too long to compare word by word: changed sentences are shown whole.`];
}

function sectionHtml(c: RedlineClause): string {
  const notes = [
    c.fromRef ? `was ${c.fromRef}` : '',
    c.mergedInto ? `merged into ${c.mergedInto}` : '',
    c.splitFrom ? `split from ${c.splitFrom}` : '',
  ].filter(Boolean);
  const was = notes.length
    ? ` <span class="redline-was">(${escapeHtml(notes.join('; '))})</span>`
    : '';
  return (
    `<section class="redline-clause redline-${c.change}" data-ref="${escapeHtml(c.ref)}">` +
    `<div class="redline-ref">${escapeHtml(c.ref)}${was}</div>` +
    `<div class="redline-text">${c.html}</div></section>`
  );
}

function movedAwayHtml(m: MovedAway): string {
  return (
    `<section class="redline-clause redline-moved-away" data-ref="${escapeHtml(m.fromRef)}">` +
    `<div class="redline-ref">${escapeHtml(m.fromRef)} <span class="redline-was">(moved to ${escapeHtml(m.toRef)})</span></div></section>`
  );
}

/** The redline as one HTML document (every clause, changed or not), for screen and print. */
export function redlineDocumentHtml(redline: Redline): string {
  const out: string[] = [];
  let marker = 0;
  redline.clauses.forEach((c, index) => {
    for (; marker < redline.movedAway.length; marker++) {
      const m = redline.movedAway[marker] as MovedAway;
      if (m.at > index) break;
      out.push(movedAwayHtml(m));
    }
    out.push(sectionHtml(c));
  });
  for (; marker < redline.movedAway.length; marker++) {
    out.push(movedAwayHtml(redline.movedAway[marker] as MovedAway));
  }
  return out.join('\n');
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
