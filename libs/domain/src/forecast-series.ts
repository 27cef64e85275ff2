// Turning period rows into the regular series a forecast needs, and naming the
// periods a forecast covers.

import { type IsoDate } from './dates.js';
import { enumeratePeriods, nextPeriodStart, parsePeriodLabel, periodLabel, type PeriodOptions } from './periods.js';

export type SeriesGrain = 'week' | 'month';

// Weeks and months do not depend on the fiscal year.
const CALENDAR: PeriodOptions = { fiscalYearStartMonth: 1 };

/** Periods per season: a year of months or of (52) ISO weeks. */
export function seasonLengthOf(grain: SeriesGrain): 12 | 52 {
  return grain === 'month' ? 12 : 52;
}

/**
 * One value per period of `from..to`, oldest first: periods without a row are zero,
 * rows of the same period add up, rows outside the range are left out.
 */
export function completeSeries(
  rows: readonly { period: string; value: number }[],
  from: IsoDate,
  to: IsoDate,
  grain: SeriesGrain,
): { periods: string[]; values: number[] } {
  const periods = enumeratePeriods(from, to, grain, CALENDAR).map((p) => p.label);
  const index = new Map(periods.map((label, i) => [label, i]));
  const values = periods.map(() => 0);
  for (const row of rows) {
    const i = index.get(row.period);
    if (i !== undefined && Number.isFinite(row.value)) values[i] = values[i]! + row.value;
  }
  return { periods, values };
}

/** Labels of the `count` periods after `lastPeriod`, e.g. 2025-12 → 2026-01, 2026-02, … */
export function followingPeriods(lastPeriod: string, grain: SeriesGrain, count: number): string[] {
  const parsed = parsePeriodLabel(lastPeriod, grain, CALENDAR);
  if (parsed === null) throw new RangeError(`not a ${grain} label: "${lastPeriod}"`);
  const labels: string[] = [];
  let start = parsed.start;
  for (let i = 0; i < count; i++) {
    start = nextPeriodStart(start, grain, CALENDAR);
    labels.push(periodLabel(start, grain, CALENDAR));
  }
  return labels;
}
