// US federal holidays (5 U.S.C. 6103), on the day they are observed: a Saturday holiday is
// kept on the Friday before, a Sunday one on the Monday after.

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
const weekday = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The `nth` (1-based; -1 = last) `dow` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, dow: number, nth: number): string {
  if (nth > 0) {
    const first = weekday(year, month, 1);
    return iso(year, month, 1 + ((dow - first + 7) % 7) + 7 * (nth - 1));
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, last - ((weekday(year, month, last) - dow + 7) % 7));
}

function observed(year: number, month: number, day: number): string {
  const dow = weekday(year, month, day);
  const shift = dow === 6 ? -1 : dow === 0 ? 1 : 0;
  const date = new Date(Date.UTC(year, month - 1, day + shift));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function usFederalHolidays(year: number): { date: string; name: string }[] {
  return [
    { date: observed(year, 1, 1), name: "New Year's Day" },
    { date: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    { date: observed(year, 6, 19), name: 'Juneteenth National Independence Day' },
    { date: observed(year, 7, 4), name: 'Independence Day' },
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    { date: observed(year, 11, 11), name: 'Veterans Day' },
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    { date: observed(year, 12, 25), name: 'Christmas Day' },
  ].sort((a, b) => a.date.localeCompare(b.date));
}
