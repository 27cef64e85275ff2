import type { AuditAction } from '@caseload/contracts';
import { isAuditAction } from './audit-actions';

/** The audit page's filters, as kept in the address bar so a reload or a shared link keeps them. */
export interface AuditFilters {
  action: AuditAction | null;
  /** Part of an email, as typed; empty for anyone. */
  actor: string;
  /** Calendar dates `YYYY-MM-DD`, both ends included; empty for open-ended. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: null, actor: '', from: '', to: '' };

export const AUDIT_PAGE_SIZE = 50;

const MAX_ACTOR_LENGTH = 254;

/**
 * Reads the filters from a query string. Whatever cannot be used (an unknown action, a date
 * that does not exist) is dropped rather than sent, so an edited link still opens the page.
 */
export function parseAuditFilters(search: string | URLSearchParams): AuditFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const action = params.get('action') ?? '';
  return {
    action: isAuditAction(action) ? action : null,
    actor: (params.get('actor') ?? '').trim().slice(0, MAX_ACTOR_LENGTH),
    from: calendarDate(params.get('from')),
    to: calendarDate(params.get('to')),
  };
}

/** The query string for a set of filters: only those set, in a fixed order; '' for none. */
export function auditFiltersToSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  const actor = filters.actor.trim();
  if (actor !== '') params.set('actor', actor);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The API request for one page of entries; `before` is the cursor of the page before. */
export function auditRequestUrl(filters: AuditFilters, before: number | null, limit = AUDIT_PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  const actor = filters.actor.trim();
  if (actor !== '') params.set('actor', actor);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  params.set('limit', String(limit));
  if (before !== null) params.set('before', String(before));
  return `/api/v1/audit?${params.toString()}`;
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return filters.action !== null || filters.actor.trim() !== '' || filters.from !== '' || filters.to !== '';
}

/** A problem with the filters that the form should name before asking the API, or null. */
export function auditFiltersProblem(filters: AuditFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) return 'The “From” date is after the “To” date.';
  return null;
}

/** `YYYY-MM-DD` for a date that exists on the calendar, else ''. */
function calendarDate(value: string | null): string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : '';
}
