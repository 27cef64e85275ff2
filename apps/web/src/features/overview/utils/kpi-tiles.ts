import { MEASURE_DEFINITIONS } from '@caseload/domain';
import type { MeasureUnit } from '@caseload/domain';
import type { AggregateResponse } from '../../../api/aggregate';
import { OVERVIEW_MEASURES, toMeasureValue } from './overview-measures';
import type { OverviewMeasure } from './overview-measures';

/**
 * Change against the comparison period. Counts and money change relatively (`amount` 0.091
 * = 9.1 %); a rate changes in percentage points (`amount` -0.02 = 2.0 points down), because
 * "denials fell 20 %" from 10 % to 8 % reads as a much bigger move than it is.
 */
export interface Change {
  unit: 'percent' | 'points';
  amount: number;
  direction: 'up' | 'down' | 'flat';
}

export interface KpiTile {
  measure: OverviewMeasure;
  label: string;
  description: string;
  unit: MeasureUnit;
  value: number | null;
  previous: number | null;
  change: Change | null;
  /** One value per row (month), oldest first, for the sparkline. */
  trend: Array<number | null>;
}

/** (current − previous) ÷ previous; null when either is unknown or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

export function changeBetween(unit: MeasureUnit, current: number | null, previous: number | null): Change | null {
  const amount =
    unit === 'rate'
      ? current === null || previous === null
        ? null
        : current - previous
      : relativeChange(current, previous);
  if (amount === null) return null;
  // Flat when the shown figure (one decimal of a percent or point) rounds to zero.
  const direction = Math.abs(amount) < 0.0005 ? 'flat' : amount > 0 ? 'up' : 'down';
  return { unit: unit === 'rate' ? 'points' : 'percent', amount, direction };
}

/** Shapes the totals and monthly rows into the six headline tiles. */
export function buildKpiTiles(data: Pick<AggregateResponse, 'rows' | 'totals'>): KpiTile[] {
  const rows = [...data.rows].sort(byPeriod);
  return OVERVIEW_MEASURES.map((measure) => {
    const { label, description, unit } = MEASURE_DEFINITIONS[measure];
    const value = toMeasureValue(data.totals[measure]);
    const previous = toMeasureValue(data.totals[`${measure}_compare`]);
    return {
      measure,
      label,
      description,
      unit,
      value,
      previous,
      change: changeBetween(unit, value, previous),
      trend: rows.map((row) => toMeasureValue(row[measure])),
    };
  });
}

/** `+9.1 %`, `−2.0 pts`, `0.0 %`; `—` when there is nothing to compare with. */
export function formatChange(change: Change | null): string {
  if (change === null) return '—';
  const figure = (Math.abs(change.amount) * 100).toFixed(1);
  const sign = change.direction === 'up' ? '+' : change.direction === 'down' ? '\u2212' : '';
  return `${sign}${figure}\u00a0${change.unit === 'points' ? 'pts' : '%'}`;
}

/** The same change in words, for screen readers and tooltips. */
export function describeChange(change: Change | null): string {
  if (change === null) return 'no comparison with a year earlier';
  const figure = `${(Math.abs(change.amount) * 100).toFixed(1)} ${change.unit === 'points' ? 'percentage points' : 'percent'}`;
  if (change.direction === 'flat') return 'unchanged on a year earlier';
  return `${change.direction} ${figure} on a year earlier`;
}

export function byPeriod(a: { readonly [key: string]: unknown }, b: { readonly [key: string]: unknown }): number {
  return String(a['period'] ?? '').localeCompare(String(b['period'] ?? ''));
}
