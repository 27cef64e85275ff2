import { daysInMonth } from '@caseload/domain';

// Display names for period keys and calendar dates. Dates of service are `YYYY-MM-DD`
// strings and are never turned into Date objects, so no time zone can move them by a day.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_KEY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

function monthName(month: string): string {
  return MONTHS[Number(month) - 1] ?? month;
}

/** A period key as people say it: `2025-03` → `Mar 2025`, `2025-Q1` → `Q1 2025`, `2025-W10` → `Week 10, 2025`. */
export function periodName(period: string): string {
  let match = MONTH_KEY.exec(period);
  if (match) return `${monthName(match[2])} ${match[1]}`;
  match = DATE_KEY.exec(period);
  if (match) return formatDate(period);
  match = QUARTER_KEY.exec(period);
  if (match) return `Q${match[2]} ${match[1]}`;
  match = WEEK_KEY.exec(period);
  if (match) return `Week ${Number(match[2])}, ${match[1]}`;
  return period; // `2025`, `FY2025` read well as they are
}

/** A compact axis label: `2025-03` → `Mar ’25`; other keys as periodName. */
export function periodTick(period: string): string {
  const match = MONTH_KEY.exec(period);
  if (match) return `${monthName(match[2])} ’${match[1].slice(2)}`;
  return periodName(period);
}

/** `2025-01-07` → `7 Jan 2025`. */
export function formatDate(date: string): string {
  const match = DATE_KEY.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${monthName(match[2])} ${match[1]}`;
}

/** An inclusive range; whole months read as months: `Mar 2025 – Feb 2026`. */
export function formatDateRange(from: string, to: string): string {
  const start = DATE_KEY.exec(from);
  const end = DATE_KEY.exec(to);
  if (start && end && start[3] === '01' && Number(end[3]) === daysInMonth(Number(end[1]), Number(end[2]))) {
    const first = `${monthName(start[2])} ${start[1]}`;
    const last = `${monthName(end[2])} ${end[1]}`;
    return first === last ? first : `${first} – ${last}`;
  }
  return `${formatDate(from)} – ${formatDate(to)}`;
}
