// Which waivers of the previous version still hold in a new one: a waiver answers one finding in
// one clause's words, so it carries only where the clause came through unchanged (renumbered or
// moved is fine, see alignClauses) and the check finds the very same thing in it.

import type { ClauseSuccessor } from '../alignClauses.js';
import type { FindingKind } from './findings.js';

export interface FindingOnClause {
  id: string;
  clauseRef: string;
  kind: FindingKind;
  excerpt: string;
}

/** Pairs of (new open finding, waived finding of the previous version) whose waiver carries. */
export function carriedWaivers<W extends FindingOnClause, F extends FindingOnClause>(
  waived: readonly W[],
  open: readonly F[],
  successors: ReadonlyMap<string, ClauseSuccessor>,
): { finding: F; from: W }[] {
  const key = (clauseRef: string, f: Pick<FindingOnClause, 'kind' | 'excerpt'>) =>
    `${clauseRef}\u0000${f.kind}\u0000${f.excerpt}`;
  const openByKey = new Map(open.map((f) => [key(f.clauseRef, f), f]));
  const carried: { finding: F; from: W }[] = [];
  for (const w of waived) {
    const next = successors.get(w.clauseRef);
    if (!next || next.ref === null || next.textChanged) continue;
    const finding = openByKey.get(key(next.ref, w));
    if (!finding) continue;
    openByKey.delete(key(next.ref, w));
    carried.push({ finding, from: w });
  }
  return carried;
}
