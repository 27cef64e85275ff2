/**
 * Reads department codes typed as a list: separated by commas or new lines, trimmed, each
 * kept once in the order typed. Codes keep their case, as the data spells them. An empty
 * list means every department.
 */
export function parseDepartments(input: string): string[] {
  const codes: string[] = [];
  for (const part of input.split(/[,\n]/)) {
    const code = part.trim();
    if (code !== '' && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The input text for a list of codes, so an edit starts from what is stored. */
export function departmentsInputValue(departments: readonly string[]): string {
  return departments.join(', ');
}

/** How a user's scope reads in the table: the codes, or "All departments" for none. */
export function formatDepartments(departments: readonly string[]): string {
  return departments.length === 0 ? 'All departments' : departments.join(', ');
}
