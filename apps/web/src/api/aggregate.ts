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
}

/** Builds the query URL. Commas in lists stay literal, as the API documents them. */
export function aggregateUrl(query: AggregateQuery): string {
  const parts: string[] = [`measures=${query.measures.map(encodeURIComponent).join(',')}`];
  if (query.groupBy?.length) parts.push(`groupBy=${query.groupBy.map(encodeURIComponent).join(',')}`);
  if (query.grain) parts.push(`grain=${query.grain}`);
  if (query.from) parts.push(`from=${encodeURIComponent(query.from)}`);
  if (query.to) parts.push(`to=${encodeURIComponent(query.to)}`);
  if (query.compare) parts.push(`compare=${query.compare}`);
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
