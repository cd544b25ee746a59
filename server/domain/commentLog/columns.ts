// The comment log's spreadsheet columns, as code bodies and the programme exchange them.

export const COMMENT_LOG_COLUMNS = [
  'ID',
  'Artefact',
  'Version',
  'Clause',
  'Quote',
  'Category',
  'Severity',
  'Comment',
  'Proposed text',
  'Organisation',
  'Raised by',
  'Raised on',
  'Confidential',
  'Status',
  'Code body response',
  'Change',
  'Action',
  'Decided by',
  'Decided at',
  'Revision',
] as const;
export type LogColumn = (typeof COMMENT_LOG_COLUMNS)[number];

/** Columns holding a date and time: real date cells in a workbook, "dd/mm/yyyy hh:mm" in CSV. */
export const DATE_COLUMNS: readonly LogColumn[] = ['Raised on', 'Decided at'];

/**
 * The comment's revision when it was exported: an import applies a row's decision only if the
 * comment is still at that revision, as the triage screen does (409 otherwise).
 */
export const NUMBER_COLUMNS: readonly LogColumn[] = ['Revision'];

/** One row of a comment log, every cell as text (blank = ''). */
export type LogRecord = Record<LogColumn, string>;

/** Columns an imported file must have; the others may be left out (ID is then derived). */
export const REQUIRED_IMPORT_COLUMNS: readonly LogColumn[] = [
  'Artefact',
  'Clause',
  'Category',
  'Comment',
  'Organisation',
];
