export interface FormatOptions {
  locale?: string;
  /** Fixed in tests; the reader's own zone otherwise. */
  timeZone?: string;
  /** Fixed in tests: dates of this year leave the year out. */
  now?: Date;
}

/** A whole number with the reader's digit grouping. */
export function formatCount(value: number, { locale }: FormatOptions = {}): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** "1 line", "1,204 lines". */
export function countOf(value: number, singular: string, plural: string, options: FormatOptions = {}): string {
  return `${formatCount(value, options)} ${value === 1 ? singular : plural}`;
}

/**
 * Date and time to the minute in the reader's locale and zone, the year only when it is not
 * this one ("Mar 7, 10:42 AM", "Dec 30, 2025, 4:05 PM"); "—" when there is none.
 */
export function formatDateTime(iso: string | null, { locale, timeZone, now = new Date() }: FormatOptions = {}): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const yearOf = (value: Date) => new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(value);
  const sameYear = yearOf(date) === yearOf(now);
  return new Intl.DateTimeFormat(locale, {
    year: sameYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(date);
}
