import {
  DIMENSIONS,
  PAYER_CATEGORIES,
  SECTIONS,
  addDays,
  addMonths,
  isDimensionId,
  isGrain,
  isIsoDate,
  isMeasureId,
  isValidCode,
  normalizeCode,
  periodStart,
  type DimensionId,
  type Grain,
  type IsoDate,
  type MeasureId,
  type PayerCategory,
  type SectionId,
} from '@caseload/domain';
import { InvalidParameterException } from '../../common/app.exception.js';
import { SUPPORTED_MEASURES } from './measure-sql.js';

export type CompareMode = 'previous_period' | 'previous_year';

export interface AggregateFilters {
  department?: string[];
  code?: string[];
  section?: SectionId[];
  payer_category?: PayerCategory[];
  place_of_service?: string[];
}

export interface AggregateQuery {
  measures: MeasureId[];
  groupBy: DimensionId[];
  grain: Grain;
  from: IsoDate;
  to: IsoDate;
  filters: AggregateFilters;
  orderBy: { key: string; descending: boolean } | null;
  limit: number | null;
  compare: CompareMode | null;
}

const PARAMETERS = ['measures', 'groupBy', 'grain', 'from', 'to', 'department', 'code', 'section', 'payer_category', 'place_of_service', 'orderBy', 'limit', 'compare'];
const MAX_LIST = 500;
export const MAX_LIMIT = 1_000_000;

function list(query: Record<string, unknown>, name: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new InvalidParameterException(name, 'give it once, as a comma-separated list');
  const items = [...new Set(raw.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
  if (items.length === 0) throw new InvalidParameterException(name, 'is empty; leave it out or list at least one value');
  if (items.length > MAX_LIST) throw new InvalidParameterException(name, `lists more than ${MAX_LIST} values`);
  return items;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new InvalidParameterException(name, 'give it once, with a value');
  return raw.trim();
}

function each<T extends string>(name: string, items: string[] | undefined, accept: (item: string) => item is T, accepted: string): T[] | undefined {
  if (items === undefined) return undefined;
  for (const item of items) {
    if (!accept(item)) throw new InvalidParameterException(name, `"${item.slice(0, 40)}" is not one of ${accepted}`);
  }
  return items as T[];
}

// Wide enough for any question about service dates (1990 onwards), narrow enough that a comparison
// range, the period before the first and the period after the last stay within what PostgreSQL and
// the date arithmetic accept (PostgreSQL has no year 0; the ISO shape has no year 10000).
export const EARLIEST_QUERY_DATE = '1900-01-01';
export const LATEST_QUERY_DATE = '2999-12-31';

function date(query: Record<string, unknown>, name: string): IsoDate | undefined {
  const raw = single(query, name);
  if (raw !== undefined && !isIsoDate(raw)) throw new InvalidParameterException(name, `must be a real date as YYYY-MM-DD (got "${raw.slice(0, 40)}")`);
  if (raw !== undefined && (raw < EARLIEST_QUERY_DATE || raw > LATEST_QUERY_DATE)) {
    throw new InvalidParameterException(name, `must be between ${EARLIEST_QUERY_DATE} and ${LATEST_QUERY_DATE} (got "${raw}")`);
  }
  return raw;
}

/** The last 12 whole months before the month of `today`. */
export function defaultRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const monthStart = periodStart(today, 'month', { fiscalYearStartMonth: 1 });
  return { from: addMonths(monthStart, -12), to: addDays(monthStart, -1) };
}

/** Parses and checks the query string of /aggregate; every problem names its parameter. */
export function parseAggregateQuery(query: Record<string, unknown>, today: IsoDate): AggregateQuery {
  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name)) throw new InvalidParameterException(name, `is not a parameter of this query; the parameters are ${PARAMETERS.join(', ')}`);
  }
  const measures = each('measures', list(query, 'measures'), (m): m is MeasureId => isMeasureId(m), SUPPORTED_MEASURES.join(', ')) ?? ['lines'];
  for (const measure of measures) {
    if (!SUPPORTED_MEASURES.includes(measure)) throw new InvalidParameterException('measures', `"${measure}" is not available yet; use ${SUPPORTED_MEASURES.join(', ')}`);
  }
  const groupBy = each('groupBy', list(query, 'groupBy'), (d): d is DimensionId => isDimensionId(d), DIMENSIONS.join(', ')) ?? [];
  const grain = single(query, 'grain') ?? 'month';
  if (!isGrain(grain)) throw new InvalidParameterException('grain', `"${grain.slice(0, 40)}" is not one of day, week, month, quarter, year, fiscal_year`);

  const fallback = defaultRange(today);
  const from = date(query, 'from') ?? fallback.from;
  const to = date(query, 'to') ?? fallback.to;
  if (from > to) throw new InvalidParameterException('from', `(${from}) is after to (${to}); the range is inclusive at both ends`);

  const codes = list(query, 'code')?.map(normalizeCode);
  for (const code of codes ?? []) {
    if (!isValidCode(code)) throw new InvalidParameterException('code', `"${code.slice(0, 40)}" is not a CPT or HCPCS code`);
  }
  const departments = list(query, 'department');
  for (const department of departments ?? []) {
    if (department.length > 32) throw new InvalidParameterException('department', 'department codes are at most 32 characters');
    // PostgreSQL text cannot hold a NUL byte: refuse control characters here rather than fail in the query.
    if ([...department].some((ch) => ch < ' ' || ch === '\u007f')) throw new InvalidParameterException('department', 'department codes cannot contain control characters');
  }
  const places = list(query, 'place_of_service');
  for (const place of places ?? []) {
    if (!/^\d{2}$/.test(place) || place === '00') throw new InvalidParameterException('place_of_service', `"${place.slice(0, 40)}" is not a two-digit place-of-service code`);
  }
  const filters: AggregateFilters = {
    department: departments,
    code: codes,
    section: each('section', list(query, 'section'), (s): s is SectionId => (SECTIONS as readonly string[]).includes(s), SECTIONS.join(', ')),
    payer_category: each('payer_category', list(query, 'payer_category'), (p): p is PayerCategory => (PAYER_CATEGORIES as readonly string[]).includes(p), PAYER_CATEGORIES.join(', ')),
    place_of_service: places,
  };

  const compare = single(query, 'compare');
  if (compare !== undefined && compare !== 'previous_period' && compare !== 'previous_year') {
    throw new InvalidParameterException('compare', `"${compare.slice(0, 40)}" is not one of previous_period, previous_year`);
  }

  let orderBy: AggregateQuery['orderBy'] = null;
  const order = single(query, 'orderBy');
  if (order !== undefined) {
    const descending = order.startsWith('-');
    const key = descending ? order.slice(1) : order;
    const allowed = [...groupBy, ...measures, ...(compare ? measures.map((m) => `${m}_compare`) : [])];
    if (!allowed.includes(key)) throw new InvalidParameterException('orderBy', `"${order.slice(0, 40)}" must name a measure or group-by of this query (${allowed.join(', ')}), with - for descending`);
    orderBy = { key, descending };
  }

  let limit: number | null = null;
  const rawLimit = single(query, 'limit');
  if (rawLimit !== undefined) {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LIMIT) {
      throw new InvalidParameterException('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    limit = Number(rawLimit);
  }

  return { measures, groupBy, grain, from, to, filters, orderBy, limit, compare: compare ?? null };
}
