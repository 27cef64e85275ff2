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

/** Paid, expected payment and wRVUs by department over the whole range. */
export function departmentsQuery(params: AggregateFilterParams): AggregateQuery {
  const { grain: _grain, ...filters } = params;
  return { measures: ['paid', 'expected_payment', 'wrvu'], groupBy: ['department'], ...filters };
}
