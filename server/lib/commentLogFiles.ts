// Comment logs as files: writing CSV and XLSX exports, reading uploaded CSV and XLSX back into rows
// of text cells. What the columns mean is server/domain/commentLog/columns.ts.

import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COMMENT_LOG_COLUMNS, guardCell, type LogRecord } from '../domain/commentLog/index.js';
import { badRequest } from '../errors.js';

export type CommentLogFormat = 'csv' | 'xlsx';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CONTENT_TYPES: Record<CommentLogFormat, string> = {
  csv: `${CSV_TYPE}; charset=utf-8`,
  xlsx: XLSX_TYPE,
};

const WORKSHEET = 'Comment log';
const UTF8_BOM = '\uFEFF';

/** UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF rows, RFC 4180 quoting. */
export function commentLogCsv(records: readonly LogRecord[]): Buffer {
  const text = stringify(
    [
      [...COMMENT_LOG_COLUMNS],
      ...records.map((r) => COMMENT_LOG_COLUMNS.map((c) => guardCell(r[c]))),
    ],
    // csv-stringify quotes a field holding the record delimiter (CRLF), not a bare CR or LF.
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
  return Buffer.from(UTF8_BOM + text, 'utf8');
}

const WIDTHS: Record<(typeof COMMENT_LOG_COLUMNS)[number], number> = {
  ID: 14,
  Artefact: 30,
  Clause: 12,
  Category: 16,
  Severity: 10,
  Comment: 60,
  'Proposed text': 40,
  Organisation: 28,
  Status: 18,
  'Code body response': 50,
  'Decided by': 24,
  'Decided at': 18,
};

/**
 * One worksheet "Comment log": bold, frozen, filterable header; wrapped text. Cells are typed strings
 * (never formulas), and "Decided at" is a real date. Written by exceljs's streaming writer, which
 * is several times faster than building the workbook in memory.
 */
export async function commentLogXlsx(records: readonly LogRecord[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'MHHS M6 code artefact review';
  const sheet = workbook.addWorksheet(WORKSHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = COMMENT_LOG_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: WIDTHS[column],
    style: {
      alignment: { wrapText: true, vertical: 'top' },
      ...(column === 'Decided at' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {}),
    },
  }));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: COMMENT_LOG_COLUMNS.length },
  };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const record of records) {
    const decidedAt = record['Decided at'] ? new Date(record['Decided at']) : null;
    sheet
      .addRow(
        COMMENT_LOG_COLUMNS.map((c) =>
          c === 'Decided at' && decidedAt && !Number.isNaN(decidedAt.getTime())
            ? decidedAt
            : record[c],
        ),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A non-empty row of the uploaded sheet, numbered as the user sees it (the first row is 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** The most data rows one file may carry. */
export const MAX_IMPORT_ROWS = 50_000;

function checkRowCount(rows: SheetRow[]): SheetRow[] {
  if (rows.length > MAX_IMPORT_ROWS + 1) {
    throw badRequest(
      `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows; split it into smaller files`,
    );
  }
  return rows;
}

/** UTF-8 (with or without BOM); a file that is not UTF-8 is read as Windows-1252, as Excel saves it. */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** Excel in some locales saves CSV with semicolons (or tabs): use what the header row uses. */
function sniffDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const firstLine = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export function readCsv(buffer: Buffer): SheetRow[] {
  const text = decodeText(buffer);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    throw badRequest(`The CSV file could not be read: ${(err as Error).message}`);
  }
  return checkRowCount(
    records
      .map((cells, index) => ({ row: index + 1, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== '')),
  );
}

// An .xlsx file is a zip of XML; refuse one that would inflate to far more than any comment log
// (a "zip bomb") before handing it to exceljs, which inflates it in memory.
const MAX_UNZIPPED = 300 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

function checkZip(buffer: Buffer): void {
  const unreadable = () => badRequest('The file is not a readable .xlsx workbook');
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES)
    throw badRequest('The workbook has too many parts to be a comment log');
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50)
      throw unreadable();
    total += buffer.readUInt32LE(offset + 24);
    offset +=
      46 +
      buffer.readUInt16LE(offset + 28) +
      buffer.readUInt16LE(offset + 30) +
      buffer.readUInt16LE(offset + 32);
  }
  if (total > MAX_UNZIPPED) {
    throw badRequest('The workbook unpacks to more than 300 MB; it cannot be a comment log');
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** The worksheet named "Comment log", else the first one with any rows. */
export async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  checkZip(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs reads a Node Buffer; its own typings declare a Buffer of their own.
    await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw badRequest('The file is not a readable .xlsx workbook');
  }
  const sheet =
    workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === WORKSHEET.toLowerCase()) ??
    workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
      cellText(values[i + 1]),
    );
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return checkRowCount(rows);
}
