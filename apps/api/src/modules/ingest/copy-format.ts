/**
 * PostgreSQL COPY text format: tab-separated, `\N` for null, backslash escapes. A NUL, which no
 * PostgreSQL text can hold, becomes U+FFFD (only raw text of rejected rows can carry one).
 */
export function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r\0]/.test(value) ? value.replace(/[\\\t\n\r\0]/g, escapeChar) : value;
}

function escapeChar(char: string): string {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\0':
      return '\uFFFD';
    default:
      return '\\r';
  }
}

export function copyRow(values: ReadonlyArray<string | number | null>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += copyValue(values[i]!);
  }
  return `${line}\n`;
}
