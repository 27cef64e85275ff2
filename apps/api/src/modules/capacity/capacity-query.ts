// Query strings of /capacity/utilization, /forecast and /needs: every problem is a 400 that
// names its parameter. The resource types a query names are checked against the model by
// the service, which knows them.

import { FORECAST_MAX_HORIZON, SECTIONS, addDays, addMonths, isIsoDate, periodStart, type IsoDate, type SectionId } from '@caseload/domain';
import { InvalidParameterException } from '../../common/app.exception.js';
import { rejectUnknownParameters } from '../../common/query-parameters.js';
import { defaultRange, EARLIEST_QUERY_DATE, LATEST_QUERY_DATE } from '../analytics/aggregate-query.js';

const MAX_LIST = 500;

export interface UtilizationQuery {
  from: IsoDate;
  to: IsoDate;
  grain: 'week' | 'month';
  departments: string[] | null;
  resourceTypes: string[] | null;
}

/** The history a forecast is fitted on: whole months, the last one `historyEnd`. */
export interface HistoryWindow {
  /** First day of the first month. */
  from: IsoDate;
  /** Last day of historyEnd. */
  to: IsoDate;
  months: number;
}

export interface ForecastQuery {
  horizon: number;
  history: HistoryWindow;
  measure: 'units' | 'lines';
  departments: string[] | null;
  sections: SectionId[] | null;
  topCodes: number;
}

export interface UnitChange {
  department: string | null;
  resourceType: string;
  units: number;
}

export interface NeedsQuery {
  horizon: number;
  history: HistoryWindow;
  departments: string[] | null;
  resourceTypes: string[] | null;
  target: number;
  growth: number;
  add: UnitChange[];
  extraHours: number;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new InvalidParameterException(name, 'give it once, with a value');
  return raw.trim();
}

function list(query: Record<string, unknown>, name: string): string[] | null {
  const raw = single(query, name);
  if (raw === undefined) return null;
  const items = [...new Set(raw.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
  if (items.length === 0) throw new InvalidParameterException(name, 'is empty; leave it out or list at least one value');
  if (items.length > MAX_LIST) throw new InvalidParameterException(name, `lists more than ${MAX_LIST} values`);
  return items;
}

function departments(query: Record<string, unknown>): string[] | null {
  const items = list(query, 'department');
  for (const department of items ?? []) {
    if (department.length > 32 || [...department].some((ch) => ch < ' ' || ch === '\u007f')) {
      throw new InvalidParameterException('department', 'department codes are at most 32 characters, without control characters');
    }
  }
  return items;
}

function resourceTypes(query: Record<string, unknown>): string[] | null {
  const items = list(query, 'resourceType');
  for (const key of items ?? []) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(key)) throw new InvalidParameterException('resourceType', `"${key.slice(0, 40)}" is not a resource-type key`);
  }
  return items;
}

function number(query: Record<string, unknown>, name: string, fallback: number, accept: (n: number) => boolean, rule: string): number {
  const raw = single(query, name);
  if (raw === undefined) return fallback;
  const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || !accept(value)) throw new InvalidParameterException(name, `must be ${rule} (got "${raw.slice(0, 40)}")`);
  return value;
}

function whole(query: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  return number(query, name, fallback, (n) => Number.isInteger(n) && n >= min && n <= max, `a whole number from ${min} to ${max}`);
}

function date(query: Record<string, unknown>, name: string): IsoDate | undefined {
  const raw = single(query, name);
  if (raw === undefined) return undefined;
  if (!isIsoDate(raw)) throw new InvalidParameterException(name, `must be a real date as YYYY-MM-DD (got "${raw.slice(0, 40)}")`);
  if (raw < EARLIEST_QUERY_DATE || raw > LATEST_QUERY_DATE) throw new InvalidParameterException(name, `must be between ${EARLIEST_QUERY_DATE} and ${LATEST_QUERY_DATE}`);
  return raw;
}

export function parseUtilizationQuery(query: Record<string, unknown>, today: IsoDate): UtilizationQuery {
  rejectUnknownParameters(query, ['from', 'to', 'grain', 'department', 'resourceType']);
  const fallback = defaultRange(today);
  const from = date(query, 'from') ?? fallback.from;
  const to = date(query, 'to') ?? fallback.to;
  if (from > to) throw new InvalidParameterException('from', `(${from}) is after to (${to}); the range is inclusive at both ends`);
  if (addDays(from, 3 * 366) < to) throw new InvalidParameterException('to', 'the range may cover at most 3 years; narrow it');
  const grain = single(query, 'grain') ?? 'month';
  if (grain !== 'week' && grain !== 'month') throw new InvalidParameterException('grain', `"${grain.slice(0, 40)}" is not one of week, month`);
  return { from, to, grain, departments: departments(query), resourceTypes: resourceTypes(query) };
}

export const DEFAULT_HISTORY_MONTHS = 36;

function history(query: Record<string, unknown>, today: IsoDate): HistoryWindow {
  const months = whole(query, 'historyMonths', DEFAULT_HISTORY_MONTHS, 6, 120);
  const raw = single(query, 'historyEnd');
  let endStart: IsoDate;
  if (raw === undefined) {
    endStart = addMonths(periodStart(today, 'month', { fiscalYearStartMonth: 1 }), -1);
  } else {
    if (!/^\d{4}-\d{2}$/.test(raw) || !isIsoDate(`${raw}-01`) || raw < '1990-01') throw new InvalidParameterException('historyEnd', `must be a month as YYYY-MM, from 1990-01 (got "${raw.slice(0, 40)}")`);
    endStart = `${raw}-01`;
  }
  return { from: addMonths(endStart, -(months - 1)), to: addDays(addMonths(endStart, 1), -1), months };
}

export function parseForecastQuery(query: Record<string, unknown>, today: IsoDate): ForecastQuery {
  rejectUnknownParameters(query, ['horizon', 'historyEnd', 'historyMonths', 'measure', 'department', 'section', 'topCodes']);
  const measure = single(query, 'measure') ?? 'units';
  if (measure !== 'units' && measure !== 'lines') throw new InvalidParameterException('measure', `"${measure.slice(0, 40)}" is not one of units, lines`);
  const sections = list(query, 'section');
  for (const section of sections ?? []) {
    if (!(SECTIONS as readonly string[]).includes(section)) throw new InvalidParameterException('section', `"${section.slice(0, 40)}" is not one of ${SECTIONS.join(', ')}`);
  }
  return {
    horizon: whole(query, 'horizon', 12, 1, FORECAST_MAX_HORIZON),
    history: history(query, today),
    measure,
    departments: departments(query),
    sections: sections as SectionId[] | null,
    topCodes: whole(query, 'topCodes', 5, 0, 20),
  };
}

export function parseNeedsQuery(query: Record<string, unknown>, today: IsoDate): NeedsQuery {
  rejectUnknownParameters(query, ['horizon', 'historyEnd', 'historyMonths', 'department', 'resourceType', 'target', 'growth', 'add', 'extraHours']);
  return {
    horizon: whole(query, 'horizon', 3, 1, FORECAST_MAX_HORIZON),
    history: history(query, today),
    departments: departments(query),
    resourceTypes: resourceTypes(query),
    target: number(query, 'target', 0.8, (n) => n > 0 && n <= 1, 'a target utilization above 0 and at most 1, e.g. 0.8'),
    growth: number(query, 'growth', 0, (n) => n > -100 && n <= 1000, 'a volume change in percent, above -100 and at most 1000'),
    add: unitChanges(list(query, 'add')),
    extraHours: number(query, 'extraHours', 0, (n) => n >= 0 && n <= 24, 'the hours added to each open day of equipment, from 0 to 24'),
  };
}

/** `mri_scanner:1` (every department's inventory of the type) or `RAD/mri_scanner:-0.5`. */
function unitChanges(items: string[] | null): UnitChange[] {
  return (items ?? []).map((item) => {
    const match = /^(?:([^/:]{1,32})\/)?([a-z][a-z0-9_]{0,39}):(-?\d+(?:\.\d+)?)$/.exec(item);
    const units = match === null ? Number.NaN : Number(match[3]);
    if (match === null || !(Math.abs(units) <= 1000)) {
      throw new InvalidParameterException('add', `"${item.slice(0, 60)}" must be resourceType:units or DEPT/resourceType:units, units from -1000 to 1000 (e.g. mri_scanner:1, RAD/technologist:-0.5)`);
    }
    return { department: match[1] ?? null, resourceType: match[2]!, units };
  });
}
