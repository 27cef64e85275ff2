import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery, AggregateResponse, AggregateRow } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import { formatDateRange } from '../../../ui/format-period';
import { toMeasureValue } from '../../../ui/measure-value';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import type { DenialReasonsResponse, WhatIfResponse } from '@caseload/contracts';
import { codesQuery, denialReasonsUrl, departmentsQuery, headlineQuery, payerEncountersQuery, payerMixQuery, providersQuery, whatIfUrl } from '../utils/reimbursement-queries';
import type { WhatIfInput } from '../utils/reimbursement-queries';
import {
  buildCodePayments,
  buildDenialTrend,
  buildDepartmentPayments,
  buildMoneyTrend,
  buildPayerMix,
  buildProviderWrvu,
  buildReimbursementTotals,
} from '../utils/reimbursement-shaping';

/** One aggregate query shaped by `select`; a filter change keeps the old figures on show, marked as updating. */
function useAggregate<T>(query: AggregateQuery, select: (data: AggregateResponse) => T) {
  return useQuery({
    queryKey: ['aggregate', query],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(query), { signal })),
    select,
    placeholderData: keepPreviousData,
  });
}

export function buildHeadline(data: AggregateResponse) {
  return {
    grain: data.meta.grain,
    range: formatDateRange(data.meta.from, data.meta.to),
    isEmpty: (toMeasureValue(data.totals['lines']) ?? 0) === 0,
    totals: buildReimbursementTotals(data.totals),
    money: buildMoneyTrend(data.rows),
    denials: buildDenialTrend(data.rows),
    suppressed: toMeasureValue(data.meta.suppressed) ?? 0,
  };
}

const selectPayerMix = (data: AggregateResponse) => data.rows;
const selectRows = (data: AggregateResponse) => data.rows;
const selectDepartments = (data: AggregateResponse) => ({ departments: buildDepartmentPayments(data.rows), unpriced: toMeasureValue(data.meta.unpriced) ?? 0 });

/** The page's headline: it decides loading, empty and error for the whole page. */
export function useReimbursementHeadline(params: AggregateFilterParams) {
  return useAggregate(headlineQuery(params), buildHeadline);
}

/** Charges by payer, and the encounters once `withEncounters` asks for them: one list of shares. */
export function usePayerMix(params: AggregateFilterParams, withEncounters: boolean) {
  const charges = useAggregate(payerMixQuery(params), selectPayerMix);
  const encounters = useQuery({
    queryKey: ['aggregate', payerEncountersQuery(params)],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(payerEncountersQuery(params)), { signal })),
    select: selectRows,
    placeholderData: keepPreviousData,
    enabled: withEncounters,
  });
  const payers = charges.data === undefined ? undefined : buildPayerMix(mergeRows(charges.data, encounters.data ?? [], 'payer_category'));
  return { charges, encounters, payers };
}

/** The rows of two answers by the same dimension, as one row per label. */
function mergeRows(first: readonly AggregateRow[], second: readonly AggregateRow[], key: string): AggregateRow[] {
  const extra = new Map(second.map((row) => [row[key], row]));
  return first.map((row) => ({ ...extra.get(row[key]), ...row }));
}

export function useDepartmentPayments(params: AggregateFilterParams) {
  return useAggregate(departmentsQuery(params), selectDepartments);
}

const selectCodes = (data: AggregateResponse) => ({ codes: buildCodePayments(data.rows), unpriced: toMeasureValue(data.meta.unpriced) ?? 0 });
const selectProviders = (data: AggregateResponse) => buildProviderWrvu(data.rows);

/** Paid against expected by code, for the drilled department or all of them. */
export function useCodePayments(params: AggregateFilterParams, department: string | null) {
  return useAggregate(codesQuery(params, department), selectCodes);
}

export function useProviderWrvu(params: AggregateFilterParams, department: string | null) {
  return useAggregate(providersQuery(params, department), selectProviders);
}

/** One GET of the reimbursement routes; a change keeps the old answer on show while the new one loads. */
function useReimbursementRoute<T>(url: string) {
  return useQuery({
    queryKey: ['reimbursement', url],
    queryFn: ({ signal }) => apiFetch<T>(url, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDenialReasons(params: AggregateFilterParams) {
  return useReimbursementRoute<DenialReasonsResponse>(denialReasonsUrl(params));
}

export function useWhatIf(params: AggregateFilterParams, input: WhatIfInput) {
  return useReimbursementRoute<WhatIfResponse>(whatIfUrl(params, input));
}
