import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type CsvItem =
  | { kind: 'record'; rowNumber: number; fields: string[] }
  | { kind: 'malformed'; rowNumber: number; reason: string };

/**
 * Streams CSV records with their row numbers as a spreadsheet shows them: the header is row 1
 * and a blank line still takes a row number. A stray quote inside a field is kept as text (the
 * field's own rules then judge it); a quote that is never closed swallows the rest of the file,
 * which is reported once, at the row where it starts, instead of failing the whole import.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvItem> {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    skip_empty_lines: false,
  });
  const skipped: CsvItem[] = [];
  parser.on('skip', (error: Error & { records?: number }) => {
    skipped.push({
      kind: 'malformed',
      rowNumber: (error.records ?? 0) + 1,
      reason: 'a quoted field that starts on this row is never closed, so this row and everything after it could not be read; close the quote and import the rest again',
    });
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
    yield { kind: 'record', rowNumber: item.info.records, fields: item.record };
  }
  yield* skipped;
}

export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.length === 0 || (fields.length === 1 && fields[0]!.trim() === '');
}

/** RFC 4180 text of a record, for showing a rejected row back to the person who sent it. */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
