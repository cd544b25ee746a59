// Import: the stable id of a row that has none, so that re-importing a file skips it.

import { createHash } from 'node:crypto';

/**
 * The id a row without an ID gets: `IMP-` and the first 10 hex digits of the SHA-256 of artefact slug,
 * clause, organisation name and comment text. The same row always gets the same id, so re-importing
 * a file skips it, however the file spelt the artefact.
 */
export function importedCommentRef(parts: {
  artefact: string;
  clause: string;
  organisation: string;
  comment: string;
}): string {
  const digest = createHash('sha256')
    .update([parts.artefact, parts.clause, parts.organisation, parts.comment].join('|'))
    .digest('hex');
  return `IMP-${digest.slice(0, 10)}`;
}

/**
 * How far past the comment counter an imported ID in this system's own form (C-000123) may be.
 * Such IDs keep their number, and the counter moves past the highest so that it never hands one
 * out again; the headroom (as many rows as one file may hold) stops one mistyped or hostile
 * C-999999999 from moving it to the end of its range.
 */
export const IMPORTED_NUMBER_HEADROOM = 50_000;

/** The number of an ID the comment counter could issue (`C-` and at least six digits), else null. */
export function systemRefNumber(ref: string): number | null {
  const digits = /^C-(\d{6,15})$/.exec(ref)?.[1];
  if (!digits) return null;
  const n = Number(digits);
  // C-0000123 is not a counter ID: the counter pads to six digits only.
  return n > 0 && String(n).padStart(6, '0') === digits ? n : null;
}
