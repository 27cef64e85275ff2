import { isDimensionId, isGrain, isIsoDate, isMeasureId, resolveReportRange } from '@caseload/domain';
import type { DimensionId, Grain, IsoDate, MeasureId } from '@caseload/domain';
import type { ReportRange } from '@caseload/contracts';

/** The measures a report can export (DESIGN §4), in the order the builder lists them. */
export const REPORT_MEASURES: readonly MeasureId[] = ['lines', 'units', 'encounters', 'patients', 'charges', 'allowed', 'paid', 'denial_rate', 'wrvu', 'expected_payment'];

/** What a report can be broken down by, in the order the builder lists them. */
export const REPORT_DIMENSIONS: readonly DimensionId[] = ['period', 'department', 'code', 'section', 'payer_category', 'place_of_service', 'provider'];

/** The API answers at most this many group-bys that still read as a table. */
export const MAX_GROUP_BYS = 3;

/** Rows the preview asks for. */
export const PREVIEW_LIMIT = 50;

/** The list filters of an aggregate query, named as the API names them. */
export const FILTER_KEYS = ['department', 'section', 'payer_category', 'place_of_service'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ReportFilters = Record<FilterKey, readonly string[]>;

export const NO_FILTERS: ReportFilters = { department: [], section: [], payer_category: [], place_of_service: [] };

/** What the builder holds: the question, without the delivery. */
export interface BuilderState {
  measures: MeasureId[];
  groupBy: DimensionId[];
  grain: Grain;
  range: ReportRange;
  filters: ReportFilters;
  /** Parameters of a saved query the builder does not show (a code filter, a sort, a limit): kept as they are. */
  extra: Record<string, string>;
}

export const DEFAULT_BUILDER: BuilderState = {
  measures: ['lines'],
  groupBy: ['department'],
  grain: 'month',
  range: { preset: 'last_month' },
  filters: NO_FILTERS,
  extra: {},
};

/** The query parameters the builder itself sets. */
const BUILT = ['measures', 'groupBy', 'grain', ...FILTER_KEYS];

/**
 * The saved report's query: the aggregate parameters without dates (the range moves with
 * the run day). The grain is sent only when the period is grouped; lists keep their commas.
 */
export function reportQuery(state: Pick<BuilderState, 'measures' | 'groupBy' | 'grain' | 'filters' | 'extra'>): Record<string, string> {
  const query: Record<string, string> = { measures: REPORT_MEASURES.filter((measure) => state.measures.includes(measure)).join(',') };
  if (state.groupBy.length > 0) query['groupBy'] = state.groupBy.join(',');
  if (state.groupBy.includes('period')) query['grain'] = state.grain;
  for (const key of FILTER_KEYS) {
    if (state.filters[key].length > 0) query[key] = state.filters[key].join(',');
  }
  return { ...query, ...state.extra };
}

/** The inclusive dates a range covers when it runs on `today`. */
export function resolveRange(range: ReportRange, today: IsoDate): { from: IsoDate; to: IsoDate } {
  return range.preset === 'fixed' ? { from: range.from, to: range.to } : resolveReportRange(range.preset, today);
}

/** A query string in the API's own spelling: values escaped, but the commas of lists left literal. */
export function queryString(parameters: Record<string, string>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${value.split(',').map(encodeURIComponent).join(',')}`)
    .join('&');
}

/** GET /api/v1/aggregate for the report's query over its range on `today`; `limit` cuts the rows. */
export function aggregateUrlOf(query: Record<string, string>, range: ReportRange, today: IsoDate, limit?: number): string {
  const parameters = { ...query, ...resolveRange(range, today), ...(limit === undefined ? {} : { limit: String(limit) }) };
  return `/api/v1/aggregate?${queryString(parameters)}`;
}

/** GET /api/v1/export of the same question: the file holds the numbers the preview shows. */
export function exportUrlOf(query: Record<string, string>, range: ReportRange, today: IsoDate, format: string, suppress: boolean): string {
  const parameters: Record<string, string> = { ...query, ...resolveRange(range, today), format };
  if (!suppress) parameters['suppress'] = 'false';
  return `/api/v1/export?${queryString(parameters)}`;
}

/** Adds or removes a group-by; the order of choosing is the order of the columns. */
export function toggleGroupBy(groupBy: readonly DimensionId[], dimension: DimensionId): DimensionId[] {
  if (groupBy.includes(dimension)) return groupBy.filter((item) => item !== dimension);
  return groupBy.length >= MAX_GROUP_BYS ? [...groupBy] : [...groupBy, dimension];
}

/** Moves a group-by one place earlier (-1) or later (+1). */
export function moveGroupBy(groupBy: readonly DimensionId[], dimension: DimensionId, step: -1 | 1): DimensionId[] {
  const index = groupBy.indexOf(dimension);
  const target = index + step;
  if (index < 0 || target < 0 || target >= groupBy.length) return [...groupBy];
  const next = [...groupBy];
  next[index] = groupBy[target]!;
  next[target] = dimension;
  return next;
}

/** Why the builder cannot preview yet, or null when it can. */
export function builderProblem(state: BuilderState): string | null {
  if (state.measures.length === 0) return 'Choose at least one measure.';
  if (state.range.preset === 'fixed') {
    if (!isIsoDate(state.range.from) || !isIsoDate(state.range.to)) return 'Give both dates of the fixed range.';
    if (state.range.from > state.range.to) return 'The range starts after it ends: swap the dates.';
  }
  return null;
}

/** The builder state of a saved report's query and range (to edit it). Unknown values are left out. */
export function builderFromReport(query: Record<string, string>, range: ReportRange): BuilderState {
  const list = (name: string) => (query[name] ?? '').split(',').map((value) => value.trim()).filter((value) => value !== '');
  const grain = query['grain'] ?? '';
  const filters = { ...NO_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = list(key);
  return {
    measures: list('measures').filter(isMeasureId),
    groupBy: list('groupBy').filter(isDimensionId).slice(0, MAX_GROUP_BYS),
    grain: isGrain(grain) ? grain : DEFAULT_BUILDER.grain,
    range,
    filters,
    extra: Object.fromEntries(Object.entries(query).filter(([name]) => !BUILT.includes(name))),
  };
}
