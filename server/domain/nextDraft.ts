// The next draft of an artefact: the current version's text with the proposals of accepted and
// partially accepted comments applied, so nobody re-keys them. Pure: no I/O.
//
// A proposal replaces the words its comment quotes, or the clause's whole text when it quotes
// none. Two proposals on one clause conflict: neither is applied until one is chosen. A proposal
// that cannot be placed (its clause or quote is no longer in the text) is reported, never guessed.

import type { Clause } from './parseClauses.js';

export interface Proposal {
  commentRef: string;
  clauseRef: string;
  quote: string | null;
  proposedText: string;
}

export interface NextDraftChoices {
  /** Comment refs whose proposals are switched off. */
  skip?: ReadonlySet<string>;
  /** Comment refs chosen in a conflict: the one proposal applied on its clause. */
  choose?: ReadonlySet<string>;
}

export interface AppliedProposal {
  commentRef: string;
  clauseRef: string;
  /** The words replaced and the words put in their place. */
  before: string;
  after: string;
}

export interface NextDraft {
  body: string;
  applied: AppliedProposal[];
  conflicts: { clauseRef: string; commentRefs: string[]; chosen: string | null }[];
  skipped: string[];
  unapplied: { commentRef: string; clauseRef: string; reason: string }[];
}

const LINE_BREAK = /\r\n|\r|\n/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text as a pattern that matches it however its whitespace was wrapped in the source. */
function loosePattern(text: string): RegExp | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length ? new RegExp(words.map(escape).join('\\s+')) : null;
}

/** A proposal that repeats its clause's number ("1.1.2 The SVAA shall") does not repeat it twice. */
function withoutClauseNumber(text: string, clauseRef: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith(`${clauseRef} `) ? trimmed.slice(clauseRef.length + 1).trim() : trimmed;
}

/** The lines each clause owns in the source: from its own line to the next clause's. */
function clauseRegions(clauses: readonly Clause[], lineCount: number) {
  const starts = [...new Set(clauses.map((c) => c.line))].sort((a, b) => a - b);
  const regions = new Map<string, { start: number; end: number }>();
  for (const clause of clauses) {
    const next = starts.find((line) => line > clause.line);
    regions.set(clause.ref, { start: clause.line - 1, end: (next ?? lineCount + 1) - 1 });
  }
  return regions;
}

export function prepareNextDraft(
  body: string,
  clauses: readonly Clause[],
  proposals: readonly Proposal[],
  choices: NextDraftChoices = {},
): NextDraft {
  const skip = choices.skip ?? new Set<string>();
  const choose = choices.choose ?? new Set<string>();
  const lines = body.split(LINE_BREAK);
  const regions = clauseRegions(clauses, lines.length);
  const byRef = new Map(clauses.map((c) => [c.ref, c]));
  const result: NextDraft = { body, applied: [], conflicts: [], skipped: [], unapplied: [] };

  const byClause = new Map<string, Proposal[]>();
  for (const p of proposals) {
    if (skip.has(p.commentRef)) {
      result.skipped.push(p.commentRef);
      continue;
    }
    byClause.set(p.clauseRef, [...(byClause.get(p.clauseRef) ?? []), p]);
  }

  const edits: { start: number; end: number; text: string }[] = [];
  for (const [clauseRef, onClause] of byClause) {
    const clause = byRef.get(clauseRef);
    const region = regions.get(clauseRef);
    if (!clause || !region) {
      for (const p of onClause)
        result.unapplied.push({
          commentRef: p.commentRef,
          clauseRef,
          reason: `clause ${clauseRef} is not in this version`,
        });
      continue;
    }
    let proposal = onClause[0];
    if (onClause.length > 1) {
      const chosen = onClause.filter((p) => choose.has(p.commentRef));
      result.conflicts.push({
        clauseRef,
        commentRefs: onClause.map((p) => p.commentRef),
        chosen: chosen.length === 1 ? (chosen[0]?.commentRef ?? null) : null,
      });
      proposal = chosen.length === 1 ? chosen[0] : undefined;
    }
    if (!proposal) continue;
    const source = lines.slice(region.start, region.end).join('\n');
    const target = proposal.quote ?? clause.text;
    const match = loosePattern(target)?.exec(source);
    if (!match) {
      result.unapplied.push({
        commentRef: proposal.commentRef,
        clauseRef,
        reason: proposal.quote
          ? `the quoted words are no longer in clause ${clauseRef}`
          : `the text of clause ${clauseRef} could not be found in the source`,
      });
      continue;
    }
    const after = proposal.quote
      ? proposal.proposedText.trim()
      : withoutClauseNumber(proposal.proposedText, clauseRef);
    const text = source.slice(0, match.index) + after + source.slice(match.index + match[0].length);
    edits.push({ start: region.start, end: region.end, text });
    result.applied.push({ commentRef: proposal.commentRef, clauseRef, before: match[0], after });
  }

  // From the bottom up, so each edit's line numbers still hold.
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    lines.splice(edit.start, edit.end - edit.start, ...edit.text.split('\n'));
  }
  result.body = lines.join('\n');
  const order = new Map(clauses.map((c, i) => [c.ref, i]));
  result.applied.sort((a, b) => (order.get(a.clauseRef) ?? 0) - (order.get(b.clauseRef) ?? 0));
  return result;
}
