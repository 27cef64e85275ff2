import { isGrain, isIsoDate, PAYER_CATEGORIES, SECTIONS } from '@caseload/domain';
import type { Grain, IsoDate, PayerCategory, SectionId } from '@caseload/domain';

/** The date presets of the filter bar; `custom` carries its own dates. */
export const RANGE_PRESETS = ['last_12_months', 'year_to_date', 'fiscal_year_to_date', 'previous_fiscal_year', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_PRESET_LABELS: Readonly<Record<RangePreset, string>> = {
  last_12_months: 'Last 12 months',
  year_to_date: 'Year to date',
  fiscal_year_to_date: 'Fiscal year to date',
  previous_fiscal_year: 'Previous fiscal year',
  custom: 'Custom dates',
};

/** A preset, worked out against today, or two inclusive calendar dates. */
export type RangeFilter = { preset: Exclude<RangePreset, 'custom'> } | { preset: 'custom'; from: IsoDate; to: IsoDate };

/** What every dashboard chart is filtered by. Empty lists mean "all". */
export interface DashboardFilters {
  range: RangeFilter;
  grain: Grain;
  departments: string[];
  sections: SectionId[];
  payerCategories: PayerCategory[];
  placesOfService: string[];
}

/** The last 12 whole months by month, everything included: the API's own default. */
export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = {
  range: { preset: 'last_12_months' },
  grain: 'month',
  departments: [],
  sections: [],
  payerCategories: [],
  placesOfService: [],
};

/** The query-string keys the filters own; list keys are named as the aggregate API names them. */
export const FILTER_SEARCH_KEYS = ['range', 'from', 'to', 'grain', 'department', 'section', 'payer_category', 'place_of_service'] as const;

// The API's own bounds (aggregate-query.ts): wider lists or dates would be refused.
const MAX_LIST = 500;
const MAX_DEPARTMENT_LENGTH = 32;
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2999-12-31';

/**
 * Reads the filters from a query string. Anything that cannot be used (an unknown preset or
 * grain, a date that does not exist, a custom range that ends before it starts, an unknown
 * section) falls back to its default, so an edited or old link still opens a sensible view.
 */
export function parseDashboardFilters(search: string | URLSearchParams): DashboardFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const grain = params.get('grain') ?? '';
  return {
    range: parseRange(params),
    grain: isGrain(grain) ? grain : DEFAULT_DASHBOARD_FILTERS.grain,
    departments: readList(params, 'department', isDepartmentCode),
    sections: readList(params, 'section', (value): value is SectionId => (SECTIONS as readonly string[]).includes(value)),
    payerCategories: readList(params, 'payer_category', (value): value is PayerCategory => (PAYER_CATEGORIES as readonly string[]).includes(value)),
    placesOfService: readList(params, 'place_of_service', isPlaceOfService),
  };
}

/**
 * The query string for the filters, without `?`: only what differs from the defaults, in a
 * fixed order, lists with literal commas (as the API writes them). '' for the defaults.
 */
export function dashboardFiltersToSearch(filters: DashboardFilters): string {
  const parts: string[] = [];
  const { range } = filters;
  if (range.preset === 'custom') parts.push('range=custom', `from=${range.from}`, `to=${range.to}`);
  else if (range.preset !== DEFAULT_DASHBOARD_FILTERS.range.preset) parts.push(`range=${range.preset}`);
  if (filters.grain !== DEFAULT_DASHBOARD_FILTERS.grain) parts.push(`grain=${filters.grain}`);
  const lists: Array<[string, readonly string[]]> = [
    ['department', filters.departments],
    ['section', filters.sections],
    ['payer_category', filters.payerCategories],
    ['place_of_service', filters.placesOfService],
  ];
  for (const [key, values] of lists) {
    if (values.length > 0) parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  }
  return parts.join('&');
}

/**
 * Replaces the filter keys of `current` with `filters`, keeping any other parameter a page
 * keeps in the address (its own tab or sort). Returns the query string without `?`.
 */
export function mergeFiltersIntoSearch(current: URLSearchParams, filters: DashboardFilters): string {
  const others = new URLSearchParams(current);
  for (const key of FILTER_SEARCH_KEYS) others.delete(key);
  return [dashboardFiltersToSearch(filters), others.toString()].filter((part) => part !== '').join('&');
}

/** Only the filter part of a query string (for links between the filtered pages). */
export function filterSearchOf(search: string | URLSearchParams): string {
  return dashboardFiltersToSearch(parseDashboardFilters(search));
}

export function isDefaultFilters(filters: DashboardFilters): boolean {
  return dashboardFiltersToSearch(filters) === '';
}

export function isRangePreset(value: string): value is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value);
}

function parseRange(params: URLSearchParams): RangeFilter {
  const preset = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  // A link with dates and no preset is a custom range too.
  if (preset === 'custom' || (preset === null && (from !== null || to !== null))) {
    if (from !== null && to !== null && isQueryDate(from) && isQueryDate(to) && from <= to) return { preset: 'custom', from, to };
    return DEFAULT_DASHBOARD_FILTERS.range;
  }
  if (preset !== null && isRangePreset(preset) && preset !== 'custom') return { preset };
  return DEFAULT_DASHBOARD_FILTERS.range;
}

function readList<T extends string>(params: URLSearchParams, key: string, accept: (value: string) => value is T): T[] {
  const values = params
    .getAll(key)
    .flatMap((raw) => raw.split(','))
    .map((value) => value.trim())
    .filter(accept);
  return [...new Set(values)].slice(0, MAX_LIST);
}

function isQueryDate(value: string): boolean {
  return isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

function isDepartmentCode(value: string): value is string {
  return value !== '' && value.length <= MAX_DEPARTMENT_LENGTH && ![...value].some((ch) => ch < ' ' || ch === '\u007f');
}

function isPlaceOfService(value: string): value is string {
  return /^\d{2}$/.test(value) && value !== '00';
}

