import { addYears } from '@caseload/domain';
import type { AggregateResponse } from '../../../api/aggregate';
import { formatDateRange } from '../../../ui/format-period';
import { toMeasureValue } from '../../../ui/measure-value';
import { buildDepartmentGrid } from '../utils/department-grid';
import { buildSectionStack } from '../utils/section-stack';
import { buildCodeTrends, buildTopCodes, withTrends } from '../utils/top-codes';
import type { ScopedParams } from '../utils/volume-drill';
import { codeTrendsQuery, departmentsQuery, sectionsQuery, topCodesQuery, trendQuery } from '../utils/volume-queries';
import { buildVolumeTrend } from '../utils/volume-trend';
import { useAggregate } from './use-aggregate';

export interface VolumeTrendModel {
  grain: string;
  range: string;
  compareRange: string;
  points: ReturnType<typeof buildVolumeTrend>;
  total: number;
  previousTotal: number | null;
  suppressed: number;
}

export function buildVolumeTrendModel(data: AggregateResponse): VolumeTrendModel {
  const { from, to, compareFrom, compareTo } = data.meta;
  return {
    grain: data.meta.grain,
    range: formatDateRange(from, to),
    compareRange: formatDateRange(compareFrom ?? addYears(from, -1), compareTo ?? addYears(to, -1)),
    points: buildVolumeTrend(data.rows),
    total: toMeasureValue(data.totals['lines']) ?? 0,
    previousTotal: toMeasureValue(data.totals['lines_compare']),
    suppressed: toMeasureValue(data.meta.suppressed) ?? 0,
  };
}

const selectStack = (data: AggregateResponse) => buildSectionStack(data.rows);
const selectGrid = (data: AggregateResponse) => buildDepartmentGrid(data.rows);
const selectTopCodes = (data: AggregateResponse) => buildTopCodes(data.rows);
const selectCodeTrends = (data: AggregateResponse) => buildCodeTrends(data.rows);

/** The page's headline: lines by period with a year earlier; it decides loading, empty and error for the page. */
export function useVolumeTrend(params: ScopedParams) {
  return useAggregate(trendQuery(params), buildVolumeTrendModel);
}

export function useSectionStack(params: ScopedParams) {
  return useAggregate(sectionsQuery(params), selectStack);
}

export function useDepartmentGrid(params: ScopedParams) {
  return useAggregate(departmentsQuery(params), selectGrid);
}

/**
 * The top codes with their sparklines: the ranking first, then one request for the lines by
 * period of just those codes. Until the second answers, the sparklines are left empty.
 */
export function useTopCodes(params: ScopedParams) {
  const ranking = useAggregate(topCodesQuery(params), selectTopCodes);
  const codes = ranking.data && !ranking.isPlaceholderData ? ranking.data.map((code) => code.code) : [];
  const trends = useAggregate(codes.length > 0 ? codeTrendsQuery(params, codes) : null, selectCodeTrends);
  const data = ranking.data && trends.data && !trends.isPlaceholderData ? withTrends(ranking.data, trends.data) : ranking.data;
  return { ...ranking, data, periods: trends.isPlaceholderData ? [] : (trends.data?.periods ?? []) };
}
