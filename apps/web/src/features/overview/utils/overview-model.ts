import { addYears, formatCompactNumber } from '@caseload/domain';
import type { AggregateResponse } from '../../../api/aggregate';
import { formatDateRange, periodName } from '../../../ui/format-period';
import { formatCompact } from '../../../ui/format-measure';
import { grainNoun } from '../../../ui/grain-words';
import { buildKpiTiles, byPeriod } from './kpi-tiles';
import type { KpiTile } from './kpi-tiles';
import { toMeasureValue } from './overview-measures';
import { buildTrendSeries } from './trend-series';
import type { TrendPoint } from './trend-series';

export interface OverviewModel {
  /** The grain of the periods, as the API answered it (`month`, `week`, …). */
  grain: string;
  /** `Mar 2025 – Feb 2026`. */
  range: string;
  /** The same range a year earlier, which the comparison figures cover. */
  compareRange: string;
  tiles: KpiTile[];
  /** Period keys, oldest first, one per tile trend value. */
  periods: string[];
  lines: TrendPoint[];
  /** No procedure line in the range: nothing to chart yet. */
  isEmpty: boolean;
  suppressed: number;
}

export function buildOverviewModel(data: AggregateResponse): OverviewModel {
  const { from, to, compareFrom, compareTo } = data.meta;
  const lines = toMeasureValue(data.totals['lines']);
  return {
    grain: data.meta.grain,
    range: formatDateRange(from, to),
    // The API names the comparison range; older answers without it mean `from−1y..to−1y`.
    compareRange: formatDateRange(compareFrom ?? addYears(from, -1), compareTo ?? addYears(to, -1)),
    tiles: buildKpiTiles(data),
    periods: [...data.rows].sort(byPeriod).map((row) => String(row['period'] ?? '')),
    lines: buildTrendSeries(data.rows, 'lines'),
    isEmpty: lines === null || lines === 0,
    suppressed: toMeasureValue(data.meta.suppressed) ?? 0,
  };
}

/** The sparkline's accessible name: its first and last period. */
export function sparklineSummary(tile: KpiTile, periods: readonly string[], grain = 'month'): string {
  const noun = grainNoun(grain);
  const known = tile.trend
    .map((value, index) => ({ value, period: periods[index] ?? '' }))
    .filter((point): point is { value: number; period: string } => point.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return `${tile.label} by ${noun}: no values`;
  const format = (value: number) => formatCompact(tile.measure, value);
  return `${tile.label} by ${noun}, from ${format(first.value)} in ${periodName(first.period)} to ${format(last.value)} in ${periodName(last.period)}`;
}

/** The line chart's accessible name: what it shows and its high and low points. */
export function linesChartSummary(series: readonly TrendPoint[], range: string, grain = 'month'): string {
  const noun = grainNoun(grain);
  const known = series.filter((point): point is TrendPoint & { current: number } => point.current !== null);
  if (known.length === 0) return `Line chart of procedure lines by ${noun}, ${range}: no values.`;
  const high = known.reduce((best, point) => (point.current > best.current ? point : best));
  const low = known.reduce((best, point) => (point.current < best.current ? point : best));
  return (
    `Line chart of procedure lines by ${noun}, ${range}, with the same ${noun}s a year earlier as a dashed line. ` +
    `Highest ${formatCompactNumber(high.current)} in ${high.label}, lowest ${formatCompactNumber(low.current)} in ${low.label}.`
  );
}
