// GET /api/v1/capacity/forecast and /needs on synthetic series whose answers are known:
// a flat series forecasts flat with no width, a series of known trend and seasonality is
// continued and backtested within a stated bound, three months of history are too little;
// then a flat demand × profile gives exact hours, FTEs and units, and each what-if moves
// them as worked out by hand below.
//
// History (2023-01 … 2024-12), one line a month:
//   RAD  70551 × 160 units          profile 70551: mri_scanner 45 min, technologist 60 min
//        → 160 × 45 = 7200 min = 120 h of scanner, 160 × 60 = 9600 min = 160 h of technologist a month
//   ONC  96413, 2022-01 … 2024-12: units 200 + 3t + round(30 sin(2πt/12)), t = 0 … 35 (no profile)
//   CARD 99213 × 5 units, 2024-10 … 2024-12 only (no profile)
// Model: RAD has 1 MRI scanner open 8 h Mon–Fri and 1 technologist FTE (1768 h a year over
// 260 working days = 6.8 h a working day); holidays 2025-01-01, 2025-01-20, 2025-02-17.
//
// The next quarter (historyEnd 2024-12, horizon 3):
//   working days  Jan 23 weekdays − 2 = 21   Feb 20 − 1 = 19   Mar 21   → 61
//   MRI           hours per unit 21·8 = 168, 19·8 = 152, 168 → 488 h
//                 demand 3 × 120 = 360 h; utilization 360/488 = 0.737705; required 360/0.8 = 450 h;
//                 units needed 450/488 = 0.922131 → 1 whole unit; gap 0.922131 − 1 = −0.077869
//   technologist  hours per FTE 1768·61/260 = 414.8 h; demand 3 × 160 = 480 h; utilization 480/414.8 = 1.157184;
//                 required 600 h; FTEs needed 600/414.8 = 1.446480; gap 0.446480 → add 0.5 FTE (tenths, rounded up)
//   January alone MRI 120/168 = 0.714286, units needed 150/168 = 0.892857; technologist 142.8 h, FTEs 200/142.8 = 1.400560
//   February      MRI 120/152 = 0.789474, units needed 150/152 = 0.986842; technologist 129.2 h, FTEs 200/129.2 = 1.547988
import type { CapacityForecastResponse, CapacityNeedsResponse, CapacityNeedsRow } from '@caseload/contracts';
import { CapacityWarmer } from '../../src/modules/capacity/capacity-warmer.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/api/v1/capacity';

function month(start: string, i: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + i;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function lines(): string {
  const rows = ['encounter_id,patient_id,service_date,department,code,units'];
  for (let i = 0; i < 24; i++) rows.push(`R${i},PR${i},${month('2023-01', i)}-10,RAD,70551,160`);
  for (let t = 0; t < 36; t++) rows.push(`O${t},PO${t},${month('2022-01', t)}-12,ONC,96413,${200 + 3 * t + Math.round(30 * Math.sin((2 * Math.PI * t) / 12))}`);
  for (let i = 0; i < 3; i++) rows.push(`C${i},PC${i},${month('2024-10', i)}-05,CARD,99213,5`);
  return rows.join('\n');
}

const MODEL = {
  'resource-types': [
    { key: 'mri_scanner', name: 'MRI scanner', kind: 'equipment' },
    { key: 'technologist', name: 'Technologist', kind: 'staff' },
  ],
  inventories: [
    { department: 'RAD', resourceType: 'mri_scanner', count: 1, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: null },
    { department: 'RAD', resourceType: 'technologist', count: 1, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: null },
  ],
  holidays: ['2025-01-01', '2025-01-20', '2025-02-17'].map((date) => ({ date, department: null, name: 'Holiday' })),
  profiles: [
    { code: '70551', resourceType: 'mri_scanner', minutes: 45 },
    { code: '70551', resourceType: 'technologist', minutes: 60 },
  ],
};

const HISTORY = 'historyEnd=2024-12&historyMonths=36';

describe('capacity forecast and needs', () => {
  let t: TestApp;
  let imgOnly: string;
  let cardOnly: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [list, rows] of Object.entries(MODEL)) {
      const response = await t.request('PUT', `${BASE}/${list}`, { body: { rows } });
      if (response.status !== 200) throw new Error(`PUT ${list}: ${await response.text()}`);
    }
    const loaded = await t.importCsv(lines());
    if (loaded.rowsLoaded !== 63) throw new Error(`fixture import: ${JSON.stringify(loaded)}`);
    imgOnly = (await t.createUser({ email: 'img@example.test', password: 'img-password-12', role: 'viewer', departments: ['IMG'] })).token;
    cardOnly = (await t.createUser({ email: 'card@example.test', password: 'card-password-1', role: 'analyst', departments: ['CARD', 'IMG'] })).token;
  }, 60_000);
  afterAll(() => t.close());

  async function get<T>(path: string, token?: string): Promise<T> {
    const response = await t.request('GET', path, token === undefined ? {} : { token });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const needs = (query: string, token?: string) => get<CapacityNeedsResponse>(`${BASE}/needs?${HISTORY}&horizon=3&${query}`, token);
  const row = (answer: CapacityNeedsResponse, resourceType: string): CapacityNeedsRow => answer.rows.find((r) => r.resourceType === resourceType)!;

  describe('forecast', () => {
    let answer: CapacityForecastResponse;
    beforeAll(async () => {
      answer = await get<CapacityForecastResponse>(`${BASE}/forecast?${HISTORY}&horizon=12&topCodes=1`);
    });

    it('forecasts a flat series flat, with no width, and scores its backtest', () => {
      const rad = answer.series.find((s) => s.department === 'RAD' && s.code === null)!;
      expect([rad.section, rad.status, rad.history.length, rad.history[0]]).toEqual(['radiology', 'ok', 24, { period: '2023-01', value: 160 }]);
      expect(rad.points.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => month('2025-01', i)));
      for (const p of rad.points) {
        expect(p.value).toBeCloseTo(160, 6);
        expect(p.low).toBeCloseTo(160, 6);
        expect(p.high).toBeCloseTo(160, 6);
      }
      // A flat history is forecast without error; MASE's naive scale is zero, so it has none.
      expect(rad.backtest).toEqual({ holdout: 12, mape: 0, mase: null, coverage: 1 });
    });

    it('continues a known trend and seasonality, with a backtest error under 5%', () => {
      const onc = answer.series.find((s) => s.department === 'ONC' && s.code === null)!;
      expect([onc.section, onc.status, onc.history.length, onc.method]).toEqual(['medicine', 'ok', 36, expect.stringMatching(/^Holt-Winters/)]);
      expect(onc.backtest!.mape!).toBeLessThan(0.05);
      expect(onc.backtest!.mase!).toBeLessThan(1);
      // The truth continues: t = 36 … 47.
      onc.points.forEach((p, i) => {
        const truth = 200 + 3 * (36 + i) + Math.round(30 * Math.sin((2 * Math.PI * (36 + i)) / 12));
        expect(Math.abs(p.value - truth) / truth).toBeLessThan(0.05);
        expect(p.low).toBeLessThanOrEqual(p.value);
        expect(p.high).toBeGreaterThanOrEqual(p.value);
      });
    });

    it('says when the history is too short to forecast', () => {
      const card = answer.series.filter((s) => s.department === 'CARD');
      expect(card.map((s) => [s.section, s.code, s.status, s.points.length, s.history.length])).toEqual([
        ['em', null, 'too_little_history', 0, 3],
        ['em', '99213', 'too_little_history', 0, 3],
      ]);
      expect(card[0]!.message).toBe('Too little history to forecast: 3 months with volume, at least 6 are needed');
    });

    it('forecasts each department’s top codes too', () => {
      expect(answer.series.filter((s) => s.code !== null).map((s) => [s.department, s.code])).toEqual([
        ['CARD', '99213'],
        ['ONC', '96413'],
        ['RAD', '70551'],
      ]);
      expect(answer.meta).toEqual({
        measure: 'units',
        horizon: 12,
        level: 0.8,
        historyFrom: '2022-01',
        historyTo: '2024-12',
        forecastFrom: '2025-01',
        forecastTo: '2025-12',
        minHistoryMonths: 6,
      });
    });

    it('shows a user limited to a department only that department', async () => {
      const none = await get<CapacityForecastResponse>(`${BASE}/forecast?${HISTORY}`, imgOnly);
      expect(none.series).toEqual([]);
      const card = await get<CapacityForecastResponse>(`${BASE}/forecast?${HISTORY}&department=CARD,RAD`, cardOnly);
      expect(card.series.map((s) => [s.department, s.code])).toEqual([
        ['CARD', null],
        ['CARD', '99213'],
      ]);
    });
  });

  describe('needs', () => {
    it('turns a known volume × profile into exact hours, units and FTEs for the quarter', async () => {
      const answer = await needs('');
      expect(answer.rows.map((r) => [r.department, r.resourceType, r.aboveTarget])).toEqual([
        ['RAD', 'technologist', true],
        ['RAD', 'mri_scanner', false],
      ]);
      const mri = row(answer, 'mri_scanner');
      expect(mri.horizon.hoursPerUnit).toBe(488);
      expect(mri.horizon.demandHours.expected).toBeCloseTo(360, 6);
      expect(mri.horizon.demandHours.low).toBeCloseTo(360, 6);
      expect(mri.horizon.demandHours.high).toBeCloseTo(360, 6);
      expect(mri.horizon.utilization.expected).toBeCloseTo(0.737705, 6);
      expect(mri.horizon.requiredHours.expected).toBeCloseTo(450, 6);
      expect(mri.horizon.unitsNeeded.expected).toBeCloseTo(0.922131, 6);
      expect(mri.horizon.wholeUnitsNeeded.expected).toBe(1);
      expect(mri.horizon.gap.expected).toBeCloseTo(-0.077869, 6);
      expect(mri.additionalUnitsNeeded).toBe(0);
      expect(mri.months.map((m) => [m.period, m.hoursPerUnit])).toEqual([
        ['2025-01', 168],
        ['2025-02', 152],
        ['2025-03', 168],
      ]);
      expect(mri.months[0]!.utilization.expected).toBeCloseTo(0.714286, 6);
      expect(mri.months[0]!.unitsNeeded.expected).toBeCloseTo(0.892857, 6);
      expect(mri.months[1]!.utilization.expected).toBeCloseTo(0.789474, 6);
      expect(mri.months[1]!.unitsNeeded.expected).toBeCloseTo(0.986842, 6);
      expect(mri.forecast.backtest).toEqual({ holdout: 12, mape: 0, mase: null, coverage: 1 });

      const tech = row(answer, 'technologist');
      expect(tech.horizon.hoursPerUnit).toBeCloseTo(414.8, 9);
      expect(tech.horizon.utilization.expected).toBeCloseTo(1.157184, 6);
      expect(tech.horizon.requiredHours.expected).toBeCloseTo(600, 6);
      expect(tech.horizon.unitsNeeded.expected).toBeCloseTo(1.44648, 6);
      expect(tech.horizon.gap.expected).toBeCloseTo(0.44648, 6);
      expect(tech.additionalUnitsNeeded).toBe(0.5);
      expect(tech.months[0]!.hoursPerUnit).toBeCloseTo(142.8, 9);
      expect(tech.months[0]!.unitsNeeded.expected).toBeCloseTo(1.40056, 6);
      expect(tech.months[1]!.hoursPerUnit).toBeCloseTo(129.2, 9);
      expect(tech.months[1]!.unitsNeeded.expected).toBeCloseTo(1.547988, 6);
      expect(answer.meta).toMatchObject({ horizon: 3, forecastFrom: '2025-01', forecastTo: '2025-03', historyTo: '2024-12', targetUtilization: 0.8, uninventoried: [] });
    });

    it('grows the volume by 10%: the scanner goes above target and needs a second unit', async () => {
      // MRI 396 h / 488 = 0.811475; 495 h required / 488 = 1.014344 units → 2 → add 1.
      // Technologist 528 h / 414.8 = 1.272903; 660 / 414.8 = 1.591128 FTEs → add 0.6.
      const answer = await needs('growth=10');
      const mri = row(answer, 'mri_scanner');
      expect(mri.horizon.utilization.expected).toBeCloseTo(0.811475, 6);
      expect(mri.horizon.unitsNeeded.expected).toBeCloseTo(1.014344, 6);
      expect([mri.aboveTarget, mri.horizon.wholeUnitsNeeded.expected, mri.additionalUnitsNeeded]).toEqual([true, 2, 1]);
      const tech = row(answer, 'technologist');
      expect(tech.horizon.utilization.expected).toBeCloseTo(1.272903, 6);
      expect(tech.horizon.unitsNeeded.expected).toBeCloseTo(1.591128, 6);
      expect(tech.additionalUnitsNeeded).toBe(0.6);
      expect(answer.meta.whatIf).toEqual({ volumeGrowthPercent: 10, extraOpeningHoursPerDay: 0, add: [] });
    });

    it('opens the scanner 2 hours longer a day, which closes the gap; staff time does not change', async () => {
      // 61 open days × 10 h = 610 h: 396 / 610 = 0.649180; 495 / 610 = 0.811475 units.
      const answer = await needs('growth=10&extraHours=2');
      const mri = row(answer, 'mri_scanner');
      expect(mri.horizon.hoursPerUnit).toBe(610);
      expect(mri.horizon.utilization.expected).toBeCloseTo(0.64918, 6);
      expect(mri.horizon.unitsNeeded.expected).toBeCloseTo(0.811475, 6);
      expect([mri.aboveTarget, mri.additionalUnitsNeeded]).toEqual([false, 0]);
      const tech = row(answer, 'technologist');
      expect(tech.horizon.hoursPerUnit).toBeCloseTo(414.8, 9);
      expect(tech.horizon.notes).toEqual(['Longer opening hours do not change staff time, which FTEs set']);
    });

    it('adds half a technologist FTE, which brings the quarter under target', async () => {
      // 1.5 FTE × 414.8 = 622.2 h: 480 / 622.2 = 0.771456; gap 1.446480 − 1.5 = −0.053520.
      const answer = await needs('add=technologist:0.5');
      const tech = row(answer, 'technologist');
      expect([tech.currentCount, tech.horizon.count]).toEqual([1, 1.5]);
      expect(tech.horizon.availableHours).toBeCloseTo(622.2, 9);
      expect(tech.horizon.utilization.expected).toBeCloseTo(0.771456, 6);
      expect(tech.horizon.gap.expected).toBeCloseTo(-0.05352, 6);
      expect([tech.aboveTarget, tech.additionalUnitsNeeded]).toEqual([false, 0]);
      expect(row(answer, 'mri_scanner').horizon.count).toBe(1);
    });

    it('removes the scanner: nothing available, one unit needed', async () => {
      const mri = row(await needs('add=RAD/mri_scanner:-1'), 'mri_scanner');
      expect([mri.horizon.count, mri.horizon.availableHours, mri.horizon.utilization.expected]).toEqual([0, 0, null]);
      expect(mri.horizon.gap.expected).toBeCloseTo(0.922131, 6);
      expect(mri.additionalUnitsNeeded).toBe(1);
    });

    it('plans at another target utilization', async () => {
      // 360 / 0.9 = 400 h required / 488 = 0.819672 units.
      const mri = row(await needs('target=0.9'), 'mri_scanner');
      expect(mri.horizon.unitsNeeded.expected).toBeCloseTo(0.819672, 6);
    });

    it('shows a user limited to a department only that department', async () => {
      expect((await needs('', imgOnly)).rows).toEqual([]);
      const refused = await t.request('GET', `${BASE}/needs?${HISTORY}&add=RAD/mri_scanner:1`, { token: imgOnly });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toBe('add: RAD has no mri_scanner in the inventories this question covers');
    });

    it('refuses bad parameters with a 400 that names them', async () => {
      for (const [query, parameter] of [
        ['horizon=19', 'horizon'],
        ['horizon=0', 'horizon'],
        ['target=0', 'target'],
        ['target=1.5', 'target'],
        ['growth=-100', 'growth'],
        ['extraHours=25', 'extraHours'],
        ['add=mri_scanner', 'add'],
        ['add=mri_scanner:-2', 'add'],
        ['add=ct_scanner:1', 'add'],
        ['historyEnd=2024-13', 'historyEnd'],
        ['historyMonths=3', 'historyMonths'],
        ['resourceType=ct_scanner', 'resourceType'],
      ] as const) {
        const response = await t.get(`${BASE}/needs?${query}`);
        expect(`${query} ${response.status}`).toBe(`${query} 400`);
        expect(((await response.json()) as { message: string }).message.startsWith(`${parameter}: `)).toBe(true);
      }
      const forecast = await t.get(`${BASE}/forecast?section=xray`);
      expect(((await forecast.json()) as { message: string }).message).toMatch(/^section: "xray" is not one of/);
    });
  });

  it('fits the page’s first forecasts ahead, once per version of the data', async () => {
    const warmer = t.app.get(CapacityWarmer);
    expect(await warmer.warm()).toBe(true);
    // Nothing changed: nothing to fit again.
    expect(await warmer.warm()).toBe(false);
    await t.importCsv('encounter_id,patient_id,service_date,department,code,units\nW1,PW1,2024-12-20,RAD,70551,1\n');
    expect(await warmer.warm()).toBe(true);
  });
});
