// Opening days and hours of a resource over a date range: a weekly schedule, less the
// holidays of the calendar. Ranges are inclusive at both ends (DESIGN §4).

import { addDays, daysBetween, isIsoDate, isoWeekday, type IsoDate } from './dates.js';

/** Hours open on each ISO weekday, Monday first: [Mon, Tue, Wed, Thu, Fri, Sat, Sun]. */
export type WeeklySchedule = readonly [number, number, number, number, number, number, number];

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** Monday to Friday, eight hours a day. */
export const WEEKDAYS_8H: WeeklySchedule = [8, 8, 8, 8, 8, 0, 0];

export function assertSchedule(schedule: WeeklySchedule): void {
  if (schedule.length !== 7 || schedule.some((h) => !Number.isFinite(h) || h < 0 || h > 24)) {
    throw new RangeError(`a weekly schedule has 7 daily hours from 0 to 24, Monday first (got [${schedule.join(', ')}])`);
  }
}

export function assertRange(range: DateRange): void {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) {
    throw new RangeError(`a date range needs two YYYY-MM-DD dates (got ${range.from}..${range.to})`);
  }
}

/** Each day of the range (none when `from` is after `to`). */
export function* daysOf(range: DateRange): Generator<IsoDate> {
  assertRange(range);
  const n = daysBetween(range.from, range.to);
  for (let i = 0; i <= n; i++) yield addDays(range.from, i);
}

/** Hours the schedule gives on a day: none on a holiday. */
export function hoursOn(day: IsoDate, schedule: WeeklySchedule, holidays: ReadonlySet<IsoDate>, extraPerOpenDay = 0): number {
  if (holidays.has(day)) return 0;
  const hours = schedule[isoWeekday(day) - 1]!;
  // Longer opening stretches days that are open; it does not open closed ones.
  return hours > 0 ? Math.min(24, hours + extraPerOpenDay) : 0;
}

/**
 * Hours open in the range for one unit: Σ of the weekday's hours over the days that are
 * not holidays; `extraPerOpenDay` lengthens each open day (capped at 24 hours).
 */
export function openHours(schedule: WeeklySchedule, range: DateRange, holidays: Iterable<IsoDate> = [], extraPerOpenDay = 0): number {
  assertSchedule(schedule);
  const closed = new Set(holidays);
  let total = 0;
  for (const day of daysOf(range)) total += hoursOn(day, schedule, closed, extraPerOpenDay);
  return total;
}

/** Days in the range on which the schedule has hours and that are not holidays. */
export function workingDays(schedule: WeeklySchedule, range: DateRange, holidays: Iterable<IsoDate> = []): number {
  assertSchedule(schedule);
  const closed = new Set(holidays);
  let count = 0;
  for (const day of daysOf(range)) if (hoursOn(day, schedule, closed) > 0) count++;
  return count;
}
