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
] as const;
export type LogColumn = (typeof COMMENT_LOG_COLUMNS)[number];

/** Columns holding a date and time: real date cells in a workbook, "dd/mm/yyyy hh:mm" in CSV. */
export const DATE_COLUMNS: readonly LogColumn[] = ['Raised on', 'Decided at'];

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
