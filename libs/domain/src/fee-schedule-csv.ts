// A small RFC 4180 reader for CMS's reference files. They are a few megabytes at most, so
// they are read whole; the procedure-line import streams its files and uses its own reader.

export interface CsvRecords {
  rows: string[][];
  /** The record that was still inside quotes when the text ended (1-based), else null. */
  unclosedQuoteRow: number | null;
}

/** Splits text into records of fields: quotes, doubled quotes, CRLF, LF or CR line ends. */
export function readCsvRecords(text: string): CsvRecords {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  const unclosedQuoteRow = quoted ? rows.length + 1 : null;
  // A last line without a line end is still a record; a final line end adds none.
  if (field !== '' || row.length > 0 || quoted) {
    row.push(field);
    rows.push(row);
  }
  return { rows, unclosedQuoteRow };
}

/** Strips a byte-order mark, read as UTF-8 (U+FEFF) or as Latin-1 ("ï»¿"). */
export function stripByteOrderMark(text: string): string {
  if (text.startsWith('\uFEFF')) return text.slice(1);
  if (text.startsWith('\u00EF\u00BB\u00BF')) return text.slice(3);
  return text;
}

/** The spreadsheet name of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}
