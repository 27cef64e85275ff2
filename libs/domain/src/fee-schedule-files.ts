// Readers for CMS's fee-schedule files: the RVU file (PPRRVU, column names stacked over
// several banner rows) and the GPCI file (title lines above, footnotes below). Each reads
// the whole file or throws a FeeScheduleFileError that names the row and the column; the
// descriptor column is never read, so no descriptor text is kept.

import { columnLetter, readCsvRecords, stripByteOrderMark } from './fee-schedule-csv.js';
import type { GpciRow, RvuRow } from './fee-schedule.js';
import { got } from './reasons.js';

export class FeeScheduleFileError extends Error {
  constructor(
    message: string,
    /** 1-based row of the file (banner rows count), or null for the file as a whole. */
    readonly row: number | null = null,
    /** The column's name and letter, e.g. `WORK RVU (F)`. */
    readonly column: string | null = null,
  ) {
    super(message);
  }
}

export interface RvuFile {
  rows: RvuRow[];
  conversionFactor: number;
}

interface ColumnSpec<K extends string> {
  key: K;
  /** Normalised header names that mean this column. */
  names: readonly string[];
}

const RVU_COLUMNS = [
  { key: 'code', names: ['HCPCS'] },
  { key: 'modifier', names: ['MOD', 'MODIFIER'] },
  { key: 'status', names: ['STATUS CODE', 'STATUS'] },
  { key: 'work', names: ['WORK RVU'] },
  { key: 'peNonFacility', names: ['NON-FAC PE RVU', 'NON-FACILITY PE RVU'] },
  { key: 'nonFacilityNa', names: ['NON-FAC NA INDICATOR', 'NON-FACILITY NA INDICATOR'] },
  { key: 'peFacility', names: ['FACILITY PE RVU'] },
  { key: 'facilityNa', names: ['FACILITY NA INDICATOR'] },
  { key: 'mp', names: ['MP RVU'] },
  { key: 'pctcIndicator', names: ['PCTC IND', 'PCTC INDICATOR'] },
  { key: 'globalDays', names: ['GLOB DAYS', 'GLOBAL DAYS'] },
  { key: 'conversionFactor', names: ['CONV FACTOR', 'CONVERSION FACTOR'] },
] as const satisfies readonly ColumnSpec<string>[];

type RvuColumn = (typeof RVU_COLUMNS)[number]['key'];

const GPCI_COLUMNS = [
  { key: 'carrier', names: ['MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)', 'MEDICARE ADMINISTRATIVE CONTRACTOR', 'MAC', 'CONTRACTOR', 'CARRIER'] },
  { key: 'state', names: ['STATE'] },
  { key: 'locality', names: ['LOCALITY NUMBER', 'LOCALITY'] },
  { key: 'name', names: ['LOCALITY NAME'] },
  { key: 'work', names: ['PW GPCI', 'PW GPCI (WITH 1.0 FLOOR)', 'WORK GPCI'] },
  { key: 'pe', names: ['PE GPCI'] },
  { key: 'mp', names: ['MP GPCI'] },
] as const satisfies readonly ColumnSpec<string>[];

type GpciColumn = (typeof GPCI_COLUMNS)[number]['key'];

const CODE = /^[0-9A-Z]{5}$/;
/** RVUs below 10,000; the largest CMS value is a few hundred. */
const RVU_DIGITS = 4;
const MAX_LOCALITY_NAME = 100;
const MODIFIER = /^[0-9A-Z]{2}$/;

/** CMS's RVU file (or the project's compact copy of it) for `year`. */
export function parseRvuFile(text: string, year: number): RvuFile {
  const rows = recordsOf(text);
  const headerIndex = rows.findIndex((row) => row.some((cell) => normalise(cell) === 'HCPCS'));
  if (headerIndex < 0) {
    throw new FeeScheduleFileError('This is not an RVU file: no header row has the column HCPCS (the code). Send CMS\'s PPRRVU file as CSV.');
  }
  checkBannerYear(rows.slice(0, headerIndex), year);
  const columns = locateColumns(RVU_COLUMNS, stackedHeader(rows, headerIndex), headerIndex + 1);
  const reader = new RowReader<RvuColumn>(columns);
  const seen = new Map<string, number>();
  const result: RvuRow[] = [];
  let conversionFactor: { value: number; row: number } | null = null;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (isBlank(cells)) continue;
    const rowNumber = i + 1;
    reader.start(cells, rowNumber);
    const code = reader.text('code').toUpperCase();
    if (!CODE.test(code)) reader.fail('code', `must be a HCPCS or CPT code of 5 letters or digits ${got(code)}`);
    const modifier = reader.text('modifier').toUpperCase();
    if (modifier !== '' && !MODIFIER.test(modifier)) reader.fail('modifier', `must be empty or a two-character modifier such as 26 or TC ${got(modifier)}`);
    const key = `${code}|${modifier}`;
    const first = seen.get(key);
    if (first !== undefined) {
      reader.fail('code', `repeats ${modifier === '' ? code : `${code} with modifier ${modifier}`}, first given on row ${first}; each code and modifier may appear once`);
    }
    seen.set(key, rowNumber);
    const status = reader.text('status').toUpperCase();
    if (!/^[A-Z]$/.test(status)) reader.fail('status', `must be a one-letter CMS status code such as A, R or T ${got(status)}`);
    const cf = reader.decimal('conversionFactor', 3, 4);
    if (conversionFactor === null) conversionFactor = { value: cf, row: rowNumber };
    else if (cf !== conversionFactor.value) {
      reader.fail('conversionFactor', `must be the same on every row: ${cf} here, ${conversionFactor.value} on row ${conversionFactor.row}`);
    }
    const globalDays = reader.text('globalDays').toUpperCase();
    if (!/^[0-9A-Z]{3}$/.test(globalDays)) reader.fail('globalDays', `must be three digits or letters such as 000, 090 or XXX ${got(globalDays)}`);
    const pctcIndicator = reader.text('pctcIndicator');
    if (!/^\d$/.test(pctcIndicator)) reader.fail('pctcIndicator', `must be one digit from 0 to 9 ${got(pctcIndicator)}`);
    result.push({
      year,
      code,
      modifier,
      status,
      work: reader.decimal('work', RVU_DIGITS, 2),
      peNonFacility: reader.decimal('peNonFacility', RVU_DIGITS, 2),
      peFacility: reader.decimal('peFacility', RVU_DIGITS, 2),
      mp: reader.decimal('mp', RVU_DIGITS, 2),
      globalDays,
      pctcIndicator,
      nonFacilityNa: reader.notApplicable('nonFacilityNa'),
      facilityNa: reader.notApplicable('facilityNa'),
    });
  }
  if (conversionFactor === null) throw new FeeScheduleFileError('The RVU file has a header but no rows of codes; the file may be cut off.');
  if (conversionFactor.value <= 0) {
    throw new FeeScheduleFileError(`must be more than 0 (got ${conversionFactor.value})`, conversionFactor.row, columns.label('conversionFactor'));
  }
  return { rows: result, conversionFactor: conversionFactor.value };
}

/** CMS's GPCI file for `year`: title lines and footnotes are read past. */
export function parseGpciFile(text: string, year: number): GpciRow[] {
  const rows = recordsOf(text);
  const headerIndex = rows.findIndex((row) => row.some((cell) => /^LOCALITY NUMBER$|^LOCALITY$/.test(normalise(cell))));
  if (headerIndex < 0) {
    throw new FeeScheduleFileError('This is not a GPCI file: no header row has a "Locality Number" column. Send CMS\'s GPCI file as CSV.');
  }
  const header = rows[headerIndex]!;
  for (const cell of header) {
    const named = /^(\d{4}) /.exec(normalise(cell));
    if (named && Number(named[1]) !== year) {
      throw new FeeScheduleFileError(`The file's column "${cell.trim()}" is for ${named[1]}, not ${year}: load it as ${named[1]} or send the ${year} file.`, headerIndex + 1);
    }
  }
  // "2025 PW GPCI (with 1.0 Floor)" and "PW GPCI" name the same column.
  const names = header.map((cell) => normalise(cell).replace(/^\d{4} /, ''));
  const columns = locateColumns(GPCI_COLUMNS, names, headerIndex + 1, header.map((cell) => cell.trim()));
  const reader = new RowReader<GpciColumn>(columns);
  const seen = new Map<string, number>();
  const result: GpciRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (isBlank(cells) || isNote(cells)) continue;
    const rowNumber = i + 1;
    reader.start(cells, rowNumber);
    // A spreadsheet may have dropped leading zeros ("1112", "5"); the numbers are the same.
    const carrier = reader.text('carrier');
    if (!/^\d{4,5}$/.test(carrier)) reader.fail('carrier', `must be the contractor's 5-digit number, such as 01112 ${got(carrier)}`);
    const locality = reader.text('locality');
    if (!/^\d{1,2}$/.test(locality)) reader.fail('locality', `must be a locality number of 2 digits, such as 05 ${got(locality)}`);
    const key = `${carrier.padStart(5, '0')}-${locality.padStart(2, '0')}`;
    const first = seen.get(key);
    if (first !== undefined) reader.fail('locality', `repeats locality ${key}, first given on row ${first}; each contractor and locality may appear once`);
    seen.set(key, rowNumber);
    const state = reader.text('state').toUpperCase();
    if (!/^[A-Z]{2}$/.test(state)) reader.fail('state', `must be a two-letter state code such as CA ${got(state)}`);
    // CMS marks localities with floors by asterisks that point to footnotes.
    const name = reader.text('name').replace(/\*+$/, '').trim();
    if (name === '' || name.length > MAX_LOCALITY_NAME) reader.fail('name', `must be a name of 1 to ${MAX_LOCALITY_NAME} characters ${got(name)}`);
    result.push({
      year,
      carrier: carrier.padStart(5, '0'),
      locality: locality.padStart(2, '0'),
      state,
      name,
      work: reader.positiveDecimal('work', 1, 3),
      pe: reader.positiveDecimal('pe', 1, 3),
      mp: reader.positiveDecimal('mp', 1, 3),
    });
  }
  if (result.length === 0) throw new FeeScheduleFileError('The GPCI file has a header but no locality rows; the file may be cut off.');
  return result;
}

function recordsOf(text: string): string[][] {
  const clean = stripByteOrderMark(text);
  if (clean.trim() === '') throw new FeeScheduleFileError('The file is empty.');
  const { rows, unclosedQuoteRow } = readCsvRecords(clean);
  if (unclosedQuoteRow !== null) {
    throw new FeeScheduleFileError(`Row ${unclosedQuoteRow} opens a quoted field that never closes; the file may be cut off.`, unclosedQuoteRow);
  }
  return rows;
}

function normalise(cell: string): string {
  return cell.trim().replace(/\s+/g, ' ').toUpperCase();
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** A footnote: text in the first cell only, and not a number (a data row cut short is one). */
function isNote(cells: readonly string[]): boolean {
  return cells.slice(1).every((cell) => cell.trim() === '') && !/^\d+$/.test(cells[0]!.trim());
}

/**
 * The RVU file's column names are stacked over several rows ("WORK" above "RVU"): the header
 * row and the rows just above it that name two or more columns (a title names one).
 */
function stackedHeader(rows: readonly string[][], headerIndex: number): string[] {
  let top = headerIndex;
  while (top > 0 && rows[top - 1]!.filter((cell) => cell.trim() !== '').length >= 2) top--;
  const width = rows[headerIndex]!.length;
  return Array.from({ length: width }, (_, column) =>
    normalise(
      rows
        .slice(top, headerIndex + 1)
        .map((row) => row[column] ?? '')
        .join(' '),
    ),
  );
}

/** "2025 National Physician Fee Schedule Relative Value File": refuse another year's file. */
function checkBannerYear(banner: readonly string[][], year: number): void {
  for (let i = 0; i < banner.length; i++) {
    for (const cell of banner[i]!) {
      const named = /\b(\d{4}) NATIONAL PHYSICIAN FEE SCHEDULE\b/.exec(normalise(cell));
      if (named && Number(named[1]) !== year) {
        throw new FeeScheduleFileError(`The file is CMS's ${named[1]} RVU file, not ${year}'s: load it as ${named[1]} or send the ${year} file.`, i + 1);
      }
    }
  }
}

interface Columns<K extends string> {
  index: Readonly<Record<K, number>>;
  label(key: K): string;
  /** The number of cells a complete row has at least. */
  width: number;
}

function locateColumns<K extends string>(
  specs: readonly ColumnSpec<K>[],
  names: readonly string[],
  headerRow: number,
  /** The header as the file writes it, for messages. */
  display: readonly string[] = names,
): Columns<K> {
  const index = {} as Record<K, number>;
  const missing: string[] = [];
  for (const spec of specs) {
    const found = names.findIndex((name) => spec.names.includes(name));
    if (found < 0) missing.push(`"${spec.names[0]}"`);
    else index[spec.key] = found;
  }
  if (missing.length > 0) {
    throw new FeeScheduleFileError(
      `The header on row ${headerRow} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; is this the right file?`,
      headerRow,
      missing.join(', '),
    );
  }
  return {
    index,
    label: (key) => `${display[index[key]]} (${columnLetter(index[key])})`,
    width: Math.max(...Object.values<number>(index)) + 1,
  };
}

/** Reads the cells of one row, throwing errors that name the row and the column. */
class RowReader<K extends string> {
  private cells: readonly string[] = [];
  private row = 0;

  constructor(private readonly columns: Columns<K>) {}

  start(cells: readonly string[], row: number): void {
    this.cells = cells;
    this.row = row;
    if (cells.length < this.columns.width) {
      throw new FeeScheduleFileError(
        `Row ${row} has ${cells.length} column${cells.length === 1 ? '' : 's'} where the header has at least ${this.columns.width}; the file may be cut off or the row broken.`,
        row,
        null,
      );
    }
  }

  text(key: K): string {
    return (this.cells[this.columns.index[key]] ?? '').trim();
  }

  fail(key: K, reason: string): never {
    const column = this.columns.label(key);
    throw new FeeScheduleFileError(`Row ${this.row}, column ${column}: ${reason}.`, this.row, column);
  }

  /** A number from 0 to below 10^digits with at most `places` decimals (CMS's precision). */
  decimal(key: K, digits: number, places: number): number {
    const value = this.text(key);
    if (!new RegExp(`^\\d{1,${digits}}(?:\\.\\d{1,${places}})?$`).test(value) && !new RegExp(`^\\.\\d{1,${places}}$`).test(value)) {
      const limit = (10 ** digits).toLocaleString('en-US');
      this.fail(key, `must be a number from 0 to below ${limit} with at most ${places} decimal places ${got(value)}`);
    }
    return Number(value);
  }

  positiveDecimal(key: K, digits: number, places: number): number {
    const value = this.decimal(key, digits, places);
    if (value <= 0) this.fail(key, `must be more than 0 ${got(this.text(key))}`);
    return value;
  }

  /** CMS writes "NA" where a setting does not apply, and nothing otherwise. */
  notApplicable(key: K): boolean {
    const value = this.text(key).toUpperCase();
    if (value !== '' && value !== 'NA') this.fail(key, `must be NA or empty ${got(value)}`);
    return value === 'NA';
  }
}
