// Import: finding the header row of a log and which cell holds each column.

import { COMMENT_LOG_COLUMNS, REQUIRED_IMPORT_COLUMNS, type LogColumn } from './columns.js';
import { key } from './text.js';

export interface LogHeader {
  /** Cell index of each recognised column. */
  columns: Map<LogColumn, number>;
  missing: LogColumn[];
  /** Recognised columns that appear more than once. */
  repeated: LogColumn[];
}

/** Matches a header row to the log columns, ignoring case and surrounding spaces; others are ignored. */
export function readLogHeader(cells: readonly string[]): LogHeader {
  const wanted = new Map(COMMENT_LOG_COLUMNS.map((c) => [key(c), c] as const));
  const columns = new Map<LogColumn, number>();
  const repeated = new Set<LogColumn>();
  cells.forEach((cell, index) => {
    const column = wanted.get(key(cell));
    if (!column) return;
    if (columns.has(column)) repeated.add(column);
    else columns.set(column, index);
  });
  return {
    columns,
    missing: REQUIRED_IMPORT_COLUMNS.filter((c) => !columns.has(c)),
    repeated: [...repeated],
  };
}

/** How many rows above the header (a title, a date) a file may have. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Where the header is: the first of the top rows that has every required column, so title rows
 * above it are passed over; failing that, the first row (whose header then names what is missing).
 */
export function locateLogHeader(
  rows: readonly { cells: readonly string[] }[],
): { index: number; header: LogHeader } | undefined {
  const first = rows[0];
  if (!first) return undefined;
  for (const [index, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const header = readLogHeader(row.cells);
    if (!header.missing.length) return { index, header };
  }
  return { index: 0, header: readLogHeader(first.cells) };
}
