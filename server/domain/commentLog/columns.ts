// The comment log's spreadsheet columns, as code bodies and the programme exchange them.

export const COMMENT_LOG_COLUMNS = [
  'ID',
  'Artefact',
  'Clause',
  'Category',
  'Severity',
  'Comment',
  'Proposed text',
  'Organisation',
  'Status',
  'Code body response',
  'Decided by',
  'Decided at',
] as const;
export type LogColumn = (typeof COMMENT_LOG_COLUMNS)[number];

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
