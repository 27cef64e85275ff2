/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
 * return, shift it into one): OWASP's list for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet would evaluate gets a leading apostrophe, which the spreadsheet
 * shows as text and hides; any other cell is returned as it is. Every CSV the API hands out
 * passes user-supplied text through here before quoting it.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
