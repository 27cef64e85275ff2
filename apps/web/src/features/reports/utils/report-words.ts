import { DIMENSION_LABELS, GRAIN_LABELS, isDimensionId, isGrain, isMeasureId, MEASURE_DEFINITIONS, SECTION_LABELS, isSectionId } from '@caseload/domain';
import type { ReportFormat, ReportRange, ReportRun, ReportSchedule } from '@caseload/contracts';
import { formatDateRange } from '../../../ui/format-period';

export const RANGE_LABELS: Readonly<Record<ReportRange['preset'], string>> = {
  last_month: 'Last month',
  last_quarter: 'Last quarter',
  last_12_months: 'Last 12 months',
  year_to_date: 'Year to date',
  previous_year: 'Previous year',
  fixed: 'Fixed dates',
};

export const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  pdf: 'PDF',
  arrow: 'Arrow',
};

const FILTER_LABELS: Readonly<Record<string, string>> = {
  department: 'Department',
  code: 'Code',
  section: 'Section',
  payer_category: 'Payer',
  place_of_service: 'Place of service',
};

const PAYER_LABELS: Readonly<Record<string, string>> = { medicare: 'Medicare', medicaid: 'Medicaid', commercial: 'Commercial', self_pay: 'Self-pay', other: 'Other' };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `Last month`, or a fixed range as dates: `Jan 2026 – Mar 2026`. */
export function rangeInWords(range: ReportRange): string {
  return range.preset === 'fixed' ? formatDateRange(range.from, range.to) : RANGE_LABELS[range.preset];
}

/** `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A filter value as a person names it: `Radiology` for `radiology`, `Self-pay` for `self_pay`. */
export function filterValueName(key: string, value: string): string {
  if (key === 'section' && isSectionId(value)) return SECTION_LABELS[value];
  if (key === 'payer_category') return PAYER_LABELS[value] ?? value;
  return value;
}

/** `Department: CARD, RAD`: one chip of the filters that apply. */
export function filterInWords(key: string, values: readonly string[]): string {
  return `${FILTER_LABELS[key] ?? key}: ${values.map((value) => filterValueName(key, value)).join(', ')}`;
}

/**
 * What a report's query exports, in a sentence: `Procedure lines and charges by department
 * and month; Section: Radiology`. The period reads as its grain.
 */
export function queryInWords(query: Record<string, string>): string {
  const list = (name: string) => (query[name] ?? '').split(',').filter((value) => value !== '');
  const measures = list('measures').map((id) => (isMeasureId(id) ? MEASURE_DEFINITIONS[id].label : id));
  const grain = query['grain'] ?? 'month';
  const groups = list('groupBy').map((id) => (id === 'period' ? (isGrain(grain) ? GRAIN_LABELS[grain] : 'Month') : isDimensionId(id) ? DIMENSION_LABELS[id] : id));
  let words = listInWords(measures.map((label, index) => (index === 0 ? label : lowerFirst(label))));
  if (groups.length > 0) words += ` by ${listInWords(groups.map(lowerFirst))}`;
  else words += ', in total';
  const filters = Object.keys(FILTER_LABELS)
    .filter((key) => list(key).length > 0)
    .map((key) => filterInWords(key, list(key)));
  return filters.length > 0 ? `${words}; ${filters.join('; ')}` : words;
}

function pad(value: string): string {
  return value.padStart(2, '0');
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

/**
 * A cron expression in words where it is one of the common shapes (a time each day, on a
 * weekday, on weekdays, on a day of the month); otherwise the expression itself.
 */
export function cronInWords(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const fallback = `On the schedule “${cron.trim()}”`;
  if (fields.length !== 5) return fallback;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || month !== '*') return fallback;
  const at = `at ${pad(hour)}:${pad(minute)}`;
  if (dayOfMonth === '*' && dayOfWeek === '*') return `Every day ${at}`;
  if (dayOfMonth === '*' && (dayOfWeek === '1-5' || dayOfWeek === 'MON-FRI')) return `Weekdays ${at}`;
  if (dayOfMonth === '*' && /^[0-7]$/.test(dayOfWeek)) return `Every ${WEEKDAYS[Number(dayOfWeek) % 7]} ${at}`;
  if (/^\d{1,2}$/.test(dayOfMonth) && dayOfWeek === '*') return `On the ${ordinal(Number(dayOfMonth))} of every month ${at}`;
  return fallback;
}

/** `Every Monday at 06:00`; `Only when run by hand` without a schedule. */
export function scheduleInWords(schedule: ReportSchedule | null): string {
  return schedule === null ? 'Only when run by hand' : cronInWords(schedule.cron);
}

/** A moment in the viewer's clock: `Mon 1 Dec 2026, 06:00`. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

/** The status of a run in words, never by colour alone. */
export function runStatusInWords(run: Pick<ReportRun, 'status' | 'attempts'>): string {
  switch (run.status) {
    case 'running':
      return run.attempts > 0 ? `Running (try ${run.attempts + 1})` : 'Running';
    case 'succeeded':
      return 'Succeeded';
    case 'failed':
      return 'Failed';
  }
}

/** `12.3 kB`; `—` when no file was written. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Where each run's file goes, in words. */
export function deliveryInWords(report: { writeFile: boolean; webhookUrl: string | null }): string {
  const places = [report.writeFile ? 'the reports folder' : null, report.webhookUrl ? `the webhook at ${hostOf(report.webhookUrl)}` : null].filter((place): place is string => place !== null);
  return places.length === 0 ? 'Nowhere: runs keep no file and send none' : `To ${listInWords(places)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
