// Import: the rows on existing comments sorted by what becomes of them, by the triage rules.

import {
  checkTriage,
  RESPONSE_REQUIRED,
  type CommentStatus,
  type TriageStatus,
} from '../commentLifecycle.js';
import type { LogColumn } from './columns.js';
import type { LogUpdate } from './logUpdate.js';
import type { RowProblem } from './validateRow.js';

/** The comment a row's ID names, as sorting its row needs it. */
export interface DecidedComment {
  ref: string;
  status: CommentStatus;
  revision: number;
  artefactCode: string;
}

/** A data row of a log, numbered as the spreadsheet numbers it, and its comment's ID. */
export interface LogRowRef {
  row: number;
  ref: string;
}

/** A row on a comment only another code body decides: nothing in it is applied. */
export interface NotTheirsRow extends LogRowRef {
  code: string;
  /** Whether the row differs from the comment as it is now. */
  changed: boolean;
  reason: string;
}

/** A row's decision on an existing comment, checked and ready to record. */
export interface LogDecision<C extends DecidedComment> {
  row: number;
  comment: C;
  status: TriageStatus;
  response: string;
  changeId: string | null;
  action: string | null;
  revision: number;
}

/**
 * Sorts the rows on existing comments: unchanged, not the importer's to decide, or a decision
 * checked by the triage screen's rules (row problems), at the revision the row was exported at
 * (conflicts, answered 409 as the triage screen answers a stale revision).
 */
export function sortLogUpdates<C extends DecidedComment>(
  updates: readonly { update: LogUpdate; comment: C }[],
  mayDecide: (code: string) => boolean,
): {
  decisions: LogDecision<C>[];
  unchanged: LogRowRef[];
  notTheirs: NotTheirsRow[];
  problems: RowProblem[];
  conflicts: RowProblem[];
} {
  const decisions: LogDecision<C>[] = [];
  const unchanged: LogRowRef[] = [];
  const notTheirs: NotTheirsRow[] = [];
  const problems: RowProblem[] = [];
  const conflicts: RowProblem[] = [];
  for (const { update, comment } of updates) {
    const { row } = update;
    const ref = { row, ref: comment.ref };
    if (!mayDecide(comment.artefactCode)) {
      notTheirs.push({
        ...ref,
        code: comment.artefactCode,
        changed: update.changed,
        reason: `only the ${comment.artefactCode} code body decides comments on ${comment.artefactCode} artefacts; nothing in this row was applied`,
      });
      continue;
    }
    if (!update.changed) {
      unchanged.push(ref);
      continue;
    }
    const problem = (column: LogColumn, message: string) =>
      problems.push({ row, column, message: `comment ${comment.ref}: ${message}` });
    if (update.revision === null) {
      problem(
        'Revision',
        'is blank: a decision on an existing comment needs the Revision its export wrote, so that nobody else’s later decision is overwritten; export the log again and decide in that file',
      );
      continue;
    }
    if (update.revision !== comment.revision) {
      conflicts.push({
        row,
        column: 'Revision',
        message: `Comment ${comment.ref} was changed by someone else since the log was exported (the file has revision ${update.revision}, it is now at ${comment.revision}); export the log again and make this decision there`,
      });
      continue;
    }
    const status = update.status;
    if (status === 'open' || status === 'withdrawn') {
      problem(
        'Status',
        status === 'open'
          ? `a ${comment.status} comment cannot be set back to open; give the status the decision leads to`
          : 'only its author can withdraw a comment',
      );
      continue;
    }
    if (status === 'duplicate') {
      problem(
        'Status',
        'mark a duplicate on the triage screen, which asks for the comment it duplicates (the log has no column for it)',
      );
      continue;
    }
    // The triage screen's own rule for this move.
    const refused = checkTriage(comment.status, { status, response: update.response });
    if (refused) {
      const aboutResponse = RESPONSE_REQUIRED.includes(status) && !update.response.trim();
      problem(aboutResponse ? 'Code body response' : 'Status', refused);
      continue;
    }
    decisions.push({
      row,
      comment,
      status,
      response: update.response,
      changeId: update.changeId,
      action: update.action,
      revision: update.revision,
    });
  }
  return { decisions, unchanged, notTheirs, problems, conflicts };
}
