import type { AuditAction } from '@caseload/contracts';
import { InvalidParameterException } from '../../common/app.exception.js';
import { rejectUnknownParameters } from '../../common/query-parameters.js';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions.js';

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 1000;

/** A bound of the time filter: a calendar day (in the server's time zone) or an exact instant. */
export type TimeBound = { kind: 'day'; day: string } | { kind: 'instant'; instant: string };

export interface AuditFilter {
  action: AuditAction | null;
  /** A full email address matches exactly; other text matches the actors that contain it. */
  actor: string | null;
  /** Inclusive; a day starts at its midnight. */
  from: TimeBound | null;
  /** Inclusive; a day runs to its end. */
  to: TimeBound | null;
  limit: number;
  /** Only entries older than this id (the cursor of the previous page). */
  before: number | null;
}

const KNOWN = ['action', 'actor', 'from', 'to', 'limit', 'before'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Reads GET /audit's query string; anything unknown or malformed is a 400 naming the parameter. */
export function parseAuditQuery(query: Record<string, unknown>): AuditFilter {
  rejectUnknownParameters(query, KNOWN);
  const text = (name: string): string | null => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value !== 'string') throw new InvalidParameterException(name, 'may be given only once');
    return value;
  };

  const action = text('action');
  if (action !== null && !isAuditAction(action)) throw new InvalidParameterException('action', `must be one of ${AUDIT_ACTIONS.join(', ')}`);
  const actor = text('actor');
  if (actor !== null && (actor.trim() === '' || actor.length > 254)) throw new InvalidParameterException('actor', 'must be an email address');
  const from = timeBound('from', text('from'));
  const to = timeBound('to', text('to'));
  return {
    action,
    actor: actor === null ? null : actor.trim().toLowerCase(),
    from,
    to,
    limit: wholeNumber('limit', text('limit'), 1, AUDIT_PAGE_MAX) ?? AUDIT_PAGE_DEFAULT,
    before: wholeNumber('before', text('before'), 1, Number.MAX_SAFE_INTEGER),
  };
}

function timeBound(name: string, raw: string | null): TimeBound | null {
  if (raw === null) return null;
  if (DAY.test(raw) && isCalendarDay(raw)) return { kind: 'day', day: raw };
  const instant = INSTANT.exec(raw);
  if (instant !== null && isCalendarDay(instant[1]!)) return { kind: 'instant', instant: raw };
  throw new InvalidParameterException(name, 'must be a date (2025-03-01) or a timestamp with its offset (2025-03-01T08:00:00Z)');
}

/** 2025-02-30 matches the pattern but is no day: the database would fail on it. */
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isFinite(date.getTime()) && date.toISOString().slice(0, 10) === day && day >= '0001-01-01';
}

function wholeNumber(name: string, raw: string | null, min: number, max: number): number | null {
  if (raw === null) return null;
  if (!/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidParameterException(name, `must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}
