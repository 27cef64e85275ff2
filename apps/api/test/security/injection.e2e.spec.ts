import type { AggregateResponse, ApiErrorResponse, RejectionsResponse } from '@caseload/contracts';
import { ParseIdPipe, rejectUnknownParameters } from '../../src/common/query-parameters';
import { startTestApp, type ImportStatus, type TestApp } from '../support/test-app';

// Hostile values, all synthetic. Each is sent as given (URL-encoded on the wire).
const HOSTILE: Array<[string, string]> = [
  ['a SQL statement after a quote', "'; DROP TABLE procedure_line;--"],
  ['a tautology', '1 OR 1=1'],
  ['a LIKE wildcard', '%'],
  ['a backslash', '\\'],
  ['the COPY null marker', '\\N'],
  ['a tab (the COPY delimiter)', 'A\tB'],
  ['a line break', 'A\nB'],
  ['unicode', 'Zürich–東京 😀'],
  ['a NUL byte', 'A\u0000B'],
  ['a double quote', 'A"B'],
];
const OVERSIZED = 'A'.repeat(10_000);
/** Long enough to break every per-parameter limit, short enough to pass the 8 KB URL limit. */
const LONG = 'A'.repeat(5_000);

const AGGREGATE_PARAMETERS = [
  'measures',
  'groupBy',
  'grain',
  'from',
  'to',
  'department',
  'code',
  'section',
  'payer_category',
  'place_of_service',
  'compare',
  'orderBy',
  'limit',
  'no_such_parameter',
];
const RANGE = 'from=2024-01-01&to=2024-12-31';

const HEADER = [
  'encounter_id',
  'line_number',
  'patient_id',
  'service_date',
  'department',
  'code',
  'modifiers',
  'units',
  'place_of_service',
  'payer',
  'payer_category',
  'provider_npi',
  'charge_amount',
  'allowed_amount',
  'paid_amount',
  'claim_status',
  'denial_reason',
  'minutes',
] as const;
type CsvColumn = (typeof HEADER)[number];

/** Text columns whose value is kept as given; every other column takes a number, a date, a code or a choice. */
const FREE_TEXT: readonly CsvColumn[] = ['encounter_id', 'patient_id', 'department', 'payer'];

const BASELINE_LINES = 4;

function validRow(encounterId: string, patientId: string): Record<CsvColumn, string> {
  return {
    encounter_id: encounterId,
    line_number: '1',
    patient_id: patientId,
    service_date: '2024-03-15',
    department: 'CARD',
    code: '99213',
    modifiers: '25',
    units: '1',
    place_of_service: '11',
    payer: 'Synthetic Health Plan',
    payer_category: 'commercial',
    provider_npi: '1234567893',
    charge_amount: '120.00',
    allowed_amount: '90.00',
    paid_amount: '80.00',
    claim_status: 'paid',
    denial_reason: '',
    minutes: '15',
  };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toCsv(rows: Array<Record<CsvColumn, string>>): string {
  return [HEADER.join(','), ...rows.map((row) => HEADER.map((column) => csvField(row[column])).join(','))].join('\r\n') + '\r\n';
}

async function answer(t: TestApp, path: string): Promise<{ status: number; body: unknown; text: string }> {
  const response = await t.get(path);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}

function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/syntax error|relation "|QueryFailedError|\bat \S+ \(|node_modules/);
}

describe('injection through query parameters and CSV fields', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const baseline = await t.importCsv(
      toCsv([validRow('BASE-1', 'SYN-P1'), validRow('BASE-2', 'SYN-P2'), { ...validRow('BASE-3', 'SYN-P3'), department: 'RAD', code: '70450' }, { ...validRow('BASE-4', 'SYN-P1'), line_number: '1' }]),
      'baseline.csv',
    );
    if (baseline.rowsLoaded !== BASELINE_LINES) throw new Error(`the baseline did not load: ${JSON.stringify(baseline)}`);
  });
  afterAll(() => t.close());

  async function factLines(): Promise<number> {
    const [row] = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM procedure_line');
    return Number(row!.n);
  }

  describe('GET /api/v1/aggregate', () => {
    const cases = AGGREGATE_PARAMETERS.flatMap((parameter) => [...HOSTILE, ['10,000 characters', OVERSIZED] as [string, string], ['5,000 characters', LONG] as [string, string]].map(([label, value]) => [parameter, label, value] as const));

    it.each(cases)('%s = %s: refused with a 4xx naming it, or a correct empty answer; never a 500', async (parameter, label, value) => {
      const base = parameter === 'from' || parameter === 'to' ? '' : `${RANGE}&`;
      const { status, body, text } = await answer(t, `/api/v1/aggregate?${base}${parameter}=${encodeURIComponent(value)}`);
      expectNoLeak(text);
      if (label === '10,000 characters') {
        expect(status).toBe(414);
        return;
      }
      // A department code is a filter value: one that matches nothing is an empty answer, not an error.
      const isFilterValue = parameter === 'department' && value.length <= 32 && !value.includes('\u0000') && !/[\t\n]/.test(value);
      if (isFilterValue) {
        expect({ value, status }).toEqual({ value, status: 200 });
        const aggregate = body as AggregateResponse;
        expect(aggregate.rows).toEqual([{ lines: 0 }]);
        expect(aggregate.totals['lines']).toBe(0);
        return;
      }
      expect({ value, status }).toEqual({ value, status: 400 });
      expect((body as ApiErrorResponse).message.startsWith(parameter)).toBe(true);
    });

    it.each(HOSTILE)('a parameter named with %s is refused, naming it', async (_label, name) => {
      const { status, body, text } = await answer(t, `/api/v1/aggregate?${encodeURIComponent(name)}=1`);
      expectNoLeak(text);
      expect(status).toBe(400);
      expect((body as ApiErrorResponse).code).toBe('INVALID_PARAMETER');
    });

    it('treats a department filter as an exact value: no wildcard, no tautology', async () => {
      for (const department of ['%', '_ARD', "CARD' OR '1'='1", 'CARD%', 'card']) {
        const { status, body } = await answer(t, `/api/v1/aggregate?${RANGE}&department=${encodeURIComponent(department)}`);
        expect({ department, status, lines: (body as AggregateResponse).totals['lines'] }).toEqual({ department, status: 200, lines: 0 });
      }
      const card = await t.getJson<AggregateResponse>(`/api/v1/aggregate?${RANGE}&department=CARD`);
      expect(card.totals['lines']).toBe(3);
    });

    it('leaves the fact table whole', async () => {
      expect(await factLines()).toBe(BASELINE_LINES);
    });
  });

  describe('the imports routes', () => {
    let importId: number;
    beforeAll(async () => {
      const status = await t.importCsv(toCsv([{ ...validRow('REJ-1', 'SYN-P9'), units: 'x' }]), 'one-rejection.csv');
      importId = status.id;
    });

    const values = [...HOSTILE, ['10,000 characters', OVERSIZED] as [string, string], ['5,000 characters', LONG] as [string, string]];

    it.each(values)('an import id of %s is refused with a 4xx, never a 500', async (label, value) => {
      for (const suffix of ['', '/rejections']) {
        const { status, text } = await answer(t, `/api/v1/imports/${encodeURIComponent(value)}${suffix}`);
        expectNoLeak(text);
        expect({ suffix, status }).toEqual({ suffix, status: label === '10,000 characters' ? 414 : 400 });
      }
    });

    it.each(['99999999999999999999', '2147483648', '-1', '0', '1e3', '0x10', ' 1'])('an import id of %j answers 400 or 404, never a 500', async (value) => {
      const { status, text } = await answer(t, `/api/v1/imports/${encodeURIComponent(value)}`);
      expectNoLeak(text);
      expect([400, 404]).toContain(status);
    });

    it.each(['format', 'limit', 'offset'])('rejections?%s= with hostile values is refused naming the parameter', async (parameter) => {
      for (const [label, value] of values) {
        const { status, body, text } = await answer(t, `/api/v1/imports/${importId}/rejections?${parameter}=${encodeURIComponent(value)}`);
        expectNoLeak(text);
        if (label === '10,000 characters') {
          expect({ label, status }).toEqual({ label, status: 414 });
          continue;
        }
        expect({ label, status }).toEqual({ label, status: 400 });
        expect((body as ApiErrorResponse).message.startsWith(parameter)).toBe(true);
      }
    });

    it('still answers the rejections with their ordinary parameters', async () => {
      const page = await t.getJson<RejectionsResponse>(`/api/v1/imports/${importId}/rejections?format=json&limit=10&offset=0`);
      expect(page.rows).toHaveLength(1);
      expect(page.rows[0]).toMatchObject({ rowNumber: 2, column: 'units' });
    });

    it('refuses an unknown parameter on the rejections route, naming it', async () => {
      const { status, body, text } = await answer(t, `/api/v1/imports/${importId}/rejections?${encodeURIComponent("'; DROP TABLE import;--")}=1`);
      expectNoLeak(text);
      expect(status).toBe(400);
      expect((body as ApiErrorResponse).message).toContain("'; DROP TABLE import;--");
    });

    it('refuses a query parameter on the import list and status routes, which take none', async () => {
      for (const path of [`/api/v1/imports?limit=${encodeURIComponent('1 OR 1=1')}`, `/api/v1/imports/${importId}?format=csv`]) {
        const { status, text } = await answer(t, path);
        expectNoLeak(text);
        expect({ path, status }).toEqual({ path, status: 400 });
      }
    });

    it('leaves the fact table and the import log whole', async () => {
      expect(await factLines()).toBe(BASELINE_LINES);
      const [row] = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM import');
      expect(Number(row!.n)).toBe(2);
    });
  });

  describe('the shared guards for path ids and query parameters', () => {
    it('ParseIdPipe takes 1 … 2147483647 in plain digits and refuses the rest, naming the parameter', () => {
      const pipe = new ParseIdPipe('id');
      expect(pipe.transform('1')).toBe(1);
      expect(pipe.transform('2147483647')).toBe(2_147_483_647);
      for (const value of ['0', '-1', '2147483648', '99999999999999999999', '1e3', '0x10', ' 1', '1.0', '', "1'; DROP TABLE import;--", '\u0000']) {
        expect(() => pipe.transform(value)).toThrow(/^id: must be a whole number from 1 to 2147483647$/);
      }
    });

    it('rejectUnknownParameters refuses a parameter a route does not read, naming it', () => {
      expect(() => rejectUnknownParameters({ format: 'csv', limit: '5' }, ['format', 'limit', 'offset'])).not.toThrow();
      expect(() => rejectUnknownParameters({ format: 'csv', "'; DROP TABLE import;--": '1' }, ['format'])).toThrow(/^'; DROP TABLE import;--: is not a parameter of this route; the parameters are format$/);
      expect(() => rejectUnknownParameters({ limit: '5' }, [])).toThrow(/^limit: is not a parameter of this route; this route takes no query parameters$/);
    });
  });

  describe('CSV fields of an import', () => {
    /**
     * One import per hostile value: a row per column of DESIGN §3.1 carries the value in that column
     * (every other field valid), so each row is either rejected, naming its row and that column, or
     * loaded with the value exactly as sent.
     */
    const cases = [...HOSTILE, ['10,000 characters', OVERSIZED] as [string, string]];
    let linesBefore = 0;
    let loadedSoFar = 0;
    beforeAll(async () => {
      linesBefore = await factLines();
    });

    it.each(cases.map(([label, value], index) => [label, value, index] as const))('%s in every column: rejected naming row and column, or stored unchanged', async (_label, value, index) => {
      const rows = HEADER.map((column, position) => ({ ...validRow(`INJ-${index}-${position}`, `SYN-PAT-${index}-${position}`), [column]: value }));
      // importCsv throws when the file is refused as a whole, which fails the test with the reason.
      const status: ImportStatus = await t.importCsv(toCsv(rows), `hostile-${index}.csv`);
      expect({ status: status.status, error: status.error }).toEqual({ status: 'completed', error: null });
      expect(status.rowsTotal).toBe(HEADER.length);
      const rejections = (await t.getJson<RejectionsResponse>(`/api/v1/imports/${status.id}/rejections`)).rows;
      const rejectedColumn = new Map(rejections.map((rejection) => [rejection.rowNumber, rejection]));

      for (const [position, column] of HEADER.entries()) {
        const rowNumber = position + 2;
        const rejection = rejectedColumn.get(rowNumber);
        const encounterId = column === 'encounter_id' ? value : `INJ-${index}-${position}`;
        if (rejection !== undefined) {
          expect({ column, rejectedColumn: rejection.column }).toEqual({ column, rejectedColumn: column });
          expect(rejection.reason.startsWith(column)).toBe(true);
          // The patient identifier never comes back, neither in the reason nor in the raw text.
          if (column === 'patient_id') {
            expect(rejection.reason).not.toContain(value.slice(0, 20));
            expect(rejection.raw).not.toContain(value.slice(0, 20));
          }
          continue;
        }
        // Loaded: only a free-text column may hold such a value, and it must read back unchanged.
        expect({ column, loaded: FREE_TEXT.includes(column) }).toEqual({ column, loaded: true });
        const [stored] = await t.db.query<{ external_id: string; department: string; payer: string | null }>(
          `SELECT e.external_id, d.code AS department, p.name AS payer
             FROM procedure_line l JOIN encounter e ON e.id = l.encounter_key
             JOIN department d ON d.id = l.department_id LEFT JOIN payer p ON p.id = l.payer_id
            WHERE e.external_id = $1`,
          [encounterId],
        );
        expect({ column, found: stored !== undefined }).toEqual({ column, found: true });
        if (column === 'encounter_id') expect(stored!.external_id).toBe(value);
        if (column === 'department') expect(stored!.department).toBe(value);
        if (column === 'payer') expect(stored!.payer).toBe(value);
        loadedSoFar += 1;
      }
      expect(status.rowsLoaded + status.rowsRejected).toBe(HEADER.length);
    });

    it('reads a hostile department code back through the API, as a label and as a filter', async () => {
      const department = "O'Neil; DROP TABLE x;--";
      const status = await t.importCsv(toCsv([{ ...validRow('INJ-DEPT-1', 'SYN-PAT-D1'), department }]), 'quoted-department.csv');
      expect(status.rowsLoaded).toBe(1);
      expect(status.departmentsCreated).toContain(department);
      loadedSoFar += 1;
      const byDepartment = await t.getJson<AggregateResponse>(`/api/v1/aggregate?${RANGE}&groupBy=department&department=${encodeURIComponent(department)}`);
      expect(byDepartment.rows).toEqual([{ department, lines: 1 }]);
    });

    it('leaves every earlier line in the fact table, and adds exactly the lines it loaded', async () => {
      expect(await factLines()).toBe(linesBefore + loadedSoFar);
      expect(await factLines()).toBeGreaterThan(BASELINE_LINES);
    });
  });
});
