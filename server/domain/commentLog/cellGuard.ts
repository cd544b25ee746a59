// The guards on exported CSV cells, and their undoing on import. Both are a leading apostrophe,
// which a spreadsheet opening the CSV shows in the cell: CSV has no way to type a cell as text,
// and the apostrophe is the one mark that Excel and LibreOffice both keep as text on opening and
// write back unchanged on saving, so the importer can take it off again. (Workbooks need no
// guard: their cells are typed strings.)

/**
 * What a spreadsheet may read as the start of a formula: = + - @ (or their full-width forms, which
 * some spreadsheets normalise), after any leading spaces; or a leading tab, carriage return or
 * line feed, which some spreadsheets strip before looking.
 */
const FORMULA_TRIGGER = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * What a spreadsheet may read as a number, and then rewrite when the file is saved: digits with
 * the separators of decimals, thousands, dates, times and percentages ("2.10" is saved as 2.1,
 * "1.0" as 1), or a number in scientific notation.
 */
const NUMBER_LIKE = /^(?:[\d\s.,:/%]*\d[\d\s.,:/%]*|\d+(?:\.\d+)?e[+-]?\d+)$/i;

/** True when a spreadsheet opening the cell could read it as a number (and so rewrite it). */
export const looksLikeNumber = (value: string): boolean => NUMBER_LIKE.test(value.trim());

/**
 * CSV/formula injection guard: a cell a spreadsheet could run as a formula gets a leading
 * apostrophe, so it is shown as text and never evaluated (LibreOffice evaluates `=1+1` on opening
 * a CSV and saves 2). The cost is the apostrophe showing in the cell.
 */
export function guardCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/**
 * guardCell, and a cell a spreadsheet could read as a number gets the apostrophe too, so that
 * clause "2.10" or version "1.10" is kept as written and not saved back as 2.1 or 1.1.
 */
export function guardTextCell(value: string): string {
  return looksLikeNumber(value) ? `'${value}` : guardCell(value);
}

/** Undoes guardTextCell on import, so an exported log imports with its text unchanged. */
export function unguardCell(value: string): string {
  if (!value.startsWith("'")) return value;
  const rest = value.slice(1);
  return FORMULA_TRIGGER.test(rest) || looksLikeNumber(rest) ? rest : value;
}
