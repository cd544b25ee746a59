// Import: a row whose ID names a comment that already exists, read as the decision it may carry.

import { COMMENT_STATUSES, MAX_COMMENT_LENGTH, type CommentStatus } from '../commentLifecycle.js';
import { clauseMismatch } from './clauseRef.js';
import type { LogColumn, LogRecord } from './columns.js';
import type { ImportArtefact } from './importContext.js';
import type { Resolved } from './resolved.js';
import {
  controlCharacterProblems,
  oneOf,
  readRevision,
  tooLong,
  type RowProblem,
} from './validateRow.js';

/** The existing comment as an import compares a row with it. */
export interface LoggedState {
  ref: string;
  artefactId: string;
  /** How the log names its artefact. */
  artefactLabel: string;
  clauseRef: string;
  status: CommentStatus;
  response: string | null;
  changeId: string | null;
  action: string | null;
  revision: number;
}

/** The triage columns of a row on an existing comment. */
export interface LogUpdate {
  row: number;
  status: CommentStatus;
  response: string;
  changeId: string | null;
  action: string | null;
  /** The Revision the row was exported at; null when blank. */
  revision: number | null;
  /** Whether the triage columns differ from the comment as it is now. */
  changed: boolean;
}

export interface UpdateContext {
  resolveArtefact(label: string): Resolved<ImportArtefact>;
  resolveChange(id: string): Resolved<string>;
}

/** Text compared as a spreadsheet may have saved it: line endings and outer spaces aside. */
const sameText = (a: string | null, b: string | null) =>
  (a ?? '').replace(/\r\n?/g, '\n').trim() === (b ?? '').replace(/\r\n?/g, '\n').trim();

/**
 * Reads a row on an existing comment: its Artefact and Clause must be the comment's own (a row
 * cannot move a comment), and its Status, Code body response, Change and Action must be readable;
 * whether they may be applied is the triage rules' question. Other columns belong to the comment's
 * author and are not compared.
 */
export function readLogUpdate(
  row: number,
  record: LogRecord,
  bareNumbers: ReadonlySet<LogColumn>,
  comment: LoggedState,
  ctx: UpdateContext,
): { value?: LogUpdate; problems: RowProblem[] } {
  const problems = controlCharacterProblems(row, record);
  const problem = (column: LogColumn, message: string) => problems.push({ row, column, message });

  if (record.Artefact) {
    const found = ctx.resolveArtefact(record.Artefact);
    if (!found.ok || found.value.id !== comment.artefactId) {
      problem(
        'Artefact',
        `comment ${comment.ref} is on ${comment.artefactLabel}, not "${record.Artefact}"; a comment cannot move to another artefact`,
      );
    }
  }
  if (!record.Clause) problem('Clause', 'is required');
  else {
    const mismatch = clauseMismatch(record.Clause, bareNumbers.has('Clause'), comment.clauseRef);
    if (mismatch) problem('Clause', `comment ${comment.ref}: ${mismatch}`);
  }

  const status = record.Status ? oneOf(COMMENT_STATUSES, record.Status) : 'open';
  if (!status) problem('Status', `"${record.Status}" is not one of ${COMMENT_STATUSES.join(', ')}`);

  const response = record['Code body response'];
  if (response.length > MAX_COMMENT_LENGTH)
    problem('Code body response', tooLong(MAX_COMMENT_LENGTH));

  let changeId: string | null = null;
  if (record.Change) {
    const found = ctx.resolveChange(record.Change);
    if (found.ok) changeId = found.value;
    else problem('Change', found.message);
  }

  const action = record.Action;
  if (action.length > MAX_COMMENT_LENGTH) problem('Action', tooLong(MAX_COMMENT_LENGTH));

  let revision: number | null = null;
  if (record.Revision) {
    revision = readRevision(record.Revision);
    if (!revision) problem('Revision', `"${record.Revision}" is not a revision number`);
  }

  if (problems.length || !status) return { problems };
  const changed =
    status !== comment.status ||
    !sameText(response, comment.response) ||
    changeId !== comment.changeId ||
    !sameText(action, comment.action);
  return {
    problems,
    value: {
      row,
      status,
      response,
      changeId,
      action: action || null,
      revision,
      changed,
    },
  };
}
