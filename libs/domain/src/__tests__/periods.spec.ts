import {
  enumeratePeriods,
  GRAINS,
  isGrain,
  isoWeeksInYear,
  labelOneYearEarlier,
  nextPeriodStart,
  parsePeriodLabel,
  periodEnd,
  periodLabel,
  periodStart,
  previousPeriodStart,
  type Grain,
} from '../periods.js';

const july = { fiscalYearStartMonth: 7 };
const january = { fiscalYearStartMonth: 1 };
const october = { fiscalYearStartMonth: 10 };

describe('periodLabel', () => {
  it.each<[string, Grain, string]>([
    ['2025-03-07', 'day', '2025-03-07'],
    ['2025-03-07', 'week', '2025-W10'],
    ['2025-03-07', 'month', '2025-03'],
    ['2025-03-07', 'quarter', '2025-Q1'],
    ['2025-03-31', 'quarter', '2025-Q1'],
    ['2025-04-01', 'quarter', '2025-Q2'],
    ['2024-12-31', 'quarter', '2024-Q4'],
    ['2025-03-07', 'year', '2025'],
    ['2025-03-07', 'fiscal_year', 'FY2025'],
  ])('labels %s by %s as %s', (d, grain, label) => {
    expect(periodLabel(d, grain, july)).toBe(label);
  });

  it.each([
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
  ])('puts %s in ISO week %s', (d, label) => {
    expect(periodLabel(d, 'week', july)).toBe(label);
  });

  it('labels a July fiscal year by the year in which it ends', () => {
    expect(periodLabel('2024-06-30', 'fiscal_year', july)).toBe('FY2024');
    expect(periodLabel('2024-07-01', 'fiscal_year', july)).toBe('FY2025');
    expect(periodLabel('2025-06-30', 'fiscal_year', july)).toBe('FY2025');
  });

  it('makes a January fiscal year the calendar year', () => {
    expect(periodLabel('2024-12-31', 'fiscal_year', january)).toBe('FY2024');
    expect(periodLabel('2025-01-01', 'fiscal_year', january)).toBe('FY2025');
  });

  it('handles an October fiscal year', () => {
    expect(periodLabel('2024-09-30', 'fiscal_year', october)).toBe('FY2024');
    expect(periodLabel('2024-10-01', 'fiscal_year', october)).toBe('FY2025');
  });

  it('refuses a fiscal start month outside 1..12', () => {
    expect(() => periodLabel('2025-01-01', 'fiscal_year', { fiscalYearStartMonth: 13 })).toThrow(RangeError);
  });
});

describe('period boundaries', () => {
  it.each<[string, Grain, string, string]>([
    ['2025-03-07', 'day', '2025-03-07', '2025-03-07'],
    ['2025-03-07', 'week', '2025-03-03', '2025-03-09'],
    ['2025-01-01', 'week', '2024-12-30', '2025-01-05'],
    ['2024-02-14', 'month', '2024-02-01', '2024-02-29'],
    ['2025-02-14', 'month', '2025-02-01', '2025-02-28'],
    ['2025-08-20', 'quarter', '2025-07-01', '2025-09-30'],
    ['2025-08-20', 'year', '2025-01-01', '2025-12-31'],
    ['2025-08-20', 'fiscal_year', '2025-07-01', '2026-06-30'],
    ['2025-03-07', 'fiscal_year', '2024-07-01', '2025-06-30'],
  ])('the %s period of %s runs %s..%s', (d, grain, start, end) => {
    expect(periodStart(d, grain, july)).toBe(start);
    expect(periodEnd(start, grain, july)).toBe(end);
  });

  it('steps to the next and previous period', () => {
    expect(nextPeriodStart('2024-12-30', 'week', july)).toBe('2025-01-06');
    expect(previousPeriodStart('2024-12-30', 'week', july)).toBe('2024-12-23');
    expect(nextPeriodStart('2025-12-01', 'month', july)).toBe('2026-01-01');
    expect(previousPeriodStart('2025-01-01', 'month', july)).toBe('2024-12-01');
    expect(previousPeriodStart('2025-01-01', 'quarter', july)).toBe('2024-10-01');
    expect(nextPeriodStart('2024-07-01', 'fiscal_year', july)).toBe('2025-07-01');
    expect(previousPeriodStart('2024-07-01', 'fiscal_year', july)).toBe('2023-07-01');
    expect(previousPeriodStart('2025-03-01', 'day', july)).toBe('2025-02-28');
  });
});

describe('parsePeriodLabel', () => {
  it.each<[string, Grain, string, string]>([
    ['2024-02-29', 'day', '2024-02-29', '2024-02-29'],
    ['2025-W01', 'week', '2024-12-30', '2025-01-05'],
    ['2020-W53', 'week', '2020-12-28', '2021-01-03'],
    ['2026-W53', 'week', '2026-12-28', '2027-01-03'],
    ['2025-W10', 'week', '2025-03-03', '2025-03-09'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2025-Q4', 'quarter', '2025-10-01', '2025-12-31'],
    ['2025', 'year', '2025-01-01', '2025-12-31'],
    ['FY2025', 'fiscal_year', '2024-07-01', '2025-06-30'],
  ])('reads %s (%s) as %s..%s', (label, grain, start, end) => {
    expect(parsePeriodLabel(label, grain, july)).toEqual({ start, end });
  });

  it('reads a fiscal label with the configured start month', () => {
    expect(parsePeriodLabel('FY2025', 'fiscal_year', january)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(parsePeriodLabel('FY2025', 'fiscal_year', october)).toEqual({ start: '2024-10-01', end: '2025-09-30' });
  });

  it.each<[string, Grain]>([
    ['2025-02-29', 'day'],
    ['2025-3-07', 'day'],
    ['2025-W53', 'week'],
    ['2021-W53', 'week'],
    ['2025-W00', 'week'],
    ['2025-W1', 'week'],
    ['2025-w10', 'week'],
    ['2025-13', 'month'],
    ['2025-00', 'month'],
    ['2025-3', 'month'],
    ['2025-Q5', 'quarter'],
    ['2025-Q0', 'quarter'],
    ['25', 'year'],
    ['fy2025', 'fiscal_year'],
    ['2025', 'fiscal_year'],
    ['2025-03', 'quarter'],
  ])('refuses %p as a %s label', (label, grain) => {
    expect(parsePeriodLabel(label, grain, july)).toBeNull();
  });

  it('round-trips every label of a range, for every grain', () => {
    for (const opts of [january, july, october]) {
      for (const grain of GRAINS) {
        for (const p of enumeratePeriods('2019-11-20', '2027-02-10', grain, opts)) {
          expect(periodLabel(p.start, grain, opts)).toBe(p.label);
          expect(parsePeriodLabel(p.label, grain, opts)).toEqual({ start: p.start, end: p.end });
        }
      }
    }
  });
});

describe('enumeratePeriods', () => {
  it('lists days across a year end', () => {
    expect(enumeratePeriods('2024-12-30', '2025-01-02', 'day', july)).toEqual([
      { label: '2024-12-30', start: '2024-12-30', end: '2024-12-30' },
      { label: '2024-12-31', start: '2024-12-31', end: '2024-12-31' },
      { label: '2025-01-01', start: '2025-01-01', end: '2025-01-01' },
      { label: '2025-01-02', start: '2025-01-02', end: '2025-01-02' },
    ]);
  });

  it('lists whole ISO weeks across a year end', () => {
    expect(enumeratePeriods('2024-12-25', '2025-01-08', 'week', july)).toEqual([
      { label: '2024-W52', start: '2024-12-23', end: '2024-12-29' },
      { label: '2025-W01', start: '2024-12-30', end: '2025-01-05' },
      { label: '2025-W02', start: '2025-01-06', end: '2025-01-12' },
    ]);
  });

  it('lists week 53 of a 53-week year', () => {
    expect(enumeratePeriods('2020-12-20', '2021-01-10', 'week', july)).toEqual([
      { label: '2020-W51', start: '2020-12-14', end: '2020-12-20' },
      { label: '2020-W52', start: '2020-12-21', end: '2020-12-27' },
      { label: '2020-W53', start: '2020-12-28', end: '2021-01-03' },
      { label: '2021-W01', start: '2021-01-04', end: '2021-01-10' },
    ]);
  });

  it('lists whole months across a year end', () => {
    expect(enumeratePeriods('2024-11-15', '2025-02-10', 'month', july)).toEqual([
      { label: '2024-11', start: '2024-11-01', end: '2024-11-30' },
      { label: '2024-12', start: '2024-12-01', end: '2024-12-31' },
      { label: '2025-01', start: '2025-01-01', end: '2025-01-31' },
      { label: '2025-02', start: '2025-02-01', end: '2025-02-28' },
    ]);
  });

  it('lists whole quarters across a year end', () => {
    expect(enumeratePeriods('2024-11-15', '2025-04-01', 'quarter', july)).toEqual([
      { label: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
      { label: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
      { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' },
    ]);
  });

  it('lists whole years', () => {
    expect(enumeratePeriods('2023-06-01', '2025-01-01', 'year', july)).toEqual([
      { label: '2023', start: '2023-01-01', end: '2023-12-31' },
      { label: '2024', start: '2024-01-01', end: '2024-12-31' },
      { label: '2025', start: '2025-01-01', end: '2025-12-31' },
    ]);
  });

  it('lists whole fiscal years across their boundaries', () => {
    expect(enumeratePeriods('2024-06-15', '2025-07-01', 'fiscal_year', july)).toEqual([
      { label: 'FY2024', start: '2023-07-01', end: '2024-06-30' },
      { label: 'FY2025', start: '2024-07-01', end: '2025-06-30' },
      { label: 'FY2026', start: '2025-07-01', end: '2026-06-30' },
    ]);
    expect(enumeratePeriods('2024-12-31', '2025-01-01', 'fiscal_year', january)).toEqual([
      { label: 'FY2024', start: '2024-01-01', end: '2024-12-31' },
      { label: 'FY2025', start: '2025-01-01', end: '2025-12-31' },
    ]);
  });

  it('gives one period for a range inside it and none for a reversed range', () => {
    expect(enumeratePeriods('2025-03-03', '2025-03-04', 'month', july)).toEqual([
      { label: '2025-03', start: '2025-03-01', end: '2025-03-31' },
    ]);
    expect(enumeratePeriods('2025-03-04', '2025-03-03', 'day', july)).toEqual([]);
  });
});

describe('labelOneYearEarlier', () => {
  it.each<[string, Grain, string | null]>([
    ['2025-03-07', 'day', '2024-03-07'],
    ['2025-02-28', 'day', '2024-02-28'],
    ['2024-02-29', 'day', null],
    ['2025-W10', 'week', '2024-W10'],
    ['2025-W01', 'week', '2024-W01'],
    ['2021-W52', 'week', '2020-W52'],
    // 2019 and 2025 have 52 weeks; two 53-week years never follow each other.
    ['2020-W53', 'week', null],
    ['2026-W53', 'week', null],
    // 2021 and 2027 have no week 53 at all.
    ['2021-W53', 'week', null],
    ['2027-W53', 'week', null],
    ['2025-03', 'month', '2024-03'],
    ['2025-01', 'month', '2024-01'],
    ['2025-Q1', 'quarter', '2024-Q1'],
    ['2025', 'year', '2024'],
    ['FY2025', 'fiscal_year', 'FY2024'],
  ])('turns %s (%s) into %p', (label, grain, earlier) => {
    expect(labelOneYearEarlier(label, grain)).toBe(earlier);
  });

  it.each<[string, Grain]>([
    ['2025-02-30', 'day'],
    ['2025-W54', 'week'],
    ['2025-13', 'month'],
    ['2025-Q5', 'quarter'],
    ['FY25', 'fiscal_year'],
    ['2025-03', 'year'],
  ])('returns null for the malformed %p (%s)', (label, grain) => {
    expect(labelOneYearEarlier(label, grain)).toBeNull();
  });
});

describe('isoWeeksInYear', () => {
  it.each([
    [2004, 53],
    [2009, 53],
    [2015, 53],
    [2020, 53],
    [2026, 53],
    [2032, 53],
    [2019, 52],
    [2021, 52],
    [2024, 52],
    [2025, 52],
    [2027, 52],
  ])('%i has %i weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });
});

describe('isGrain', () => {
  it('knows the grains and nothing else', () => {
    expect(GRAINS.every(isGrain)).toBe(true);
    expect(isGrain('fortnight')).toBe(false);
    expect(isGrain('Month')).toBe(false);
  });
});
