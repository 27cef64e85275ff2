// Dates of service are calendar dates. All arithmetic runs on integer day numbers
// (days since 1970-01-01 in the proleptic Gregorian calendar) so that no time zone,
// daylight-saving shift or two-digit-year quirk of `Date` can move a date.

export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_SHAPE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(p: DateParts): boolean {
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

export function formatIsoDate(p: DateParts): IsoDate {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_SHAPE.exec(s);
  return m !== null && isRealDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

/**
 * The parts of a date written `YYYY-MM-DD` or `M/D/YYYY`, without checking that the
 * date exists, so that a caller can tell "unreadable" from "no such day".
 */
export function readDateShape(text: string): DateParts | null {
  const s = text.trim();
  const iso = ISO_SHAPE.exec(s);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const us = US_SHAPE.exec(s);
  if (us) return { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) };
  return null;
}

export function parseServiceDate(text: string): IsoDate | null {
  const parts = readDateShape(text);
  return parts !== null && isRealDate(parts) ? formatIsoDate(parts) : null;
}

export function partsOf(d: IsoDate): DateParts {
  const m = ISO_SHAPE.exec(d);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  // A malformed date here is a programming error, not user input: fail loudly.
  if (parts === null || !isRealDate(parts)) throw new RangeError(`not a calendar date: "${d}"`);
  return parts;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic.
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = partsOf(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Clamps to the last day of the target month: 2025-01-31 + 1 month = 2025-02-28. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = partsOf(d);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** 29 February becomes 28 February in a common year. */
export function addYears(d: IsoDate, n: number): IsoDate {
  return addMonths(d, n * 12);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(d: IsoDate): number {
  return mod(toDayNumber(d) + 3, 7) + 1;
}

// Zero-padded ISO dates order the same as strings and as days.
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function isValidTimeZone(tz: string): boolean {
  if (tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date that a clock on the wall in `timeZone` shows at `now`. */
// Building a DateTimeFormat costs far more than using one, and "today" is asked per request.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: get('year'), month: get('month'), day: get('day') });
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
