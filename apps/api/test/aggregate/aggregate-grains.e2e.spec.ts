import type { TestApp } from '../support/test-app.js';
import { aggregate, byLabels, column, startScenarioApp } from './scenario.js';

// Expected numbers: hand-worked from ../fixtures/aggregate/README.md (lines L1 … L44).
describe('aggregate periods (fiscal year starting in July, the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startScenarioApp();
  });
  afterAll(() => t.close());

  it('labels days as YYYY-MM-DD, leap day included, and fills a day without lines', async () => {
    const answer = await aggregate(t, 'measures=lines,encounters,patients,charges&groupBy=period&grain=day&from=2024-02-27&to=2024-03-01');
    expect(answer.rows).toEqual([
      { period: '2024-02-27', lines: 0, encounters: 0, patients: 0, charges: 0 },
      { period: '2024-02-28', lines: 1, encounters: 1, patients: 1, charges: 120 }, // L9
      { period: '2024-02-29', lines: 2, encounters: 1, patients: 1, charges: 900.1 }, // L10 900.00 + L11 0.10, both E12 / P06
      { period: '2024-03-01', lines: 1, encounters: 1, patients: 1, charges: 30 }, // L12
    ]);
    expect(answer.meta).toMatchObject({ grain: 'day', rowCount: 4 });
  });

  it('labels ISO weeks and keeps week 53 of 2020 (2020-12-28 … 2021-01-03) whole across the new year', async () => {
    const answer = await aggregate(t, 'measures=lines,units,encounters,patients,charges&groupBy=period&grain=week&from=2020-12-21&to=2021-01-10');
    expect(answer.rows).toEqual([
      { period: '2020-W52', lines: 1, units: 1, encounters: 1, patients: 1, charges: 100 }, // L1 (Sunday 2020-12-27)
      // L2 (Mon 12-28) L3 (12-31) L4 (01-01) L5 (Sun 01-03): patients P02 P03 P02 P04; 50 + 120 + 30 + 33.33
      { period: '2020-W53', lines: 4, units: 4, encounters: 4, patients: 3, charges: 233.33 },
      { period: '2021-W01', lines: 1, units: 1, encounters: 1, patients: 1, charges: 150 }, // L6 (Monday 2021-01-04)
    ]);
  });

  it('labels a week by its ISO year: 2024-12-31 and 2025-01-01 are both in 2025-W01', async () => {
    // 2024-W52 = 2024-12-23 … 12-29 (no lines); 2025-W01 = 2024-12-30 … 2025-01-05: L20 L21 L22 (12-31), L23 (01-01).
    const answer = await aggregate(t, 'measures=lines,encounters,patients&groupBy=period&grain=week&from=2024-12-23&to=2025-01-05');
    expect(answer.rows).toEqual([
      { period: '2024-W52', lines: 0, encounters: 0, patients: 0 },
      { period: '2025-W01', lines: 4, encounters: 3, patients: 3 }, // E20 (2 lines) E21 E22; P06 P11 P02
    ]);
  });

  it('labels a period cut by the range with its whole label but counts only the days inside the range', async () => {
    // 2020-12-30 … 2021-01-02 lies inside 2020-W53: only L3 (12-31) and L4 (01-01).
    const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=week&from=2020-12-30&to=2021-01-02');
    expect(answer.rows).toEqual([{ period: '2020-W53', lines: 2 }]);
  });

  it('labels months and fills the months without lines with zeros and a null rate', async () => {
    const answer = await aggregate(t, 'measures=lines,charges,denial_rate&groupBy=period&grain=month&from=2025-01-01&to=2025-12-31');
    expect(column(answer.rows, 'period')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    // L23 | L24 | L25 L26 L27 | – | L28 | L29 | L30 | L31 | – | L32 | L33 L34 | L35 L36
    expect(column(answer.rows, 'lines')).toEqual([1, 1, 3, 0, 1, 1, 1, 1, 0, 1, 2, 2]);
    // 100 | 33.33 | 120+150+50 | 0 | 80 | 30 | 100 | 0.20 | 0 | 33.33 | 150+80 | 400+100
    expect(column(answer.rows, 'charges')).toEqual([100, 33.33, 320, 0, 80, 30, 100, 0.2, 0, 33.33, 230, 500]);
    // March: L25 denied / (L25, L26) with L27 pending; April and September have nothing; December: L35 pending, L36 paid.
    expect(column(answer.rows, 'denial_rate')).toEqual([0, 0, 0.5, null, 0, 0, 0, 0, null, 0, 0, 0]);
    expect(answer.totals).toEqual({ lines: 14, charges: 1426.86, denial_rate: 1 / 12 }); // 14 lines; 1 denied (L25) of 12 adjudicated (L27, L35 pending)
    expect(answer.meta.rowCount).toBe(12);
  });

  it('labels quarters and splits them at 31 March / 1 April', async () => {
    const answer = await aggregate(t, 'measures=lines,paid&groupBy=period&grain=quarter&from=2024-01-01&to=2024-12-31');
    expect(answer.rows).toEqual([
      { period: '2024-Q1', lines: 7, paid: 280.1 }, // L7–L13: 96 + 32 + 72 + 0 (denied) + 0.10 + 16 + 64 (L13 on 03-31)
      { period: '2024-Q2', lines: 3, paid: 12160 }, // L14 (04-01) 12,000 + L15 160 + L16 0 (pending)
      { period: '2024-Q3', lines: 2, paid: 75.11 }, // L17 64 + L18 11.11
      { period: '2024-Q4', lines: 4, paid: 360.2 }, // L19 0 (denied) + L20 360 + L21 0.20 + L22 0 (pending)
    ]);
    expect(answer.totals).toEqual({ lines: 16, paid: 12875.41 }); // 280.10 + 12,160 + 75.11 + 360.20
  });

  it('labels years and fills 2022 and 2023, which have no lines', async () => {
    const answer = await aggregate(t, 'measures=lines,charges&groupBy=period&grain=year&from=2020-01-01&to=2026-12-31');
    expect(answer.rows).toEqual([
      { period: '2020', lines: 3, charges: 270 }, // 100 + 50 + 120
      { period: '2021', lines: 3, charges: 213.33 }, // 30 + 33.33 + 150
      { period: '2022', lines: 0, charges: 0 },
      { period: '2023', lines: 0, charges: 0 },
      { period: '2024', lines: 16, charges: 28303.63 }, // L7–L22
      { period: '2025', lines: 14, charges: 1426.86 }, // L23–L36
      { period: '2026', lines: 8, charges: 26316.66 }, // L37–L44: 50 + 900 + 30 + 33.33 + 25,000 + 150 + 120 + 33.33
    ]);
    expect(answer.totals).toEqual({ lines: 44, charges: 56530.48 });
  });

  it('labels fiscal years starting in July by the year in which they end', async () => {
    const answer = await aggregate(t, 'measures=lines,paid&groupBy=period&grain=fiscal_year&from=2024-01-01&to=2026-10-31');
    expect(answer.rows).toEqual([
      { period: 'FY2024', lines: 10, paid: 12440.1 }, // L7–L16 (2024-01-01 … 2024-06-30): Q1 280.10 + Q2 12,160
      { period: 'FY2025', lines: 13, paid: 670.42 }, // L17–L29: 64 + 11.11 + 0 + 360 + 0.20 + 0 + 64 + 11.11 + 0 + 96 + 0 + 48 + 16
      { period: 'FY2026', lines: 12, paid: 702.42 }, // L30–L41: 64 + 0.20 + 11.11 + 96 + 48 + 0 + 64 + 32 + 360 + 16 + 11.11 + 0 (L41 denied)
      { period: 'FY2027', lines: 2, paid: 168 }, // L42 96 + L43 72 (L44 on 2026-11-02 is after to)
    ]);
  });

  it('splits fiscal years starting in July between 30 June and 1 July', async () => {
    const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=fiscal_year&from=2024-06-30&to=2024-07-01');
    expect(answer.rows).toEqual([
      { period: 'FY2024', lines: 1 }, // L16, 2024-06-30
      { period: 'FY2025', lines: 1 }, // L17, 2024-07-01
    ]);
  });

  it('with period alone, makes every period of the range a row even when the range has no lines', async () => {
    const answer = await aggregate(t, 'measures=lines,denial_rate&groupBy=period&grain=quarter&from=2022-01-01&to=2022-12-31');
    expect(answer.rows).toEqual([
      { period: '2022-Q1', lines: 0, denial_rate: null },
      { period: '2022-Q2', lines: 0, denial_rate: null },
      { period: '2022-Q3', lines: 0, denial_rate: null },
      { period: '2022-Q4', lines: 0, denial_rate: null },
    ]);
    expect(answer.totals).toEqual({ lines: 0, denial_rate: null });
  });

  it('with period and department, fills every period for each department active in the range and none for the others', async () => {
    const answer = await aggregate(t, 'measures=lines&groupBy=period,department&grain=month&from=2025-01-01&to=2025-06-30');
    // Active in 2025-01 … 2025-06: CARD (L23 Jan, L26 L27 Mar), LAB (L24 Feb, L29 Jun), RAD (L25 Mar), ORTH (L28 May).
    // ONC has lines only on 2024-12-31 and 2025-12-15, so it has no rows: 4 departments × 6 months = 24 rows.
    expect(answer.rows).toHaveLength(24);
    expect(answer.meta.rowCount).toBe(24);
    const expected: Record<string, number[]> = {
      CARD: [1, 0, 2, 0, 0, 0],
      LAB: [0, 1, 0, 0, 0, 1],
      ORTH: [0, 0, 0, 0, 1, 0],
      RAD: [0, 0, 1, 0, 0, 0],
    };
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    const rows = byLabels(answer.rows, 'period', 'department');
    const seen: Record<string, number> = {};
    for (const [department, lines] of Object.entries(expected)) {
      months.forEach((month, i) => {
        seen[`${month}|${department}`] = lines[i]!;
      });
    }
    expect(Object.fromEntries(Object.entries(rows).map(([key, row]) => [key, row['lines']]))).toEqual(seen);
    expect(answer.rows.some((row) => row['department'] === 'ONC')).toBe(false);
    expect(answer.totals).toEqual({ lines: 7 }); // L23 – L29
  });

  it('with period and provider, fills the periods of lines without an NPI under a null provider', async () => {
    // 2020: L1 L2 (N1 1234567893), L3 (no NPI); 2021: L6 (N1), L4 L5 (no NPI).
    const answer = await aggregate(t, 'measures=lines&groupBy=period,provider&grain=year&from=2020-01-01&to=2022-12-31');
    const rows = byLabels(answer.rows, 'period', 'provider');
    expect(Object.fromEntries(Object.entries(rows).map(([key, row]) => [key, row['lines']]))).toEqual({
      '2020|1234567893': 2,
      '2020|null': 1,
      '2021|1234567893': 1,
      '2021|null': 2,
      '2022|1234567893': 0,
      '2022|null': 0,
    });
    expect(answer.rows.filter((row) => row['provider'] === null)).toHaveLength(3);
  });
});

describe('aggregate periods with CASELOAD_FISCAL_YEAR_START=10', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startScenarioApp({ CASELOAD_FISCAL_YEAR_START: '10' });
  });
  afterAll(() => t.close());

  it('labels fiscal years starting in October by the year in which they end', async () => {
    // FY2024 = 2023-10-01 … 2024-09-30, FY2025 = 2024-10-01 … 2025-09-30, and so on.
    const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=fiscal_year&from=2024-01-01&to=2026-10-31');
    expect(answer.rows).toEqual([
      { period: 'FY2024', lines: 12 }, // L7–L18 (L18 on 2024-09-30)
      { period: 'FY2025', lines: 13 }, // L19 (2024-10-01) – L31
      { period: 'FY2026', lines: 11 }, // L32 (2025-10-31) – L42
      { period: 'FY2027', lines: 1 }, // L43 (2026-10-31)
    ]);
  });

  it('splits fiscal years starting in October between 30 September and 1 October, not at 1 July', async () => {
    const october = await aggregate(t, 'measures=lines&groupBy=period&grain=fiscal_year&from=2024-09-30&to=2024-10-01');
    expect(october.rows).toEqual([
      { period: 'FY2024', lines: 1 }, // L18
      { period: 'FY2025', lines: 1 }, // L19
    ]);
    const july = await aggregate(t, 'measures=lines&groupBy=period&grain=fiscal_year&from=2024-06-30&to=2024-07-01');
    expect(july.rows).toEqual([{ period: 'FY2024', lines: 2 }]); // L16 and L17, both in FY2024
  });

  it('leaves the other grains alone', async () => {
    const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=quarter&from=2024-07-01&to=2024-12-31');
    expect(answer.rows).toEqual([
      { period: '2024-Q3', lines: 2 }, // L17 L18
      { period: '2024-Q4', lines: 4 }, // L19 – L22
    ]);
  });
});
