// The work-off register as a file. The register is small (one row per deferred comment or post-M6
// change), so it is written whole; CSV cells are guarded against formulas as the comment log's are.

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { guardCell } from '../domain/commentLog/index.js';
import { WORK_OFF_COLUMNS, type WorkOffRecord } from '../presenters/workOff.js';

const UTF8_BOM = '\uFEFF';
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF rows, RFC 4180 quoting. */
export function workOffCsv(records: readonly WorkOffRecord[]): Buffer {
  const rows = records.map((r) => WORK_OFF_COLUMNS.map((c) => guardCell(r[c])));
  return Buffer.from(UTF8_BOM + stringify([[...WORK_OFF_COLUMNS], ...rows], CSV_OPTIONS), 'utf8');
}

const WIDTHS: Record<(typeof WORK_OFF_COLUMNS)[number], number> = {
  Source: 10,
  Reference: 14,
  Document: 28,
  Clause: 10,
  Subject: 60,
  Owner: 10,
  Target: 10,
  Status: 14,
  Notes: 50,
  Updated: 24,
  'Updated by': 24,
};

/** One worksheet "Work-off register": bold, frozen, filterable header; text cells, never formulas. */
export async function workOffXlsx(records: readonly WorkOffRecord[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MHHS M6 code artefact review';
  const sheet = workbook.addWorksheet('Work-off register', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = WORK_OFF_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: WIDTHS[column],
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: WORK_OFF_COLUMNS.length },
  };
  sheet.getRow(1).font = { bold: true };
  // Typed string cells: exceljs writes a formula only when given one, so no guard is needed here.
  for (const record of records) sheet.addRow(WORK_OFF_COLUMNS.map((c) => record[c]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
