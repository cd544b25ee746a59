// Export: the log row a comment becomes.

import type { CommentCategory, CommentStatus, Severity } from '../commentLifecycle.js';
import { CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../commentWords.js';
import { logDateTime } from '../londonClock.js';
import type { LogRecord } from './columns.js';

export interface LoggedComment {
  ref: string;
  artefactId: string;
  versionLabel: string | null;
  clauseRef: string;
  quote: string | null;
  category: CommentCategory;
  severity: Severity;
  body: string;
  proposedText: string | null;
  organisationName: string | null;
  /** The author's name: a user's, or the name an imported log gave. */
  raisedBy: string | null;
  createdAt: string;
  confidential: boolean;
  status: CommentStatus;
  response: string | null;
  changeId: string | null;
  action: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  revision: number;
}

/** The log row of one comment, in words and London times: what an export lets leave the server. */
export function commentLogRecord(comment: LoggedComment, artefactLabel: string): LogRecord {
  return {
    ID: comment.ref,
    Artefact: artefactLabel,
    Version: comment.versionLabel ?? '',
    Clause: comment.clauseRef,
    Quote: comment.quote ?? '',
    Category: CATEGORY_LABELS[comment.category] ?? comment.category,
    Severity: SEVERITY_LABELS[comment.severity] ?? comment.severity,
    Comment: comment.body,
    'Proposed text': comment.proposedText ?? '',
    Organisation: comment.organisationName ?? '',
    'Raised by': comment.raisedBy ?? '',
    'Raised on': logDateTime(comment.createdAt),
    Confidential: comment.confidential ? 'Yes' : 'No',
    Status: STATUS_LABELS[comment.status] ?? comment.status,
    'Code body response': comment.response ?? '',
    Change: comment.changeId ?? '',
    Action: comment.action ?? '',
    'Decided by': comment.decidedByName ?? '',
    'Decided at': comment.decidedAt ? logDateTime(comment.decidedAt) : '',
    Revision: String(comment.revision),
  };
}
