import type { CapacityForecastSeries, CapacityUtilizationResponse } from '@caseload/contracts';
import { SECTION_LABELS } from '@caseload/domain';
import type { SectionId } from '@caseload/domain';
import type { HeatMapColumn, HeatMapRow } from '../../../ui/heat-map-table';
import { formatDate } from '../../../ui/format-period';
import { formatRate } from './capacity-format';
import { nameOf } from './capacity-needs';
import { HEAT_MAP_WEEKS } from './capacity-queries';
import type { ResourceNames } from './capacity-needs';


export interface UtilizationGrid {
  columns: HeatMapColumn[];
  rows: HeatMapRow[];
  /** Weeks in the answer before the ones shown. */
  hiddenWeeks: number;
}

/** `2025-03-03` → `3 Mar`. */
function dayMonth(date: string): string {
  return formatDate(date).replace(/ \d{4}$/, '');
}

/**
 * Resource types × weeks of the pooled utilization (every department's minutes against all
 * their hours), the last `weeks` weeks; the busiest type first by its mean over those weeks.
 */
export function utilizationGrid(answer: CapacityUtilizationResponse, names: ResourceNames, weeks = HEAT_MAP_WEEKS): UtilizationGrid {
  const periods = new Map<string, { from: string; to: string }>();
  for (const row of answer.pooled) if (!periods.has(row.period)) periods.set(row.period, { from: row.from, to: row.to });
  const ordered = [...periods.entries()].sort(([a], [b]) => a.localeCompare(b));
  const shown = ordered.slice(-weeks);
  const columns = shown.map(([period, range]) => ({ key: period, label: dayMonth(range.from), fullLabel: `week of ${formatDate(range.from)}` }));
  const index = new Map(shown.map(([period], i) => [period, i]));

  const byType = new Map<string, (number | null)[]>();
  for (const row of answer.pooled) {
    const i = index.get(row.period);
    if (i === undefined) continue;
    const values = byType.get(row.resourceType) ?? Array.from<number | null>({ length: shown.length }).fill(null);
    values[i] = row.utilization;
    byType.set(row.resourceType, values);
  }
  const mean = (values: readonly (number | null)[]) => {
    const known = values.filter((value): value is number => value !== null);
    return known.length === 0 ? -1 : known.reduce((sum, value) => sum + value, 0) / known.length;
  };
  const rows = [...byType.entries()]
    .map(([type, values]) => ({ type, values, mean: mean(values) }))
    .sort((a, b) => b.mean - a.mean || a.type.localeCompare(b.type))
    .map(({ type, values }) => ({ key: type, label: nameOf(names, type), name: nameOf(names, type), values }));
  return { columns, rows, hiddenWeeks: ordered.length - shown.length };
}

/** A heat-map cell: `92%`; a week with no hours available is blank. */
export function heatCell(value: number | null): string {
  return value === null ? '' : formatRate(value);
}

/** A point of the forecast chart: actuals, then the forecast with its interval. */
export interface ForecastChartRow {
  period: string;
  actual: number | null;
  forecast: number | null;
  /** Low and high of the interval; drawn as a band. */
  band: [number, number] | null;
}

/** Months of history the chart shows before the forecast. */
export const CHART_HISTORY_MONTHS = 24;

/**
 * The last `historyMonths` actuals and the forecast. The last actual also starts the forecast
 * line and band, so the two read as one line without a gap.
 */
export function forecastChartRows(series: CapacityForecastSeries, historyMonths = CHART_HISTORY_MONTHS): ForecastChartRow[] {
  const history = series.history.slice(-historyMonths);
  const rows: ForecastChartRow[] = history.map((point) => ({ period: point.period, actual: point.value, forecast: null, band: null }));
  const last = rows.at(-1);
  if (last && series.points.length > 0) {
    last.forecast = last.actual;
    last.band = last.actual === null ? null : [last.actual, last.actual];
  }
  for (const point of series.points) rows.push({ period: point.period, actual: null, forecast: point.value, band: [point.low, point.high] });
  return rows;
}

export interface ForecastOption {
  key: string;
  label: string;
  series: CapacityForecastSeries;
}

export function sectionName(section: string): string {
  return SECTION_LABELS[section as SectionId] ?? section;
}

/** The department × section series (not the per-code ones), the largest volume first. */
export function forecastOptions(series: readonly CapacityForecastSeries[]): ForecastOption[] {
  const total = (item: CapacityForecastSeries) => item.history.reduce((sum, point) => sum + point.value, 0);
  return series
    .filter((item) => item.code === null)
    .map((item) => ({ item, total: total(item) }))
    .sort((a, b) => b.total - a.total || a.item.department.localeCompare(b.item.department) || a.item.section.localeCompare(b.item.section))
    .map(({ item }) => ({ key: `${item.department}/${item.section}`, label: `${item.department} · ${sectionName(item.section)}`, series: item }));
}

/** The backtest in a line, or why there is none. */
export function backtestWords(series: CapacityForecastSeries): string {
  if (series.status === 'too_little_history') return series.message ?? 'Too little history for a forecast.';
  const test = series.backtest;
  if (test === null) return series.backtestNote ?? 'No backtest: the history is too short.';
  const mape = test.mape === null ? 'MAPE not defined (every held-out month was 0)' : `MAPE ${(test.mape * 100).toFixed(1)}%`;
  const mase = test.mase === null ? 'MASE not defined' : `MASE ${test.mase.toFixed(2)}`;
  return `${mape} · ${mase} · ${Math.round(test.coverage * 100)}% of actuals inside the interval, on the last ${test.holdout} months held out.`;
}
