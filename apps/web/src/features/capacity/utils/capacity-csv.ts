import type { CapacityForecastResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { tableCsv } from '../../../ui/table-csv';
import type { NeedsLine } from './capacity-needs';

/** The needs table as the page shows it, one row per department × resource × month. */
export function needsCsv(lines: readonly NeedsLine[]): string {
  return tableCsv(
    ['department', 'resource', 'kind', 'month', 'required_hours', 'required_hours_low', 'required_hours_high', 'available_hours', 'utilization', 'units_or_ftes', 'needed', 'gap'],
    lines.map((line) => [
      line.department,
      line.name,
      line.kind,
      line.period,
      line.required.expected,
      line.required.low,
      line.required.high,
      line.available,
      line.utilization,
      line.count,
      line.needed,
      line.gap,
    ]),
  );
}

/** Utilization by period, department and resource type, as the API answers it. */
export function utilizationCsv(answer: CapacityUtilizationResponse): string {
  return tableCsv(
    ['period', 'from', 'to', 'department', 'resource_type', 'kind', 'used_minutes', 'units_or_ftes', 'available_hours', 'utilization'],
    answer.rows.map((row) => [row.period, row.from, row.to, row.department, row.resourceType, row.kind, row.usedMinutes, row.count, row.availableHours, row.utilization]),
  );
}

/** Every series: its actuals, then its forecast with the interval, and the backtest scores on each row. */
export function forecastCsv(answer: CapacityForecastResponse): string {
  return tableCsv(
    ['department', 'section', 'code', 'period', 'kind', 'value', 'low', 'high', 'backtest_mape', 'backtest_mase'],
    answer.series.flatMap((series) => {
      const scores = [series.backtest?.mape ?? null, series.backtest?.mase ?? null];
      return [
        ...series.history.map((point) => [series.department, series.section, series.code, point.period, 'actual', point.value, null, null, ...scores]),
        ...series.points.map((point) => [series.department, series.section, series.code, point.period, 'forecast', point.value, point.low, point.high, ...scores]),
      ];
    }),
  );
}
