import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import Papa from 'papaparse';

export type CsvItem =
  | { kind: 'record'; rowNumber: number; fields: string[] }
  | { kind: 'malformed'; rowNumber: number; reason: string };

/** Which reader: the fast one, or the one that recovers from stray quotes (slower). */
export type CsvReaderKind = 'fast' | 'tolerant';

/** The fast reader met a quote it cannot place; the file must be read by the tolerant one. */
export class CsvQuoteError extends Error {
  constructor(readonly rowNumber: number) {
    super(`stray quote on row ${rowNumber}`);
  }
}

const UNCLOSED_QUOTE =
  'a quoted field that starts on this row is never closed, so this row and everything after it could not be read; close the quote and import the rest again';

/**
 * Streams CSV records with their row numbers as a spreadsheet shows them: the header is row 1
 * and a blank line still takes a row number. The fast reader (Papa Parse, about three times
 * the speed of csv-parse here) handles every well-formed RFC 4180 file; where it meets a
 * malformed quote it throws CsvQuoteError and the caller reads the file again with the
 * tolerant reader (csv-parse), which keeps a stray quote as text and reports a never-closed
 * quote once, at its row.
 */
export function readCsvRecords(input: Readable, kind: CsvReaderKind = 'tolerant'): AsyncGenerator<CsvItem> {
  return kind === 'fast' ? readFast(input) : readTolerant(input);
}

async function* readFast(input: Readable): AsyncGenerator<CsvItem> {
  let pending: CsvItem[] = [];
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  let paused = false;
  let row = 0;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  Papa.parse<string[]>(input as unknown as File, {
    delimiter: ',',
    skipEmptyLines: false,
    step(results, handle) {
      parser = handle;
      row++;
      if (results.errors.some((error) => error.type === 'Quotes')) {
        failure = new CsvQuoteError(row);
        handle.abort();
        return;
      }
      const fields = results.data;
      if (row === 1 && fields.length > 0 && fields[0]!.charCodeAt(0) === 0xfeff) fields[0] = fields[0]!.slice(1);
      pending.push({ kind: 'record', rowNumber: row, fields });
      if (pending.length >= 2048 && !paused) {
        paused = true;
        handle.pause();
      }
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error: Error) {
      failure = error;
      finished = true;
      notify();
    },
  });
  input.on('error', (error) => {
    failure = error;
    finished = true;
    notify();
  });
  for (;;) {
    if (pending.length > 0) {
      const batch = pending;
      pending = [];
      if (paused) {
        paused = false;
        (parser as Papa.Parser | null)?.resume();
      }
      yield* batch;
      continue;
    }
    if (failure !== null) throw failure;
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

async function* readTolerant(input: Readable): AsyncGenerator<CsvItem> {
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
    skipped.push({ kind: 'malformed', rowNumber: (error.records ?? 0) + 1, reason: UNCLOSED_QUOTE });
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
