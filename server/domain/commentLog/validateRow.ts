// Import: the checks every data row must pass, and the comment it becomes when it passes them.

import {
  COMMENT_CATEGORIES,
  COMMENT_STATUSES,
  MAX_COMMENT_LENGTH,
  RESPONSE_REQUIRED,
  SEVERITIES,
  type CommentCategory,
  type CommentStatus,
  type Severity,
} from '../commentLifecycle.js';
import { quoteOccursIn } from '../commentAnchor.js';
import { findControlCharacter } from '../controlCharacters.js';
import { ambiguousClause } from './clauseRef.js';
import { COMMENT_LOG_COLUMNS, type LogColumn, type LogRecord } from './columns.js';
import type { ImportArtefact, ImportContext, ImportVersion } from './importContext.js';
import {
  IMPORTED_NUMBER_HEADROOM,
  importedCommentRef,
  systemRefNumber,
} from './importedCommentRef.js';
import { readLogDate } from './logDate.js';
import type { ImportOrganisation } from './organisations.js';
import { key } from './text.js';

/** The comment API's limit on a comment, a proposal and a response (routes/comments/schema.ts). */
const MAX_ID = 100;
const MAX_NAME = 200;

/** Comment statuses a log may carry; a withdrawn comment is not a comment received. */
export const IMPORTABLE_STATUSES = COMMENT_STATUSES.filter((s) => s !== 'withdrawn');

/** Vocabulary words as people type them: "Partially accepted", "Plain English", " HIGH ". */
export const token = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

export function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  const t = token(text);
  return values.find((v) => v === t);
}

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0', ''];

/** A yes/no cell as people and spreadsheets write it (blank is no); undefined when it is neither. */
function yesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (YES.includes(t)) return true;
  if (NO.includes(t)) return false;
  return undefined;
}

export interface ImportedRow {
  row: number;
  /** The row's ID, or the derived IMP- id. */
  ref: string;
  artefact: ImportArtefact;
  versionId: string;
  clauseRef: string;
  quote: string | null;
  category: CommentCategory;
  severity: Severity;
  body: string;
  proposedText: string | null;
  organisation: ImportOrganisation | null;
  /** The author's name as the log gives it; null when blank. */
  raisedByName: string | null;
  /** Null when blank: the import time is used. */
  raisedOn: string | null;
  confidential: boolean;
  status: CommentStatus;
  response: string | null;
  changeId: string | null;
  action: string | null;
  /** Blank in the file: the importer's name is used. */
  decidedByName: string | null;
  /** Null when blank: the import time is used. */
  decidedAt: string | null;
  /** The Revision column: the revision an exported comment had; null when blank. */
  revision: number | null;
}

export interface RowProblem {
  row: number;
  column: LogColumn;
  message: string;
}

/** A Revision cell: a positive whole number, else null. */
export const readRevision = (text: string): number | null =>
  /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;

export const tooLong = (max: number) => `must be at most ${max.toLocaleString('en-GB')} characters`;

/**
 * Text a mis-decoded file carries (C1 controls for Windows-1252 punctuation) or that no view
 * shows; the ID allows no control character at all (checked with the ID).
 */
export function controlCharacterProblems(row: number, record: LogRecord): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of COMMENT_LOG_COLUMNS) {
    const found = column === 'ID' ? null : findControlCharacter(record[column]);
    if (found) {
      problems.push({
        row,
        column,
        message: `contains the control character ${found.codePoint} at position ${found.index + 1}; if the file was saved in another encoding, save it as UTF-8 CSV`,
      });
    }
  }
  return problems;
}

/**
 * Every problem with one data row, and the comment it becomes when there are none. `bareNumbers`
 * are the row's columns holding a bare number, which a spreadsheet may have rewritten.
 */
export function validateLogRecord(
  row: number,
  record: LogRecord,
  ctx: ImportContext,
  bareNumbers: ReadonlySet<LogColumn> = new Set(),
): { value?: ImportedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: LogColumn, message: string) => problems.push({ row, column, message });

  problems.push(...controlCharacterProblems(row, record));

  const id = record.ID;
  const number = systemRefNumber(id);
  if (id.length > MAX_ID) problem('ID', tooLong(MAX_ID));
  else if (/\p{Cc}/u.test(id)) problem('ID', 'must not contain control characters');
  else if (number !== null && number > ctx.lastCommentNumber + IMPORTED_NUMBER_HEADROOM) {
    problem(
      'ID',
      `"${id}" is in this system's numbering but far beyond the last number it issued (${ctx.lastCommentNumber.toLocaleString('en-GB')}): such IDs may run at most ${IMPORTED_NUMBER_HEADROOM.toLocaleString('en-GB')} past it. Leave the ID blank to have one derived, or use your own prefix`,
    );
  }

  let artefact: ImportArtefact | undefined;
  if (!record.Artefact) problem('Artefact', 'is required');
  else {
    const found = ctx.resolveArtefact(record.Artefact);
    if (!found.ok) problem('Artefact', found.message);
    else {
      const denied = ctx.permissionProblem(found.value);
      if (denied) problem('Artefact', denied);
      else if (!found.value.currentVersionId)
        problem('Artefact', `${found.value.label} has no published version to comment on`);
      else artefact = found.value;
    }
  }

  let version: ImportVersion | undefined;
  if (artefact) {
    const label = record.Version || artefact.currentVersionLabel || '';
    version = artefact.versions.get(key(label));
    if (!version) problem('Version', `${artefact.label} has no version "${record.Version}"`);
    else {
      const closed = ctx.textProblem(artefact, version);
      if (closed) problem(record.Version ? 'Version' : 'Artefact', closed);
    }
  }

  const clauseRef = record.Clause;
  const clause = version?.clauses.get(clauseRef);
  const ambiguous =
    version && ambiguousClause(clauseRef, bareNumbers.has('Clause'), version.clauses.keys());
  if (!clauseRef) problem('Clause', 'is required');
  else if (ambiguous) problem('Clause', ambiguous);
  else if (artefact && version && !clause) {
    problem(
      'Clause',
      `clause "${clauseRef}" does not exist in version ${version.label} of ${artefact.label}`,
    );
  }

  const quote = record.Quote;
  if (quote.length > MAX_COMMENT_LENGTH) problem('Quote', tooLong(MAX_COMMENT_LENGTH));
  else if (quote && clause && !quoteOccursIn(clause, quote))
    problem('Quote', `the quoted text does not occur in clause ${clauseRef}`);

  const category = oneOf(COMMENT_CATEGORIES, record.Category);
  if (!record.Category) problem('Category', 'is required');
  else if (!category)
    problem('Category', `"${record.Category}" is not one of ${COMMENT_CATEGORIES.join(', ')}`);

  const severity = record.Severity ? oneOf(SEVERITIES, record.Severity) : 'medium';
  if (!severity) problem('Severity', `"${record.Severity}" is not one of ${SEVERITIES.join(', ')}`);

  const body = record.Comment;
  if (!body) problem('Comment', 'must not be empty');
  else if (body.length > MAX_COMMENT_LENGTH) problem('Comment', tooLong(MAX_COMMENT_LENGTH));

  const proposedText = record['Proposed text'];
  if (proposedText.length > MAX_COMMENT_LENGTH)
    problem('Proposed text', tooLong(MAX_COMMENT_LENGTH));

  let organisation: ImportOrganisation | null = null;
  if (record.Organisation) {
    const found = ctx.resolveOrganisation(record.Organisation);
    if (found.ok) organisation = found.value;
    else problem('Organisation', found.message);
  }

  const status = record.Status ? oneOf(COMMENT_STATUSES, record.Status) : 'open';
  if (!status)
    problem('Status', `"${record.Status}" is not one of ${IMPORTABLE_STATUSES.join(', ')}`);
  else if (status === 'withdrawn')
    problem('Status', 'withdrawn comments are not imported; remove the row');

  const response = record['Code body response'];
  if (response.length > MAX_COMMENT_LENGTH)
    problem('Code body response', tooLong(MAX_COMMENT_LENGTH));
  else if (status && RESPONSE_REQUIRED.includes(status) && !response)
    problem('Code body response', `a written response is required for a ${status} comment`);
  else if (status === 'open' && response)
    problem('Code body response', 'an open comment has no response yet; give the status it led to');

  const decided = status !== undefined && status !== 'open';
  const changeId = record.Change;
  let change: string | null = null;
  if (changeId) {
    const found = ctx.resolveChange(changeId);
    if (!found.ok) problem('Change', found.message);
    else if (!decided) problem('Change', 'an open comment is not linked to a change yet');
    else change = found.value;
  }

  const action = record.Action;
  if (action.length > MAX_COMMENT_LENGTH) problem('Action', tooLong(MAX_COMMENT_LENGTH));
  else if (action && !decided) problem('Action', 'an open comment has no action yet');

  const decidedBy = record['Decided by'];
  if (decidedBy.length > MAX_NAME) problem('Decided by', tooLong(MAX_NAME));

  const raisedBy = record['Raised by'];
  if (raisedBy.length > MAX_NAME) problem('Raised by', tooLong(MAX_NAME));

  let raisedOn: string | null = null;
  if (record['Raised on']) {
    const read = readLogDate(record['Raised on'], ctx.now);
    if (read.ok) raisedOn = read.value;
    else problem('Raised on', read.message);
  }

  const confidential = yesNo(record.Confidential);
  if (confidential === undefined)
    problem('Confidential', `"${record.Confidential}" is not Yes or No`);

  let decidedAt: string | null = null;
  if (record['Decided at']) {
    const read = readLogDate(record['Decided at'], ctx.now);
    if (read.ok) decidedAt = read.value;
    else problem('Decided at', read.message);
  }

  let revision: number | null = null;
  if (record.Revision) {
    revision = readRevision(record.Revision);
    if (!revision) problem('Revision', `"${record.Revision}" is not a revision number`);
  }

  if (
    problems.length ||
    !artefact ||
    !version ||
    !category ||
    !severity ||
    !status ||
    confidential === undefined
  ) {
    return { problems };
  }
  return {
    problems,
    value: {
      row,
      ref:
        id ||
        importedCommentRef({
          artefact: artefact.slug,
          clause: clauseRef,
          organisation: organisation?.name ?? '',
          comment: body,
        }),
      artefact,
      versionId: version.id,
      clauseRef,
      quote: quote || null,
      category,
      severity,
      body,
      proposedText: proposedText || null,
      organisation,
      raisedByName: raisedBy || null,
      raisedOn,
      confidential,
      status,
      response: decided ? response : null,
      changeId: change,
      action: decided ? action || null : null,
      decidedByName: decided ? decidedBy || null : null,
      decidedAt: decided ? decidedAt : null,
      revision,
    },
  };
}
