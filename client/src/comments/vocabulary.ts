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

export {
  CATEGORY_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../../server/domain/commentWords';
