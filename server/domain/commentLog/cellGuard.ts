// The formula-injection guard on exported cells, and its undoing on import.

/**
 * What a spreadsheet may read as the start of a formula: = + - @ (or their full-width forms, which
 * some spreadsheets normalise), after any leading spaces; or a leading tab, carriage return or
 * line feed, which some spreadsheets strip before looking.
 */
const FORMULA_TRIGGER = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * CSV/formula injection guard: a cell a spreadsheet could read as a formula gets a leading
 * apostrophe, so it is shown as text.
 */
export function guardCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** Undoes guardCell on import, so an exported log imports with its text unchanged. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}
