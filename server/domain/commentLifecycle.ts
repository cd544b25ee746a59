// The comment lifecycle of DESIGN section 2, as data: which status may follow which, and what each
// decision must carry.

export const COMMENT_CATEGORIES = [
  'drafting',
  'legal',
  'design-mismatch',
  'plain-english',
  'consequential',
  'other',
] as const;
export type CommentCategory = (typeof COMMENT_CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Sort key: high first. */
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export const COMMENT_STATUSES = [
  'open',
  'triaged',
  'accepted',
  'partially-accepted',
  'rejected',
  'deferred',
  'duplicate',
  'withdrawn',
] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const TRIAGE_STATUSES = [
  'triaged',
  'accepted',
  'partially-accepted',
  'rejected',
  'deferred',
  'duplicate',
] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export const MAX_COMMENT_LENGTH = 20_000;

export const OUTSTANDING_STATUSES: readonly CommentStatus[] = ['open', 'triaged'];
export const RESPONSE_REQUIRED: readonly CommentStatus[] = [
  'rejected',
  'partially-accepted',
  'deferred',
];

const NEXT: Record<CommentStatus, readonly CommentStatus[]> = {
  open: [
    'triaged',
    'accepted',
    'partially-accepted',
    'rejected',
    'deferred',
    'duplicate',
    'withdrawn',
  ],
  triaged: ['accepted', 'partially-accepted', 'rejected', 'deferred', 'duplicate'],
  accepted: [],
  'partially-accepted': [],
  rejected: [],
  deferred: [],
  duplicate: [],
  withdrawn: [],
};

export function isOutstanding(status: CommentStatus): boolean {
  return OUTSTANDING_STATUSES.includes(status);
}

export interface TriageRequest {
  status: TriageStatus;
  response: string;
  duplicateOf?: string | null;
}

/** Returns the reason a decision is not allowed, or null when it is. */
export function checkTriage(current: CommentStatus, request: TriageRequest): string | null {
  if (!NEXT[current].includes(request.status)) {
    return current === 'open' || current === 'triaged'
      ? `a ${current} comment cannot move to ${request.status}`
      : `the comment is already ${current}; a decided comment cannot be triaged again`;
  }
  if (RESPONSE_REQUIRED.includes(request.status) && request.response.trim() === '') {
    return `a written response is required to mark a comment ${request.status}`;
  }
  if (request.status === 'duplicate' && !request.duplicateOf) {
    return 'duplicateOf must name the comment this one duplicates';
  }
  if (request.status !== 'duplicate' && request.duplicateOf) {
    return 'duplicateOf is only for status duplicate';
  }
  return null;
}

/** The decisions a code body may still make on a comment in this status. */
export function triageOptions(current: CommentStatus): TriageStatus[] {
  return TRIAGE_STATUSES.filter((status) => NEXT[current].includes(status));
}

export function canWithdraw(current: CommentStatus): boolean {
  return NEXT[current].includes('withdrawn');
}

export function canEdit(current: CommentStatus): boolean {
  return current === 'open';
}
