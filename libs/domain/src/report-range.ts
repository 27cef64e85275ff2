// The date range a saved report exports, resolved on the day it runs: "last month" in a
// monthly schedule is always the month that just ended.

import { addDays, addMonths, type IsoDate } from './dates.js';
import { periodStart } from './periods.js';

export const REPORT_RANGE_PRESETS = ['last_month', 'last_quarter', 'last_12_months', 'year_to_date', 'previous_year', 'fixed'] as const;
export type ReportRangePreset = (typeof REPORT_RANGE_PRESETS)[number];

export interface ResolvedRange {
  from: IsoDate;
  to: IsoDate;
}

const CALENDAR = { fiscalYearStartMonth: 1 };

/**
 * The inclusive range of a preset on `today`: whole months and quarters that have ended,
 * the 12 whole months before this one (the dashboard's default), this year up to
 * yesterday (today's lines may still be coming), or the last calendar year.
 */
export function resolveReportRange(preset: Exclude<ReportRangePreset, 'fixed'>, today: IsoDate): ResolvedRange {
  const month = periodStart(today, 'month', CALENDAR);
  switch (preset) {
    case 'last_month':
      return { from: addMonths(month, -1), to: addDays(month, -1) };
    case 'last_quarter': {
      const quarter = periodStart(today, 'quarter', CALENDAR);
      return { from: addMonths(quarter, -3), to: addDays(quarter, -1) };
    }
    case 'last_12_months':
      return { from: addMonths(month, -12), to: addDays(month, -1) };
    case 'year_to_date': {
      const year = periodStart(today, 'year', CALENDAR);
      // On 1 January "this year so far" is empty: the whole day of the 1st is still to come.
      return { from: year, to: today === year ? year : addDays(today, -1) };
    }
    case 'previous_year': {
      const year = periodStart(today, 'year', CALENDAR);
      return { from: addMonths(year, -12), to: addDays(year, -1) };
    }
  }
}
