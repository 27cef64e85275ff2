// Loading a year from CMS's files over HTTP: a good file replaces the year; a bad one
// answers 400 naming the row and the column, and changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUnpriced, priceLine, type LinePrice, type RvuRow } from '@caseload/domain';
import { FeeScheduleRepository } from '../../src/modules/reimbursement/fee-schedule.repository.js';
import { FeeScheduleService } from '../../src/modules/reimbursement/fee-schedule.service.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const RVU_2024 = fixture('rvu-2024-cms-layout.csv');
const GPCI_2024 = fixture('gpci-2024.csv');
const RVU_LOAD = '/api/v1/fee-schedules/2024/rvu';
const GPCI_LOAD = '/api/v1/fee-schedules/2024/gpci';

interface Snapshot {
  year: number;
  rows: number;
  workSum: string;
  cf: string | null;
}

describe('loading a fee-schedule year', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Every year's row count, an RVU checksum and its conversion factor. */
  async function snapshot(): Promise<{ rvu: Snapshot[]; gpci: Array<{ year: number; rows: number; sum: string }> }> {
    const rvu = await t.db.query<Snapshot>(
      `SELECT r.year, count(*)::int AS rows, sum(work_rvu + pe_non_facility_rvu + pe_facility_rvu + mp_rvu)::text AS "workSum", max(cf.conversion_factor)::text AS cf
       FROM fee_schedule_rvu r LEFT JOIN fee_schedule_cf cf USING (year) GROUP BY r.year ORDER BY r.year`,
    );
    const gpci = await t.db.query<{ year: number; rows: number; sum: string }>(
      `SELECT year, count(*)::int AS rows, sum(work_gpci + pe_gpci + mp_gpci)::text AS sum FROM fee_schedule_gpci GROUP BY year ORDER BY year`,
    );
    return { rvu, gpci };
  }

  async function refused(path: string, body: string, message: RegExp): Promise<void> {
    const before = await snapshot();
    const response = await t.post(path, body);
    const answer = (await response.json()) as { code: string; message: string };
    expect(`${response.status} ${answer.code}`).toBe('400 FEE_SCHEDULE_REJECTED');
    expect(answer.message).toMatch(/^The (RVU|GPCI) file was not loaded, and nothing changed\. /);
    expect(answer.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  }

  it('starts with the shipped 2025 year only', async () => {
    const { rvu, gpci } = await snapshot();
    expect(rvu.map((y) => [y.year, y.rows, y.cf])).toEqual([[2025, 19090, '32.3465']]);
    expect(gpci.map((y) => [y.year, y.rows])).toEqual([[2025, 109]]);
  });

  it("loads a year from CMS's RVU file, taking its conversion factor", async () => {
    const response = await t.post(RVU_LOAD, RVU_2024);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ year: 2024, rvuRows: 4, conversionFactor: 33.2875, linesRepriced: 0 });
    const rows = await t.db.query(`SELECT code, modifier, status, work_rvu, pe_facility_rvu, facility_na FROM fee_schedule_rvu WHERE year = 2024 ORDER BY code, modifier`);
    expect(rows).toEqual([
      { code: '71046', modifier: '', status: 'A', work_rvu: '0.22', pe_facility_rvu: '0.75', facility_na: true },
      { code: '71046', modifier: '26', status: 'A', work_rvu: '0.22', pe_facility_rvu: '0.08', facility_na: false },
      { code: '71046', modifier: 'TC', status: 'A', work_rvu: '0.00', pe_facility_rvu: '0.67', facility_na: true },
      { code: '99213', modifier: '', status: 'A', work_rvu: '1.30', pe_facility_rvu: '0.55', facility_na: false },
    ]);
  });

  it('loads GPCIs as a multipart upload', async () => {
    const form = new FormData();
    form.append('file', new Blob([GPCI_2024], { type: 'text/csv' }), 'GPCI2024.csv');
    const response = await fetch(`${t.baseUrl}${GPCI_LOAD}`, { method: 'POST', headers: { Authorization: `Bearer ${t.token}` }, body: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ year: 2024, gpciLocalities: 2, linesRepriced: 0 });
  });

  it('records each load in the audit log, with what it loaded', async () => {
    const log = await t.getJson<{ entries: { action: string; actor: string; details: Record<string, unknown> }[] }>('/api/v1/audit?action=fee_schedule.load');
    // Newest first: the GPCI file, then the RVU file, both loaded by the admin above.
    expect(log.entries.map((entry) => [entry.actor, entry.details['file'], entry.details['year']])).toEqual([
      [ADMIN.email, 'gpci', 2024],
      [ADMIN.email, 'rvu', 2024],
    ]);
  });

  it('lists the years loaded with their counts', async () => {
    expect(await t.getJson('/api/v1/fee-schedules')).toEqual({
      years: [
        { year: 2024, conversionFactor: 33.2875, rvuRows: 4, gpciLocalities: 2 },
        { year: 2025, conversionFactor: 32.3465, rvuRows: 19090, gpciLocalities: 109 },
      ],
    });
  });

  it('prices each service year in its own schedule, and falls back as DESIGN §4 says', async () => {
    const schedule = await t.app.get(FeeScheduleService).schedule();
    const fee = (serviceDate: string, code = '99213'): LinePrice => priceLine({ code, modifiers: [], serviceDate, placeOfService: '11', units: 1 }, schedule, '01112-05');
    // 2024: (1.30 × 1.1 + 1.34 × 1.45 + 0.10 × 0.5) × 33.2875 = 113.9431…
    expect(fee('2024-06-30')).toMatchObject({ year: 2024, feeCents: 11394 });
    expect(fee('2025-06-30')).toMatchObject({ year: 2025 });
    // No 2026 schedule: the latest earlier (2025). No 2019 schedule: the earliest (2024).
    expect(fee('2026-01-15')).toMatchObject({ year: 2025 });
    expect(fee('2019-01-15')).toMatchObject({ year: 2024, feeCents: 11394 });
    // The 2024 file has no 45378: unpriced in 2024, whatever 2025 holds.
    const missing = fee('2024-03-01', '45378');
    expect(isUnpriced(missing) && missing.unpriced).toBe('code-not-in-schedule');
  });

  it('replaces a year when it is loaded again', async () => {
    const smaller = RVU_2024.split('\n').filter((line) => !line.startsWith('71046,TC')).join('\n');
    expect((await t.post(RVU_LOAD, smaller)).status).toBe(200);
    const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM fee_schedule_rvu WHERE year = 2024`);
    expect(row!.n).toBe(3);
    expect((await t.post(RVU_LOAD, RVU_2024)).status).toBe(200);
  });

  describe('refuses a malformed file, naming the row and the column, and changes nothing', () => {
    it('an empty file', async () => {
      const response = await t.post(RVU_LOAD, '');
      expect(response.status).toBe(400);
      await refused(RVU_LOAD, '\r\n\r\n', /The file is empty\./);
    });

    it('a file without the columns it needs', async () => {
      await refused(RVU_LOAD, RVU_2024.replace(',WORK,', ',LABOUR,'), /The header on row 8 lacks the column "WORK RVU"/);
      await refused(GPCI_LOAD, GPCI_2024.replace('2024 PE GPCI,', 'PE,'), /The header on row 3 lacks the column "PE GPCI"/);
    });

    it('an RVU that is not a number', async () => {
      await refused(RVU_LOAD, RVU_2024.replace('99213,,placeholder text,A,,1.30,', '99213,,placeholder text,A,,one,'), /Row 12, column WORK RVU \(F\): must be a number .*\(got "one"\)/);
      await refused(GPCI_LOAD, GPCI_2024.replace('1.1,1.45', '1.1,high'), /Row 5, column 2024 PE GPCI \(F\): must be a number/);
    });

    it('a code and modifier given twice', async () => {
      const line = RVU_2024.split('\n').find((l) => l.startsWith('71046,26'))!;
      await refused(RVU_LOAD, `${RVU_2024}${line}\n`, /Row 13, column HCPCS \(A\): repeats 71046 with modifier 26, first given on row 10/);
    });

    it('a file cut off in the middle of a row', async () => {
      await refused(RVU_LOAD, RVU_2024.slice(0, RVU_2024.indexOf('0.55,')), /Row 12 has 9 columns where the header has at least 25; the file may be cut off/);
      await refused(GPCI_LOAD, GPCI_2024.slice(0, GPCI_2024.indexOf(',1.45')), /Row 5 has 5 columns where the header has at least 7/);
    });

    it("another year's file", async () => {
      await refused('/api/v1/fee-schedules/2023/rvu', RVU_2024, /CMS's 2024 RVU file, not 2023's/);
    });

    it('a JSON body, and a year that is not one', async () => {
      expect((await t.post(RVU_LOAD, { file: RVU_2024 })).status).toBe(400);
      const response = await t.post('/api/v1/fee-schedules/24/rvu', RVU_2024);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^year: must be a fee-schedule year/);
    });
  });

  it('rolls a load back whole when the database refuses a row, leaving the year as it was', async () => {
    const before = await snapshot();
    const good: RvuRow = { year: 2025, code: '99213', modifier: '', status: 'A', work: 1, peNonFacility: 1, peFacility: 1, mp: 1, globalDays: 'XXX', pctcIndicator: '0', nonFacilityNa: false, facilityNa: false };
    // Past the parser (which would refuse it): a code too long for its column.
    const bad: RvuRow = { ...good, code: '992130' };
    await expect(t.app.get(FeeScheduleRepository).replaceRvus(2025, [good, bad], 40, null)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
