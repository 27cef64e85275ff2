import { addDays, addMonths, formatIsoDate, partsOf, periodStart } from '@caseload/domain';
import type { IsoDate } from '@caseload/domain';
import type { RangeFilter } from './dashboard-filters';
import { FISCAL_YEAR_START_MONTH } from './fiscal-year';

/** Inclusive calendar dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The dates a range filter covers on `today` (the viewer's calendar date):
 * - last 12 months: the 12 whole months before this one (the API's default range);
 * - year to date: 1 January to today;
 * - fiscal year to date: the first day of the current fiscal year to today;
 * - previous fiscal year: the whole fiscal year before the current one;
 * - custom: its own dates.
 */
export function resolveDateRange(range: RangeFilter, today: IsoDate, fiscalYearStartMonth = FISCAL_YEAR_START_MONTH): DateRange {
  const fiscal = { fiscalYearStartMonth };
  switch (range.preset) {
    case 'custom':
      return { from: range.from, to: range.to };
    case 'last_12_months': {
      const monthStart = periodStart(today, 'month', fiscal);
      return { from: addMonths(monthStart, -12), to: addDays(monthStart, -1) };
    }
    case 'year_to_date':
      return { from: formatIsoDate({ year: partsOf(today).year, month: 1, day: 1 }), to: today };
    case 'fiscal_year_to_date':
      return { from: periodStart(today, 'fiscal_year', fiscal), to: today };
    case 'previous_fiscal_year': {
      const yearStart = periodStart(today, 'fiscal_year', fiscal);
      return { from: addMonths(yearStart, -12), to: addDays(yearStart, -1) };
    }
  }
}
