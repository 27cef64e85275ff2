import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TestApp } from '../support/test-app.js';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

export interface Rejection {
  rowNumber: number;
  column: string | null;
  reason: string;
  raw: string;
}

export interface ExpectedRejection {
  row: number;
  column: string | null;
  reason: RegExp;
}

/** The fixture exactly as stored (a BOM stays a U+FEFF, CRLF stays CRLF). */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Every fixture names its synthetic patients PT followed by four digits. */
export function patientIdsIn(csv: string): string[] {
  return [...new Set(csv.match(/\bPT\d{4}\b/g) ?? [])];
}

export async function rejectionsOf(t: TestApp, importId: number): Promise<Rejection[]> {
  return (await t.getJson<{ rows: Rejection[] }>(`/api/v1/imports/${importId}/rejections`)).rows;
}

/** The `?format=csv` download, parsed back into rows. */
export async function rejectionsCsvOf(t: TestApp, importId: number): Promise<string[][]> {
  const response = await t.get(`/api/v1/imports/${importId}/rejections?format=csv`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  return parse(await response.text(), { relax_column_count: false }) as string[][];
}

export function expectRejections(actual: Rejection[], expected: ExpectedRejection[]): void {
  expect(actual.map((r) => ({ row: r.rowNumber, column: r.column }))).toEqual(expected.map((e) => ({ row: e.row, column: e.column })));
  expected.forEach((e, i) => expect(actual[i]!.reason).toMatch(e.reason));
}

/**
 * The privacy rule of DESIGN §3.1/§7 and the CSV download, checked on every fixture: no
 * rejection shows one of the fixture's patient ids, and the CSV file says the same as JSON.
 */
export async function expectPrivateAndDownloadable(t: TestApp, importId: number, csv: string, rejections: Rejection[]): Promise<void> {
  const ids = patientIdsIn(csv);
  expect(ids.length).toBeGreaterThan(0);
  for (const row of rejections) {
    for (const id of ids) {
      expect(row.raw).not.toContain(id);
      expect(row.reason).not.toContain(id);
    }
  }
  const [header, ...rows] = await rejectionsCsvOf(t, importId);
  expect(header).toEqual(['row_number', 'column', 'reason', 'raw']);
  expect(rows).toEqual(rejections.map((r) => [String(r.rowNumber), r.column ?? '', r.reason, r.raw]));
}

export interface Loaded {
  lines: number;
  units: number;
  chargeCents: number;
  allowedCents: number;
  paidCents: number;
}

/** What the import itself put into the fact table (SQL on procedure_line). */
export async function loadedBy(t: TestApp, importId: number): Promise<Loaded> {
  const [row] = await t.db.query<Record<string, string>>(
    `SELECT count(*) AS lines, coalesce(sum(units), 0) AS units, coalesce(sum(charge_cents), 0) AS charge,
       coalesce(sum(allowed_cents), 0) AS allowed, coalesce(sum(paid_cents), 0) AS paid
     FROM procedure_line WHERE import_id = $1`,
    [importId],
  );
  return {
    lines: Number(row!['lines']),
    units: Number(row!['units']),
    chargeCents: Number(row!['charge']),
    allowedCents: Number(row!['allowed']),
    paidCents: Number(row!['paid']),
  };
}

export type Totals = Record<string, number | null>;

/** The aggregate API's totals over an inclusive date range. */
export async function totals(t: TestApp, from: string, to: string, measures = 'lines,charges'): Promise<Totals> {
  const body = await t.getJson<{ totals: Totals }>(`/api/v1/aggregate?measures=${measures}&from=${from}&to=${to}`);
  return body.totals;
}

/** Lines of the encounters whose external id starts with `prefix`, for spot checks of stored values. */
export async function linesOf(t: TestApp, prefix: string): Promise<Array<Record<string, unknown>>> {
  return t.db.query(
    `SELECT e.external_id AS encounter, f.line_number, to_char(f.service_date, 'YYYY-MM-DD') AS date, c.code, f.modifiers,
       f.units, f.charge_cents::float8 AS charge, f.claim_status, f.payer_category, f.minutes, f.provider_npi::text AS npi, py.name AS payer, d.code AS department
     FROM procedure_line f
     JOIN encounter e ON e.id = f.encounter_key
     JOIN procedure_code c ON c.id = f.code_id
     JOIN department d ON d.id = f.department_id
     LEFT JOIN payer py ON py.id = f.payer_id
     WHERE e.external_id LIKE $1 || '%'
     ORDER BY e.external_id, f.line_number`,
    [prefix],
  );
}
