// The comment lifecycle's words come from the server's own domain module, so the two can't drift.
export {
  COMMENT_CATEGORIES as CATEGORIES,
  COMMENT_STATUSES as STATUSES,
  MAX_COMMENT_LENGTH,
  RESPONSE_REQUIRED,
  SEVERITIES,
  TRIAGE_STATUSES,
  triageOptions as nextTriageStatuses,
  type CommentCategory as Category,
  type CommentStatus,
  type Severity,
  type TriageRequest,
  type TriageStatus,
} from '../../../server/domain/commentLifecycle';
export { CHANGE_ID_PATTERN } from '../../../server/domain/vocabulary';

import type { CommentCategory } from '../../../server/domain/commentLifecycle';

export const CATEGORY_LABELS: Record<CommentCategory, string> = {
  drafting: 'Drafting',
  legal: 'Legal',
  'design-mismatch': 'Design mismatch',
  'plain-english': 'Plain English',
  consequential: 'Consequential',
  other: 'Other',
};
