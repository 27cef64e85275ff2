import type { AggregateRow } from '../../../api/aggregate';
import { periodName, periodTick } from '../../../ui/format-period';
import { byPeriod } from './kpi-tiles';
import { toMeasureValue } from './overview-measures';

export interface TrendPoint {
  period: string;
  /** `Mar 2025`, for tooltips and tables. */
  label: string;
  /** `Mar ’25`, for the axis. */
  tick: string;
  current: number | null;
  /** The same month a year earlier (`<measure>_compare`). */
  previous: number | null;
}

/** One point per period, oldest first, with the measure and its comparison value. */
export function buildTrendSeries(rows: readonly AggregateRow[], measure: string): TrendPoint[] {
  return [...rows]
    .filter((row) => typeof row['period'] === 'string')
    .sort(byPeriod)
    .map((row) => {
      const period = String(row['period']);
      return {
        period,
        label: periodName(period),
        tick: periodTick(period),
        current: toMeasureValue(row[measure]),
        previous: toMeasureValue(row[`${measure}_compare`]),
      };
    });
}

/** True when the series has a comparison value to draw at all. */
export function hasPreviousValues(series: readonly TrendPoint[]): boolean {
  return series.some((point) => point.previous !== null);
}
