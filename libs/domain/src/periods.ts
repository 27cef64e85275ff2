import {
  addDays,
  addMonths,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isoWeekday,
  isRealDate,
  partsOf,
  toDayNumber,
  type IsoDate,
} from './dates.js';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year', 'fiscal_year'] as const;
export type Grain = (typeof GRAINS)[number];

export const GRAIN_LABELS: Readonly<Record<Grain, string>> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
  fiscal_year: 'Fiscal year',
};

/** `fiscalYearStartMonth` 1..12; a fiscal year is labelled by the year in which it ends. */
export interface PeriodOptions {
  fiscalYearStartMonth: number;
}

export interface Period {
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export function isGrain(s: string): s is Grain {
  return (GRAINS as readonly string[]).includes(s);
}

export function periodStart(d: IsoDate, grain: Grain, opts: PeriodOptions): IsoDate {
  const { year, month } = partsOf(d);
  switch (grain) {
    case 'day':
      return d;
    case 'week':
      return addDays(d, 1 - isoWeekday(d));
    case 'month':
      return formatIsoDate({ year, month, day: 1 });
    case 'quarter':
      return formatIsoDate({ year, month: month - ((month - 1) % 3), day: 1 });
    case 'year':
      return formatIsoDate({ year, month: 1, day: 1 });
    case 'fiscal_year': {
      const s = fiscalStartMonth(opts);
      return formatIsoDate({ year: month >= s ? year : year - 1, month: s, day: 1 });
    }
  }
}

/** First day of the period after the one containing `start` (any day of it will do). */
export function nextPeriodStart(start: IsoDate, grain: Grain, opts: PeriodOptions): IsoDate {
  const first = periodStart(start, grain, opts);
  switch (grain) {
    case 'day':
      return addDays(first, 1);
    case 'week':
      return addDays(first, 7);
    case 'month':
      return addMonths(first, 1);
    case 'quarter':
      return addMonths(first, 3);
    case 'year':
    case 'fiscal_year':
      return addMonths(first, 12);
  }
}

export function previousPeriodStart(start: IsoDate, grain: Grain, opts: PeriodOptions): IsoDate {
  return periodStart(addDays(periodStart(start, grain, opts), -1), grain, opts);
}

/** Inclusive last day of the period containing `start`. */
export function periodEnd(start: IsoDate, grain: Grain, opts: PeriodOptions): IsoDate {
  return addDays(nextPeriodStart(start, grain, opts), -1);
}

export function periodLabel(d: IsoDate, grain: Grain, opts: PeriodOptions): string {
  const { year, month } = partsOf(d);
  switch (grain) {
    case 'day':
      return d;
    case 'week': {
      const { isoYear, week } = isoWeekOf(d);
      return `${yyyy(isoYear)}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return d.slice(0, 7);
    case 'quarter':
      return `${yyyy(year)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return yyyy(year);
    case 'fiscal_year': {
      const s = fiscalStartMonth(opts);
      const startYear = month >= s ? year : year - 1;
      return `FY${yyyy(s === 1 ? startYear : startYear + 1)}`;
    }
  }
}

const LABEL_SHAPES: Readonly<Record<Exclude<Grain, 'day'>, RegExp>> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
  fiscal_year: /^FY(\d{4})$/,
};

/** Labels are matched exactly as `periodLabel` writes them (upper-case `W`, `Q`, `FY`). */
export function parsePeriodLabel(label: string, grain: Grain, opts: PeriodOptions): { start: IsoDate; end: IsoDate } | null {
  const start = labelStart(label, grain, opts);
  return start === null ? null : { start, end: periodEnd(start, grain, opts) };
}

function labelStart(label: string, grain: Grain, opts: PeriodOptions): IsoDate | null {
  if (grain === 'day') return isIsoDate(label) ? label : null;
  const m = LABEL_SHAPES[grain].exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  switch (grain) {
    case 'week':
      return n >= 1 && n <= isoWeeksInYear(year) ? addDays(isoWeekOneMonday(year), (n - 1) * 7) : null;
    case 'month':
      return n >= 1 && n <= 12 ? formatIsoDate({ year, month: n, day: 1 }) : null;
    case 'quarter':
      return formatIsoDate({ year, month: (n - 1) * 3 + 1, day: 1 });
    case 'year':
      return formatIsoDate({ year, month: 1, day: 1 });
    case 'fiscal_year': {
      const s = fiscalStartMonth(opts);
      return formatIsoDate({ year: s === 1 ? year : year - 1, month: s, day: 1 });
    }
  }
}

/** Every period that intersects `from..to` (inclusive), whole and in order. */
export function enumeratePeriods(from: IsoDate, to: IsoDate, grain: Grain, opts: PeriodOptions): Period[] {
  const periods: Period[] = [];
  if (from > to) return periods;
  for (let start = periodStart(from, grain, opts); start <= to; ) {
    const next = nextPeriodStart(start, grain, opts);
    periods.push({ label: periodLabel(start, grain, opts), start, end: addDays(next, -1) });
    start = next;
  }
  return periods;
}

/**
 * The same-labelled period a year earlier, for year-over-year comparison; null where
 * the earlier year has no such period (week 53, 29 February) or the label is malformed.
 * Needs no fiscal options: a fiscal label carries its year.
 */
export function labelOneYearEarlier(label: string, grain: Grain): string | null {
  if (grain === 'day') {
    if (!isIsoDate(label)) return null;
    const { year, month, day } = partsOf(label);
    const earlier = { year: year - 1, month, day };
    return year > 0 && isRealDate(earlier) ? formatIsoDate(earlier) : null;
  }
  const m = LABEL_SHAPES[grain].exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year === 0) return null;
  const n = Number(m[2]);
  switch (grain) {
    case 'week': {
      const valid = n >= 1 && n <= isoWeeksInYear(year) && n <= isoWeeksInYear(year - 1);
      return valid ? `${yyyy(year - 1)}-W${m[2]}` : null;
    }
    case 'month':
      return n >= 1 && n <= 12 ? `${yyyy(year - 1)}-${m[2]}` : null;
    case 'quarter':
      return `${yyyy(year - 1)}-Q${n}`;
    case 'year':
      return yyyy(year - 1);
    case 'fiscal_year':
      return `FY${yyyy(year - 1)}`;
  }
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = isoWeekday(formatIsoDate({ year, month: 1, day: 1 }));
  return jan1 === 4 || (jan1 === 3 && daysInMonth(year, 2) === 29) ? 53 : 52;
}

/** ISO week-numbering year and week: the week belongs to the year that holds its Thursday. */
export function isoWeekOf(d: IsoDate): { isoYear: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const isoYear = partsOf(thursday).year;
  const jan1 = formatIsoDate({ year: isoYear, month: 1, day: 1 });
  return { isoYear, week: Math.floor((toDayNumber(thursday) - toDayNumber(jan1)) / 7) + 1 };
}

/** Week 1 is the week holding 4 January. */
function isoWeekOneMonday(year: number): IsoDate {
  const jan4 = formatIsoDate({ year, month: 1, day: 4 });
  return addDays(jan4, 1 - isoWeekday(jan4));
}

function fiscalStartMonth(opts: PeriodOptions): number {
  const s = opts.fiscalYearStartMonth;
  if (!Number.isInteger(s) || s < 1 || s > 12) {
    throw new RangeError(`fiscalYearStartMonth must be a whole number from 1 to 12 (got ${s})`);
  }
  return s;
}

function yyyy(year: number): string {
  return String(year).padStart(4, '0');
}
