// Import: the log record a data row holds.

import { looksLikeNumber, unguardCell } from './cellGuard.js';
import { COMMENT_LOG_COLUMNS, type LogColumn, type LogRecord } from './columns.js';
import type { LogHeader } from './header.js';

/** The log record of one data row: cells trimmed, the export's injection guard removed. */
export function logRecordFrom(cells: readonly string[], header: LogHeader): LogRecord {
  const record = {} as LogRecord;
  for (const column of COMMENT_LOG_COLUMNS) {
    const index = header.columns.get(column);
    record[column] = index === undefined ? '' : unguardCell((cells[index] ?? '').trim()).trim();
  }
  return record;
}

/**
 * Columns of a data row holding a bare number: a value a spreadsheet may have rewritten (2.10 saved
 * as 2.1), unlike text behind the export's apostrophe or in a workbook's text cell.
 */
export function bareNumberColumns(cells: readonly string[], header: LogHeader): Set<LogColumn> {
  const found = new Set<LogColumn>();
  for (const [column, index] of header.columns) {
    const cell = (cells[index] ?? '').trim();
    if (cell && looksLikeNumber(cell)) found.add(column);
  }
  return found;
}

export const isBlankRecord = (record: LogRecord) =>
  COMMENT_LOG_COLUMNS.every((c) => record[c] === '');
