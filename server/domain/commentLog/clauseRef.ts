// Import: a Clause cell read against the clause refs it may mean, allowing for what a spreadsheet
// does to a ref that looks like a number.

/** What a spreadsheet saves a ref as when it reads it as a number: "2.10" as 2.1, "02.0" as 2. */
function asSpreadsheetNumber(ref: string): string {
  return /^\d+(?:\.\d+)?$/.test(ref) ? String(Number(ref)) : ref;
}

/**
 * The refs a Clause cell may stand for. A cell the file typed as text (an XLSX string cell, or a
 * CSV cell behind the export's apostrophe) means exactly what it says. A bare number may be what a
 * spreadsheet made of a longer ref: "2.1" can be 2.1, 2.10 or 2.100.
 */
export function clauseRefsMeant(
  cell: string,
  bareNumber: boolean,
  refs: Iterable<string>,
): string[] {
  if (!bareNumber) return [...refs].filter((ref) => ref === cell);
  return [...refs].filter((ref) => ref === cell || asSpreadsheetNumber(ref) === cell);
}

/**
 * Null when the cell names the clause `ref` of the comment a row's ID names, else why not: it
 * names another clause, or is the number a spreadsheet makes of `ref`.
 */
export function clauseMismatch(cell: string, bareNumber: boolean, ref: string): string | null {
  if (cell === ref) return null;
  if (bareNumber && asSpreadsheetNumber(ref) === cell) {
    return `"${cell}" is the number a spreadsheet makes of clause ${ref}; write the clause as text ('${ref} in a CSV file, or a text cell in a workbook)`;
  }
  return `the comment is on clause ${ref}, not "${cell}"; a comment cannot move to another clause`;
}

/** Why a bare-number Clause cell cannot be trusted to name one clause, or null when it can. */
export function ambiguousClause(
  cell: string,
  bareNumber: boolean,
  refs: Iterable<string>,
): string | null {
  const meant = clauseRefsMeant(cell, bareNumber, refs);
  if (!bareNumber || (meant.length === 1 && meant[0] === cell)) return null;
  if (meant.length > 1) {
    return `"${cell}" may be clause ${meant.join(' or ')}: a spreadsheet saves 2.10 as the number 2.1. Write the clause as text ('${cell} in a CSV file, or a text cell in a workbook)`;
  }
  const [only] = meant;
  if (only) {
    return `clause "${cell}" does not exist, but ${only} does and a spreadsheet saves ${only} as the number ${cell}. Write the clause as text ('${only} in a CSV file, or a text cell in a workbook)`;
  }
  return null;
}
