// The formula-injection guard on exported cells, and its undoing on import.

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * CSV/formula injection guard: a cell a spreadsheet would read as a formula (or that starts with a
 * tab or carriage return) gets a leading apostrophe, so it is shown as text.
 */
export function guardCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** Undoes guardCell on import, so an exported log imports with its text unchanged. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}
