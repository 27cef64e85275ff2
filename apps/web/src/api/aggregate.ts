import type { AggregateResponse } from '@caseload/contracts';
import type { DimensionId, Grain, MeasureId } from '@caseload/domain';
import { ApiError } from './api-error';

// The answer's types come from @caseload/contracts, shared with the API; the runtime
// check below guards the edge all the same.
export type { AggregateMeta, AggregateResponse, AggregateRow } from '@caseload/contracts';

export interface AggregateQuery {
  measures: readonly MeasureId[];
  groupBy?: readonly DimensionId[];
  grain?: Grain;
  from?: string;
  to?: string;
  compare?: 'previous_period' | 'previous_year';
  /** Filters (DESIGN §6): each a list of values; an empty list means no filter. */
  department?: readonly string[];
  code?: readonly string[];
  section?: readonly string[];
  payer_category?: readonly string[];
  place_of_service?: readonly string[];
  /** A measure or group-by of the query; `-lines` sorts descending. */
  orderBy?: string;
  limit?: number;
}

const FILTER_PARAMETERS = ['department', 'code', 'section', 'payer_category', 'place_of_service'] as const;

/** Builds the query URL. Commas in lists stay literal, as the API documents them. */
export function aggregateUrl(query: AggregateQuery): string {
  const parts: string[] = [`measures=${query.measures.map(encodeURIComponent).join(',')}`];
  if (query.groupBy?.length) parts.push(`groupBy=${query.groupBy.map(encodeURIComponent).join(',')}`);
  if (query.grain) parts.push(`grain=${query.grain}`);
  if (query.from) parts.push(`from=${encodeURIComponent(query.from)}`);
  if (query.to) parts.push(`to=${encodeURIComponent(query.to)}`);
  for (const name of FILTER_PARAMETERS) {
    const values = query[name];
    if (values?.length) parts.push(`${name}=${values.map(encodeURIComponent).join(',')}`);
  }
  if (query.compare) parts.push(`compare=${query.compare}`);
  if (query.orderBy) parts.push(`orderBy=${encodeURIComponent(query.orderBy)}`);
  if (query.limit !== undefined) parts.push(`limit=${query.limit}`);
  return `/api/v1/aggregate?${parts.join('&')}`;
}

/** Checks the outline of an answer so a wrong shape fails loudly here, not deep in a chart. */
export function parseAggregateResponse(body: unknown): AggregateResponse {
  if (!isObject(body) || !Array.isArray(body['rows']) || !isObject(body['totals']) || !isObject(body['meta'])) {
    throw unexpectedShape();
  }
  const meta = body['meta'];
  if (typeof meta['from'] !== 'string' || typeof meta['to'] !== 'string') throw unexpectedShape();
  return body as unknown as AggregateResponse;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpectedShape(): ApiError {
  return new ApiError(502, 'The server sent an answer this version of Caseload cannot read. Reload the page.');
}
