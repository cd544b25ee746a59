// Import: every data row of a log validated, with rows that repeat a comment refused.

import type { LogColumn, LogRecord } from './columns.js';
import type { ImportContext } from './importContext.js';
import { validateLogRecord, type ImportedRow, type RowProblem } from './validateRow.js';

/**
 * Validates every data row of a log, and that no two rows are the same comment (the same ID, or
 * without IDs the same artefact, clause, organisation and text).
 */
export function validateLogRecords(
  records: readonly { row: number; record: LogRecord; bareNumbers?: ReadonlySet<LogColumn> }[],
  ctx: ImportContext,
): { rows: ImportedRow[]; problems: RowProblem[] } {
  const rows: ImportedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, record, bareNumbers } of records) {
    const result = validateLogRecord(row, record, ctx, bareNumbers);
    problems.push(...result.problems);
    if (!result.value) continue;
    const first = seen.get(result.value.ref);
    if (first !== undefined) {
      problems.push({
        row,
        column: 'ID',
        message: record.ID
          ? `ID "${record.ID}" is already used on row ${first}`
          : `repeats row ${first} (same artefact, clause, organisation and comment)`,
      });
      continue;
    }
    seen.set(result.value.ref, row);
    rows.push(result.value);
  }
  return { rows, problems };
}
