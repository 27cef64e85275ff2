import type { AggregateQuery } from '../../../api/aggregate';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';

/**
 * The headline: money, denials, wRVUs and expected payment by period. Its totals feed the
 * tiles, its rows the two trend charts; `lines` tells an empty range from a zero one.
 */
export function headlineQuery(params: AggregateFilterParams): AggregateQuery {
  return { measures: ['lines', 'charges', 'allowed', 'paid', 'denial_rate', 'wrvu', 'expected_payment'], groupBy: ['period'], ...params };
}

/** Charges by payer category over the whole range: the grain does not matter, so it stays out of the cache key. */
export function payerMixQuery(params: AggregateFilterParams): AggregateQuery {
  const { grain: _grain, ...filters } = params;
  return { measures: ['charges'], groupBy: ['payer_category'], orderBy: '-charges', ...filters };
}

/**
 * Distinct encounters by payer category: asked only when the payer mix is shown by
 * encounters, as a distinct count by payer reads the lines themselves (seconds on tens of
 * millions of lines), where the charges come from a monthly rollup.
 */
export function payerEncountersQuery(params: AggregateFilterParams): AggregateQuery {
  const { grain: _grain, ...filters } = params;
  return { measures: ['encounters'], groupBy: ['payer_category'], ...filters };
}

/** Rows the code and provider tables show. */
export const TOP_ROWS = 15;

/** The filters narrowed to the drilled department (inside the filter bar's own choice). */
function drilled(params: AggregateFilterParams, department: string | null): Omit<AggregateFilterParams, 'grain'> {
  const { grain: _grain, ...filters } = params;
  return department === null ? filters : { ...filters, department: [department] };
}

/** Paid against expected payment by code, the codes with the most expected payment first. */
export function codesQuery(params: AggregateFilterParams, department: string | null): AggregateQuery {
  return { measures: ['lines', 'paid', 'expected_payment'], groupBy: ['code'], orderBy: '-expected_payment', limit: TOP_ROWS, ...drilled(params, department) };
}

/** Work RVUs by rendering provider (NPI), most first. */
export function providersQuery(params: AggregateFilterParams, department: string | null): AggregateQuery {
  return { measures: ['wrvu', 'lines'], groupBy: ['provider'], orderBy: '-wrvu', limit: TOP_ROWS, ...drilled(params, department) };
}

/** Paid, expected payment and wRVUs by department over the whole range. */
export function departmentsQuery(params: AggregateFilterParams): AggregateQuery {
  const { grain: _grain, ...filters } = params;
  return { measures: ['paid', 'expected_payment', 'wrvu'], groupBy: ['department'], ...filters };
}

/** The schedule change of the what-if panel; null leaves that part as loaded. */
export interface WhatIfInput {
  conversionFactor: number | null;
  workRvuPercent: number | null;
}

function sliceSearch(params: AggregateFilterParams): URLSearchParams {
  const search = new URLSearchParams({ from: params.from, to: params.to });
  for (const name of ['department', 'section', 'payer_category', 'place_of_service'] as const) {
    const values = params[name];
    if (values?.length) search.set(name, values.join(','));
  }
  return search;
}

export function whatIfUrl(params: AggregateFilterParams, input: WhatIfInput): string {
  const search = sliceSearch(params);
  if (input.conversionFactor !== null) search.set('conversion_factor', String(input.conversionFactor));
  if (input.workRvuPercent !== null) search.set('work_rvu_percent', String(input.workRvuPercent));
  return `/api/v1/reimbursement/what-if?${search.toString().replaceAll('%2C', ',')}`;
}

export const DENIAL_REASONS = 10;

export function denialReasonsUrl(params: AggregateFilterParams): string {
  const search = sliceSearch(params);
  search.set('limit', String(DENIAL_REASONS));
  return `/api/v1/reimbursement/denial-reasons?${search.toString().replaceAll('%2C', ',')}`;
}
