// The comment vocabulary in the words people use ("Partially accepted", "Design mismatch"): shown
// in the app and written in comment logs, where codes would mean nothing to a reader.

import type { CommentCategory, CommentStatus, Severity } from './commentLifecycle.js';
import { plural } from './plural.js';

export const CATEGORY_LABELS: Record<CommentCategory, string> = {
  drafting: 'Drafting',
  legal: 'Legal',
  'design-mismatch': 'Design mismatch',
  'plain-english': 'Plain English',
  consequential: 'Consequential',
  other: 'Other',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const STATUS_LABELS: Record<CommentStatus, string> = {
  open: 'Open',
  triaged: 'Triaged',
  accepted: 'Accepted',
  'partially-accepted': 'Partially accepted',
  rejected: 'Rejected',
  deferred: 'Deferred',
  duplicate: 'Duplicate',
  withdrawn: 'Withdrawn',
};

/**
 * The seed pack's "Current status and issues" wording ("0 Industry comments outstanding"), with
 * those of them that are confidential counted when there are any.
 */
export function outstandingCommentsText(outstanding: number, confidential = 0): string {
  const text = `${plural(outstanding, 'Industry comment')} outstanding`;
  return confidential ? `${text}, ${confidential} of them confidential` : text;
}
