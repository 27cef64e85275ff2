import type { AuditEntry } from '@caseload/contracts';
import { auditActionLabel } from './audit-actions';

/** One line of the audit table, ready to print. */
export interface AuditRow {
  id: number;
  /** ISO timestamp for `<time dateTime>`. */
  at: string;
  time: string;
  action: string;
  actionLabel: string;
  actor: string;
  address: string;
  details: string;
}

export interface AuditFormatOptions {
  locale?: string;
  /** Fixed in tests; the reader's own zone otherwise. */
  timeZone?: string;
}

export function toAuditRows(entries: readonly AuditEntry[], options: AuditFormatOptions = {}): AuditRow[] {
  return entries.map((entry) => ({
    id: entry.id,
    at: entry.at,
    time: formatAuditTime(entry.at, options),
    action: entry.action,
    actionLabel: auditActionLabel(entry.action),
    actor: entry.actor ?? '—',
    address: entry.address ?? '—',
    details: formatAuditDetails(entry.details),
  }));
}

/** Date and time to the second in the reader's locale and time zone. */
export function formatAuditTime(iso: string, { locale, timeZone }: AuditFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(date);
}

/**
 * Details as compact `key: value` text, pairs separated by " · ". Nested objects read as
 * dotted keys (`changes.role: analyst`), a change as `from → to`, lists as comma-separated
 * values, true/false as yes/no; no details at all read as "—".
 */
export function formatAuditDetails(details: Record<string, unknown> | null | undefined): string {
  const pairs: string[] = [];
  collect(details ?? {}, '', pairs);
  return pairs.length === 0 ? '—' : pairs.join(' · ');
}

function collect(value: Record<string, unknown>, prefix: string, pairs: string[]): void {
  for (const [key, item] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isChange(item)) pairs.push(`${name}: ${formatValue(item.from)} → ${formatValue(item.to)}`);
    else if (isPlainObject(item) && Object.keys(item).length > 0) collect(item, name, pairs);
    else pairs.push(`${name}: ${formatValue(item)}`);
  }
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(formatValue).join(', ');
  if (isPlainObject(value)) return '{}';
  return String(value);
}

/** `{ from, to }` and nothing else: how the API records one field's change. */
function isChange(value: unknown): value is { from: unknown; to: unknown } {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && 'from' in value && 'to' in value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
