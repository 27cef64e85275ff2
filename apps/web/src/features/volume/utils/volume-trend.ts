import { formatCompactNumber } from '@caseload/domain';
import type { AggregateRow } from '../../../api/aggregate';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainNoun } from '../../../ui/grain-words';
import { toMeasureValue } from '../../../ui/measure-value';

export interface VolumeTrendPoint {
  period: string;
  /** `Mar 2025`, for tooltips and tables. */
  label: string;
  /** `Mar ’25`, for the axis. */
  tick: string;
  current: number | null;
  /** The same period a year earlier. */
  previous: number | null;
}

/** One point per period, oldest first: lines and lines a year earlier. */
export function buildVolumeTrend(rows: readonly AggregateRow[]): VolumeTrendPoint[] {
  return rows
    .filter((row) => typeof row['period'] === 'string')
    .map((row) => {
      const period = String(row['period']);
      return { period, label: periodName(period), tick: periodTick(period), current: toMeasureValue(row['lines']), previous: toMeasureValue(row['lines_compare']) };
    })
    .sort((a, b) => a.period.localeCompare(b.period));
}

/** The chart's accessible name: what it shows, its highest and lowest period. */
export function volumeTrendSummary(points: readonly VolumeTrendPoint[], scope: string, range: string, grain: string): string {
  const noun = grainNoun(grain);
  const known = points.filter((point): point is VolumeTrendPoint & { current: number } => point.current !== null);
  const intro = `Line chart of procedure lines by ${noun} for ${scope}, ${range}`;
  if (known.length === 0) return `${intro}: no values.`;
  const high = known.reduce((best, point) => (point.current > best.current ? point : best));
  const low = known.reduce((best, point) => (point.current < best.current ? point : best));
  return `${intro}, with the same ${noun}s a year earlier as a dashed line. Highest ${formatCompactNumber(high.current)} in ${high.label}, lowest ${formatCompactNumber(low.current)} in ${low.label}.`;
}
