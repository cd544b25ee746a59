// Export: the log row a comment becomes.

import type { LogRecord } from './columns.js';

export interface LoggedComment {
  ref: string;
  artefactId: string;
  clauseRef: string;
  category: string;
  severity: string;
  body: string;
  proposedText: string | null;
  organisationName: string | null;
  status: string;
  response: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

/** The log row of one comment: what an export lets leave the server. */
export function commentLogRecord(comment: LoggedComment, artefactLabel: string): LogRecord {
  return {
    ID: comment.ref,
    Artefact: artefactLabel,
    Clause: comment.clauseRef,
    Category: comment.category,
    Severity: comment.severity,
    Comment: comment.body,
    'Proposed text': comment.proposedText ?? '',
    Organisation: comment.organisationName ?? '',
    Status: comment.status,
    'Code body response': comment.response ?? '',
    'Decided by': comment.decidedByName ?? '',
    'Decided at': comment.decidedAt ?? '',
  };
}
