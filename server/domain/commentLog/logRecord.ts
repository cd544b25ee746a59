// Import: the log record a data row holds.

import { unguardCell } from './cellGuard.js';
import { COMMENT_LOG_COLUMNS, type LogRecord } from './columns.js';
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

export const isBlankRecord = (record: LogRecord) =>
  COMMENT_LOG_COLUMNS.every((c) => record[c] === '');
