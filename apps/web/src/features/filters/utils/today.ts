import { formatIsoDate, type IsoDate } from '@caseload/domain';

/** The calendar date on the viewer's clock, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): IsoDate {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
