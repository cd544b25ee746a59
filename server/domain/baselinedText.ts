import { ukDateTime } from './ukDateTime.js';

/**
 * Why text in the M6 baseline takes no new comment (or a comment moved onto it). After the SRO's
 * approval the baselined text is what is in force: it changes only through a post-M6 change
 * request, so a comment on it would be a request nobody is going to action. Replies to existing
 * comments may continue; the code body still answers what was said before the baseline.
 */
export function baselinedTextProblem(
  reference: string,
  versionLabel: string,
  baselinedAt: string,
): string {
  return `${reference} ${versionLabel} is baselined at M6 (approved ${ukDateTime(baselinedAt)}), so its text takes no new comments; changes to it now go through a post-M6 change request on the Changes page`;
}
