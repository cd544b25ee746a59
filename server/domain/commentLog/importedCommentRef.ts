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
