import { addDays, FORECAST_MAX_HORIZON, isoWeekday } from '@caseload/domain';
import type { IsoDate } from '@caseload/domain';

/** The scenario of the what-if panel, as /capacity/needs takes it. */
export interface CapacityWhatIf {
  /** Volume change in percent (0 = as forecast). */
  growthPercent: number;
  /** Hours added to each open day of equipment. */
  extraHours: number;
  /** Target utilization, 0..1. */
  target: number;
  /** Units / FTEs added (negative: removed), by `DEPT/resourceType`. */
  add: Readonly<Record<string, number>>;
}

export const DEFAULT_TARGET = 0.8;
export const DEFAULT_WHAT_IF: CapacityWhatIf = { growthPercent: 0, extraHours: 0, target: DEFAULT_TARGET, add: {} };

/** The next quarter, unless the planner looks further. */
export const DEFAULT_HORIZON = 3;
export const MAX_HORIZON = FORECAST_MAX_HORIZON;

/** The key of a department's inventory of a resource type, as the `add` parameter names it. */
export function inventoryKey(department: string, resourceType: string): string {
  return `${department}/${resourceType}`;
}

/** A horizon from the address: a whole number of months from 1 to 18, else the next quarter. */
export function parseHorizon(raw: string | null): number {
  if (raw === null || !/^\d{1,2}$/.test(raw)) return DEFAULT_HORIZON;
  const months = Number(raw);
  return months >= 1 && months <= MAX_HORIZON ? months : DEFAULT_HORIZON;
}

/** A number as the API reads it: no exponent, at most four decimals. */
function plain(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/** Lists stay readable in the address and the network log: the API splits them on commas. */
function query(search: URLSearchParams): string {
  return search.toString().replaceAll('%2C', ',').replaceAll('%2F', '/').replaceAll('%3A', ':');
}

export function needsUrl(departments: readonly string[], horizon: number, whatIf: CapacityWhatIf): string {
  const search = new URLSearchParams({ horizon: String(horizon) });
  if (departments.length > 0) search.set('department', departments.join(','));
  if (whatIf.target !== DEFAULT_TARGET) search.set('target', plain(whatIf.target));
  if (whatIf.growthPercent !== 0) search.set('growth', plain(whatIf.growthPercent));
  if (whatIf.extraHours !== 0) search.set('extraHours', plain(whatIf.extraHours));
  const add = Object.entries(whatIf.add)
    .filter(([, units]) => units !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, units]) => `${key}:${plain(units)}`);
  if (add.length > 0) search.set('add', add.join(','));
  return `/api/v1/capacity/needs?${query(search)}`;
}

/** Weeks the heat-map shows: the last quarter of the filter bar's dates. */
export const HEAT_MAP_WEEKS = 13;

/** The last `weeks` ISO weeks (Monday first) of a range, cut to the range: what the heat-map asks for. */
export function lastWeeks(from: IsoDate, to: IsoDate, weeks = HEAT_MAP_WEEKS): { from: IsoDate; to: IsoDate } {
  const start = addDays(to, -(isoWeekday(to) - 1) - (weeks - 1) * 7);
  return { from: start > from ? start : from, to };
}

/** Weekly utilization over the filter bar's dates and departments. */
export function utilizationUrl(from: string, to: string, departments: readonly string[]): string {
  const search = new URLSearchParams({ from, to, grain: 'week' });
  if (departments.length > 0) search.set('department', departments.join(','));
  return `/api/v1/capacity/utilization?${query(search)}`;
}

/** Volume forecasts by department × section (no per-code series: the page does not draw them). */
export function forecastUrl(departments: readonly string[], sections: readonly string[], horizon: number): string {
  const search = new URLSearchParams({ horizon: String(horizon), topCodes: '0' });
  if (departments.length > 0) search.set('department', departments.join(','));
  if (sections.length > 0) search.set('section', sections.join(','));
  return `/api/v1/capacity/forecast?${query(search)}`;
}

export const RESOURCE_TYPES_URL = '/api/v1/capacity/resource-types';
