// Comment logs as files: writing CSV and XLSX exports, reading uploaded CSV and XLSX back into rows
// of text cells. What the columns mean is server/domain/commentLog/columns.ts.

import { Readable, type Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  COMMENT_LOG_COLUMNS,
  DATE_COLUMNS,
  NUMBER_COLUMNS,
  cellDateFromLogText,
  guardCell,
  guardTextCell,
  logTextFromCellDate,
  looksLikeNumber,
  type LogColumn,
  type LogRecord,
} from '../domain/commentLog/index.js';
import { AppError, badRequest, payloadTooLarge } from '../errors.js';
import { nextTurn } from './nextTurn.js';
import { ZipFormatError } from './zipReader.js';
import { verifyZip, ZipLimitError, type ZipLimits } from './zipVerify.js';

export type CommentLogFormat = 'csv' | 'xlsx';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CONTENT_TYPES: Record<CommentLogFormat, string> = {
  csv: `${CSV_TYPE}; charset=utf-8`,
  xlsx: XLSX_TYPE,
};

const WORKSHEET = 'Comment log';
const UTF8_BOM = '\uFEFF';
// csv-stringify quotes a field holding the record delimiter (CRLF), not a bare CR or LF.
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The export's rows arrive in batches: a file is written as they come, never held whole. */
export type RecordBatches = AsyncIterable<readonly LogRecord[]>;

/** The response went away mid-export. */
class ClosedError extends Error {}

/** Writes, then waits while the reader is behind (or gives up when it has gone). */
function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new ClosedError('the response was closed'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off('close', closed);
      resolve();
    };
    const closed = () => {
      out.off('drain', drained);
      reject(new ClosedError('the response was closed'));
    };
    out.once('drain', drained);
    out.once('close', closed);
  });
}

/**
 * A CSV cell as a spreadsheet will keep it. Text a spreadsheet would run as a formula or read as a
 * number (clause "2.10" saved back as 2.1) gets a leading apostrophe, which Excel and LibreOffice
 * keep as part of the text and write back unchanged; the import takes it off (cellGuard.ts). Dates
 * and revisions are meant to be read as what they are.
 */
function csvCell(column: LogColumn, value: string): string {
  return DATE_COLUMNS.includes(column) || NUMBER_COLUMNS.includes(column)
    ? guardCell(value)
    : guardTextCell(value);
}

/** UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF rows, RFC 4180 quoting. */
export async function writeCommentLogCsv(batches: RecordBatches, out: Writable): Promise<void> {
  await write(out, UTF8_BOM + stringify([[...COMMENT_LOG_COLUMNS]], CSV_OPTIONS));
  for await (const records of batches) {
    const rows = records.map((r) => COMMENT_LOG_COLUMNS.map((c) => csvCell(c, r[c])));
    await write(out, stringify(rows, CSV_OPTIONS));
  }
  out.end();
}

const WIDTHS: Record<(typeof COMMENT_LOG_COLUMNS)[number], number> = {
  ID: 14,
  Artefact: 30,
  Version: 12,
  Clause: 12,
  Quote: 40,
  Category: 16,
  Severity: 10,
  Comment: 60,
  'Proposed text': 40,
  Organisation: 28,
  'Raised by': 24,
  'Raised on': 18,
  Confidential: 13,
  Status: 18,
  'Code body response': 50,
  Change: 12,
  Action: 40,
  'Decided by': 24,
  'Decided at': 18,
  Revision: 10,
};

/** Reference columns typed as text ("@"), so that a ref typed into them in Excel stays text too. */
const TEXT_FORMAT_COLUMNS: readonly LogColumn[] = ['ID', 'Version', 'Clause', 'Change'];

const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
/** Points per line of 11 pt Calibri, and the padding a wrapped cell needs. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 2;
/** Rows taller than this are left for the reader to scroll; Excel's own limit is 409 points. */
const MAX_ROW_HEIGHT = 409;

/**
 * How many lines a wrapped cell takes: each paragraph's length over the characters a column of
 * this width holds. A width counts the font's digits; prose runs a little narrower, and the
 * estimate errs tall (LibreOffice's substitute fonts are wider than Calibri).
 */
function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return text
    .split(/\r\n|\r|\n/)
    .reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/**
 * The height of a row, estimated from its longest cell. A workbook's rows are shown as high as
 * the file says: Excel autofits a row without a height on opening, but LibreOffice and others keep
 * the default single line, so wrapped text would overprint the rows below.
 */
export function rowHeight(record: LogRecord): number {
  const lines = Math.max(
    1,
    ...COMMENT_LOG_COLUMNS.map((c) => (record[c] ? wrappedLines(record[c], WIDTHS[c]) : 1)),
  );
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING);
}

/**
 * One worksheet "Comment log": a bold, frozen header row with an autofilter over the whole log;
 * wrapped text in rows as high as their text; landscape pages fitted to the width, the header row
 * repeated on each. Cells are typed strings (never formulas), reference columns formatted as text,
 * the date columns real dates shown dd/mm/yyyy hh:mm, London time, and the revision a number.
 * exceljs's streaming writer zips each batch of rows into `out` as it comes.
 */
export async function writeCommentLogXlsx(batches: RecordBatches, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'MHHS M6 code artefact review';
  const sheet = workbook.addWorksheet(WORKSHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = COMMENT_LOG_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: WIDTHS[column],
    style: {
      font: FONT,
      alignment: { wrapText: true, vertical: 'top' },
      ...(DATE_COLUMNS.includes(column) ? { numFmt: 'dd/mm/yyyy hh:mm' } : {}),
      ...(TEXT_FORMAT_COLUMNS.includes(column) ? { numFmt: '@' } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { ...FONT, bold: true };
  header.commit();
  let lastRow = 1;
  for await (const records of batches) {
    if (out.destroyed) throw new ClosedError('the response was closed');
    for (const record of records) {
      const row = sheet.addRow(
        COMMENT_LOG_COLUMNS.map((c) => {
          if (DATE_COLUMNS.includes(c)) return cellDateFromLogText(record[c]) ?? record[c];
          if (NUMBER_COLUMNS.includes(c) && /^\d+$/.test(record[c])) return Number(record[c]);
          return record[c];
        }),
      );
      row.height = rowHeight(record);
      row.commit();
      lastRow = row.number;
    }
  }
  // The filter covers every row, and is named as Excel names it, which other spreadsheets need
  // to show it (the range is only known now; exceljs writes the workbook part last). exceljs's
  // streaming writer has no way to add a defined name, so its model is given the one name.
  const lastColumn = sheet.getColumn(COMMENT_LOG_COLUMNS.length).letter;
  sheet.autoFilter = `A1:${lastColumn}${lastRow}`;
  Object.defineProperty(workbook.definedNames, 'model', {
    value: [
      {
        name: '_xlnm._FilterDatabase',
        localSheetId: 0,
        ranges: [`'${WORKSHEET}'!$A$1:$${lastColumn}$${lastRow}`],
      },
    ],
  });
  sheet.commit();
  // The commit waits for the response to finish, which a client gone away never lets happen.
  await Promise.race([workbook.commit(), closedEarly(out)]);
}

function closedEarly(out: Writable): Promise<never> {
  return new Promise((_resolve, reject) => {
    out.once('close', () => {
      if (!out.writableFinished) reject(new ClosedError('the response was closed'));
    });
  });
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

/**
 * UTF-8 (with or without BOM); a file that is not UTF-8 is read as Windows-1252, as Excel saves
 * it. (Node's own 'windows-1252' decoder is Latin-1, which turns smart quotes, dashes and the euro
 * sign into invisible C1 control characters.)
 */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'windows-1252');
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

// A large file is parsed a slice at a time, letting other requests in between: 10 MB of CSV is
// about half a second of parsing.
const CSV_SLICE = 256 * 1024;

export async function readCsv(buffer: Buffer): Promise<SheetRow[]> {
  const text = decodeText(buffer);
  const parser = parseCsv({
    bom: true,
    delimiter: sniffDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: false,
  });
  const records: string[][] = [];
  parser.on('readable', () => {
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) records.push(record);
  });
  // A parse error ends the parser: remembered, and the file's reading stops there.
  let failure: Error | undefined;
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (err: Error) => {
      failure = err;
      resolve();
    });
  });
  for (let at = 0; at < text.length && !failure; at += CSV_SLICE) {
    parser.write(text.slice(at, at + CSV_SLICE));
    await nextTurn();
  }
  if (!failure) parser.end();
  await ended;
  if (failure) throw badRequest(`The CSV file could not be read: ${failure.message}`);
  return checkRowCount(
    records
      .map((cells, index) => ({ row: index + 1, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== '')),
  );
}

// An .xlsx file is a zip of XML: every part is checked against these before exceljs reads it
// (zipVerify.ts). A full comment log of 50,000 rows unpacks to about 50 MB.
const XLSX_LIMITS: ZipLimits = {
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxParts: 1_000,
};

// exceljs's streaming reader takes the parts in archive order and parks each worksheet in a
// temporary file until it has the workbook and its shared strings: those go first, and a workbook
// without shared strings (our own exports) is given an empty table, so nothing touches the disk.
const READ_FIRST = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];
const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const notXlsx = (reason?: string) =>
  badRequest(`The file is not a readable .xlsx workbook${reason ? `: ${reason}` : ''}`);

async function verifyWorkbook(buffer: Buffer): Promise<Buffer> {
  try {
    return await verifyZip(buffer, XLSX_LIMITS, {
      first: READ_FIRST,
      defaults: { 'xl/sharedStrings.xml': EMPTY_SHARED_STRINGS },
    });
  } catch (err) {
    if (err instanceof ZipLimitError)
      throw payloadTooLarge(`The workbook is too large: ${err.message}`);
    if (err instanceof ZipFormatError) throw notXlsx(err.message);
    throw err;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return logTextFromCellDate(value);
  // Text that looks like a number is marked as text, as the CSV export marks it, so that the
  // import can tell it from a number cell a spreadsheet may have rewritten (see bareNumberColumns).
  if (typeof value === 'string') return looksLikeNumber(value) ? `'${value}` : value;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The worksheet named "Comment log", else the first one with any rows, read row by row: a
 * workbook's rows are never all in memory as exceljs objects at once.
 */
export async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const archive = await verifyWorkbook(buffer);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([archive]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let named: SheetRow[] | undefined;
  let first: SheetRow[] | undefined;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as { name?: string }).name ?? '';
      const isNamed = name.trim().toLowerCase() === WORKSHEET.toLowerCase();
      // Other sheets are skipped unread (the reader drains them).
      if (named || (!isNamed && first)) continue;
      const rows: SheetRow[] = [];
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        // row.values is 1-based: index 0 is always empty.
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
          cellText(values[i + 1]),
        );
        if (cells.some((c) => c.trim() !== '')) rows.push({ row: row.number, cells });
        checkRowCount(rows);
      }
      if (isNamed) named = rows;
      else if (rows.length) first = rows;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  }
  return named ?? first ?? [];
}
