/**
 * Calendar arithmetic on UTC day numbers (days since 1970-01-01), so no time zone can
 * shift a date of service.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month0: number, day: number): number {
  return Math.round(Date.UTC(year, month0, day) / MS_PER_DAY);
}

/** Parses a real calendar date `YYYY-MM-DD`; returns undefined for anything else. */
export function parseIsoDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const n = dayNumber(y, mo, d);
  const back = new Date(n * MS_PER_DAY);
  const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo && back.getUTCDate() === d;
  return real ? n : undefined;
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** First day of the span of `years` whole years that ends on `endDay` (inclusive). */
export function spanStart(endDay: number, years: number): number {
  const end = new Date(endDay * MS_PER_DAY);
  const y = end.getUTCFullYear() - years;
  const m = end.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayNumber(y, m, Math.min(end.getUTCDate(), lastOfMonth)) + 1;
}

function nthWeekday(year: number, month0: number, weekday: number, n: number): number {
  const first = dayNumber(year, month0, 1);
  const dow = (first + 4) % 7; // 1970-01-01 was a Thursday
  return first + ((weekday - dow + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month0: number, weekday: number): number {
  const last = dayNumber(year, month0 + 1, 0);
  return last - ((((last + 4) % 7) - weekday + 7) % 7);
}

/** Saturday holidays are observed on Friday, Sunday ones on Monday (5 U.S.C. 6103). */
function observed(day: number): number {
  const dow = (day + 4) % 7;
  return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
}

/** US federal holidays (observed dates) of one year. */
export function federalHolidays(year: number): number[] {
  const days = [
    observed(dayNumber(year, 0, 1)),
    nthWeekday(year, 0, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 1, 1, 3), // Washington's Birthday
    lastWeekday(year, 4, 1), // Memorial Day
    observed(dayNumber(year, 6, 4)),
    nthWeekday(year, 8, 1, 1), // Labor Day
    nthWeekday(year, 9, 1, 2), // Columbus Day
    observed(dayNumber(year, 10, 11)),
    nthWeekday(year, 10, 4, 4), // Thanksgiving
    observed(dayNumber(year, 11, 25)),
  ];
  if (year >= 2021) days.push(observed(dayNumber(year, 5, 19))); // Juneteenth
  return days;
}

/** Per-day facts of a date span, precomputed once (a few thousand days at most). */
export interface CalendarSpan {
  readonly start: number;
  readonly days: number;
  readonly iso: readonly string[];
  /** `YYYYMMDD`, for encounter ids. */
  readonly compact: readonly string[];
  readonly dow: Uint8Array;
  readonly month: Uint8Array;
  readonly year: Uint16Array;
  readonly dayOfYear: Uint16Array;
  /** 0 ordinary, 1 federal holiday, 2 Christmas Eve or New Year's Eve (short day). */
  readonly holiday: Uint8Array;
}

export function calendarSpan(start: number, end: number): CalendarSpan {
  const days = end - start + 1;
  const span = {
    start,
    days,
    iso: new Array<string>(days),
    compact: new Array<string>(days),
    dow: new Uint8Array(days),
    month: new Uint8Array(days),
    year: new Uint16Array(days),
    dayOfYear: new Uint16Array(days),
    holiday: new Uint8Array(days),
  };
  const holidays = new Set<number>();
  const firstYear = new Date(start * MS_PER_DAY).getUTCFullYear();
  const lastYear = new Date(end * MS_PER_DAY).getUTCFullYear();
  for (let y = firstYear - 1; y <= lastYear + 1; y++) federalHolidays(y).forEach((d) => holidays.add(d));
  for (let i = 0; i < days; i++) {
    const day = start + i;
    const date = new Date(day * MS_PER_DAY);
    const iso = date.toISOString().slice(0, 10);
    const month = date.getUTCMonth();
    const dom = date.getUTCDate();
    span.iso[i] = iso;
    span.compact[i] = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
    span.dow[i] = date.getUTCDay();
    span.month[i] = month;
    span.year[i] = date.getUTCFullYear();
    span.dayOfYear[i] = day - dayNumber(date.getUTCFullYear(), 0, 1);
    const shortDay = month === 11 && (dom === 24 || dom === 31);
    span.holiday[i] = holidays.has(day) ? 1 : shortDay ? 2 : 0;
  }
  return span;
}
