// What a citation of another artefact's clause should now say, once that artefact has moved on:
// the redline's alignment knows where a clause went ("S 2.1.4 is now 2.1.5").

import { alignClauses } from '../alignClauses.js';
import type { Clause } from '../parseClauses.js';

/** Old clause ref → new clause ref, for the clauses whose number changed between two versions. */
export function renumbering(from: readonly Clause[], to: readonly Clause[]): Map<string, string> {
  const { pairs } = alignClauses(from, to);
  const moved = new Map<string, string>();
  for (const { from: i, to: j } of pairs) {
    const before = from[i]?.ref;
    const after = to[j]?.ref;
    if (before && after && before !== after) moved.set(before, after);
  }
  return moved;
}

/** The finding's message on the citing clause, with the fix when the clause was renumbered. */
export function brokenCitationMessage(
  target: { reference: string; versionLabel: string },
  clauseRef: string,
  renumberedTo: string | undefined,
): string {
  return renumberedTo === undefined
    ? `${target.reference} has no clause ${clauseRef} in its current version (${target.versionLabel}): check the reference`
    : `${target.reference} ${clauseRef} is now ${renumberedTo} (${target.versionLabel}): change the reference to ${renumberedTo}`;
}
