// `wrvu`, `expected_payment` and `meta.unpriced` (DESIGN §4) on a hand-worked fixture, through
// GET /api/v1/aggregate from the rollups, the facts and the in-memory index; then a schedule
// year loaded over HTTP prices its lines again and the answers move at once.
//
// Prices from the shipped 2025 schedule (data/rvu-2025.csv), CF 32.3465, national GPCIs 1.0
// (no CASELOAD_LOCALITY), fee = (work + PE + MP) × CF rounded to the cent:
//   99213        work 1.30  PE non-fac 1.35  PE fac 0.57  MP 0.10
//                POS 11: (1.30 + 1.35 + 0.10) = 2.75 × 32.3465 = 88.952875 → $88.95
//                POS 22: (1.30 + 0.57 + 0.10) = 1.97 × 32.3465 = 63.722605 → $63.72
//   71046-26     work 0.22  PE 0.08  MP 0.01: 0.31 × 32.3465 = 10.027415 → $10.03 (facility or not)
//   71046-TC     work 0.00  PE 0.69  MP 0.01: 0.70 × 32.3465 = 22.64255  → $22.64
//   71046        work 0.22  PE 0.77  MP 0.02: 1.01 × 32.3465 = 32.669965 → $32.67 a unit
//   93000        work 0.17  PE 0.24  MP 0.02: 0.43 × 32.3465 = 13.908995 → $13.91
//   0001F        status I (not paid under the schedule) → unpriced
//   99999        no row in the schedule → unpriced
// A 2024 line, while only 2025 is loaded, is priced from 2025 (the earliest later year).
// The 2024 fixture (fixtures/rvu-2024-cms-layout.csv) has CF 33.2875 and 99213 at work 1.30,
// PE non-fac 1.34, MP 0.10: 2.74 × 33.2875 = 91.20775 → $91.21.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregateResponse } from '@caseload/contracts';
import { isUnpriced, priceLine } from '@caseload/domain';
import { FeeScheduleService } from '../../src/modules/reimbursement/fee-schedule.service.js';
import { MemoryIndex } from '../../src/modules/analytics/memory-index/memory-index.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LINES =
  'encounter_id,patient_id,service_date,department,code,modifiers,units,place_of_service\n' +
  'E1,P1,2025-03-03,CARD,99213,,1,11\n' + // 1.30 wRVU, $88.95
  'E2,P2,2025-03-04,CARD,99213,,1,22\n' + // 1.30, $63.72 (facility)
  'E3,P3,2025-03-05,RAD,71046,26,1,22\n' + // 0.22, $10.03
  'E4,P3,2025-03-05,RAD,71046,TC,1,11\n' + // 0.00, $22.64
  'E5,P4,2025-03-06,RAD,71046,,2,11\n' + // 2 × 0.22 = 0.44, 2 × $32.67 = $65.34
  'E6,P4,2025-03-06,CARD,93000,,1,11\n' + // 0.17, $13.91
  'E7,P5,2025-03-07,CARD,99999,,1,11\n' + // unpriced: no row
  'E8,P5,2025-03-07,CARD,0001F,,1,11\n' + // unpriced: status I
  'E9,P6,2024-06-10,CARD,99213,,1,11\n' + // no 2024 schedule: 2025's, 1.30, $88.95
  'E10,P7,2025-03-07,RAD,71046,59;26,1,22\n'; // 59 has no row, 26 does: 0.22, $10.03

type Answer = AggregateResponse;

describe('wrvu and expected_payment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_TIMEZONE: 'UTC' });
    expect((await t.importCsv(LINES)).rowsLoaded).toBe(10);
  }, 60_000);
  afterAll(() => t.close());

  const ask = (params: Record<string, string>) => t.getJson<Answer>(`/api/v1/aggregate?${new URLSearchParams(params)}`);
  const byDepartment = { measures: 'lines,wrvu,expected_payment', groupBy: 'department', from: '2024-06-01', to: '2025-03-31' };
  const byCode = { measures: 'wrvu,expected_payment', groupBy: 'code', from: '2024-06-01', to: '2025-03-31' };

  async function expectHandWorked(): Promise<void> {
    const departments = await ask(byDepartment);
    expect(departments.rows).toEqual([
      // CARD: 1.30 + 1.30 + 0.17 + 1.30 = 4.07; 88.95 + 63.72 + 13.91 + 88.95 = 255.53
      { department: 'CARD', lines: 6, wrvu: 4.07, expected_payment: 255.53 },
      // RAD: 0.22 + 0 + 0.44 + 0.22 = 0.88; 10.03 + 22.64 + 65.34 + 10.03 = 108.04
      { department: 'RAD', lines: 4, wrvu: 0.88, expected_payment: 108.04 },
    ]);
    expect(departments.totals).toEqual({ lines: 10, wrvu: 4.95, expected_payment: 363.57 });
    expect(departments.meta.unpriced).toBe(2);

    const codes = await ask(byCode);
    expect(codes.rows).toEqual([
      { code: '0001F', wrvu: 0, expected_payment: 0 },
      { code: '71046', wrvu: 0.88, expected_payment: 108.04 },
      { code: '93000', wrvu: 0.17, expected_payment: 13.91 },
      { code: '99213', wrvu: 3.9, expected_payment: 241.62 },
      { code: '99999', wrvu: 0, expected_payment: 0 },
    ]);
    expect(codes.meta.unpriced).toBe(2);

    // Part of a month: the facts. 2025-03-04..05 holds E2, E3, E4: 1.30 + 0.22 + 0; 63.72 + 10.03 + 22.64.
    const days = await ask({ measures: 'wrvu,expected_payment', from: '2025-03-04', to: '2025-03-05' });
    expect(days.totals).toEqual({ wrvu: 1.52, expected_payment: 96.39 });
    expect(days.meta.unpriced).toBe(0);

    // Filters narrow the unpriced count like the sums: only 99999 of the two.
    const filtered = await ask({ measures: 'expected_payment', groupBy: 'period', grain: 'month', code: '99999,99213', from: '2025-03-01', to: '2025-03-31' });
    expect(filtered.rows).toEqual([{ period: '2025-03', expected_payment: 152.67 }]);
    expect(filtered.meta.unpriced).toBe(1);
  }

  it('prices each line by code, modifier, place of service and year, and counts the lines it cannot price', async () => {
    await expectHandWorked();
  });

  it('gives the same answers from the warmed in-memory index', async () => {
    await t.app.get(MemoryIndex).warm();
    const departments = await ask({ ...byDepartment, measures: 'lines,wrvu,expected_payment,units' });
    expect(departments.meta.source).toBe('memory');
    const codes = await t.get(`/api/v1/aggregate?${new URLSearchParams({ ...byCode, measures: 'expected_payment,wrvu' })}`, { 'Cache-Control': 'no-cache' });
    expect(((await codes.json()) as Answer).meta.source).toBe('memory');
    await expectHandWorked();
  });

  it('leaves meta.unpriced out when no priced measure is asked', async () => {
    const answer = await ask({ measures: 'lines,charges', groupBy: 'department', from: '2024-06-01', to: '2025-03-31' });
    expect(answer.meta.unpriced).toBeUndefined();
  });

  it('prices the lines of a year again when its schedule is loaded, and the answers move at once', async () => {
    const card = { ...byDepartment, department: 'CARD' };
    expect((await ask(card)).totals).toEqual({ lines: 6, wrvu: 4.07, expected_payment: 255.53 });
    const rvu2024 = readFileSync(join(__dirname, 'fixtures', 'rvu-2024-cms-layout.csv'), 'utf8');
    const loaded = await t.post('/api/v1/fee-schedules/2024/rvu', rvu2024);
    expect(loaded.status).toBe(200);
    // Only E9 (2024-06-10) changes: $88.95 → $91.21.
    expect(await loaded.json()).toMatchObject({ year: 2024, conversionFactor: 33.2875, linesRepriced: 1 });
    const after = await ask(card);
    expect(after.totals).toEqual({ lines: 6, wrvu: 4.07, expected_payment: 257.79 });
    expect(after.meta.unpriced).toBe(2);
    const year2024 = await ask({ measures: 'expected_payment', groupBy: 'department', from: '2024-06-01', to: '2024-06-30' });
    expect(year2024.rows).toEqual([{ department: 'CARD', expected_payment: 91.21 }]);

    // The index rebuilds on the new data version and agrees.
    await t.app.get(MemoryIndex).warm();
    const fromMemory = await ask({ ...card, measures: 'expected_payment,wrvu,lines' });
    expect(fromMemory.meta.source).toBe('memory');
    expect(fromMemory.totals).toEqual({ lines: 6, wrvu: 4.07, expected_payment: 257.79 });
    // The rollups were recomputed in the same transaction as the facts.
    const rollup = await t.db.query<{ wrvu: string; cents: string; unpriced: string }>(
      `SELECT sum(wrvu_hundredths)::text AS wrvu, sum(expected_cents)::text AS cents, sum(unpriced_lines)::text AS unpriced FROM rollup_month_code`,
    );
    expect(rollup).toEqual([{ wrvu: '495', cents: '36583', unpriced: '2' }]);
    // So was the provider rollup: 4.95 wRVU and $365.83, as the facts say.
    const byProvider = await t.db.query<{ wrvu: string; cents: string }>(
      `SELECT sum(wrvu_hundredths)::text AS wrvu, sum(expected_cents)::text AS cents FROM rollup_month_provider`,
    );
    expect(byProvider).toEqual([{ wrvu: '495', cents: '36583' }]);
    // And the daily code rollup, day by day: E9's day holds the new price.
    const byDay = await t.db.query<{ wrvu: string; cents: string; june: string }>(
      `SELECT sum(wrvu_hundredths)::text AS wrvu, sum(expected_cents)::text AS cents,
         sum(expected_cents) FILTER (WHERE day = '2024-06-10')::text AS june FROM rollup_day_code`,
    );
    expect(byDay).toEqual([{ wrvu: '495', cents: '36583', june: '9121' }]);
  });
});

describe('expected_payment for a configured locality', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_TIMEZONE: 'UTC', CASELOAD_LOCALITY: '01112-05' });
    expect((await t.importCsv(LINES)).rowsLoaded).toBe(10);
  }, 60_000);
  afterAll(() => t.close());

  it("answers what the domain's priceLine gives line by line with that locality's GPCIs", async () => {
    const schedule = await t.app.get(FeeScheduleService).schedule();
    let cents = 0;
    let hundredths = 0;
    let unpriced = 0;
    for (const row of LINES.trim().split('\n').slice(1)) {
      const [, , serviceDate, , code, modifiers, units, placeOfService] = row.split(',');
      const price = priceLine({ code: code!, modifiers: modifiers === '' ? [] : modifiers!.split(';'), serviceDate: serviceDate!, placeOfService: placeOfService!, units: Number(units) }, schedule, '01112-05');
      if (isUnpriced(price)) unpriced++;
      else {
        cents += price.expectedCents;
        hundredths += price.wrvuHundredths;
      }
    }
    // San Francisco's GPCIs are above 1: more than the national $363.57.
    expect(cents).toBeGreaterThan(36_357);
    const answer = await t.getJson<Answer>(`/api/v1/aggregate?${new URLSearchParams({ measures: 'wrvu,expected_payment', from: '2024-06-01', to: '2025-03-31' })}`);
    expect(answer.totals).toEqual({ wrvu: hundredths / 100, expected_payment: cents / 100 });
    expect(answer.meta.unpriced).toBe(unpriced);
    expect(unpriced).toBe(2);
  });
});
