import { isValidCode, SECTION_LABELS, sectionOf } from '@caseload/domain';
import type { AggregateRow } from '../../../api/aggregate';
import { toMeasureValue } from './overview-measures';

export type MoverDimension = 'department' | 'code';

/** A department or code whose procedure lines changed against a year earlier. */
export interface Mover {
  key: string;
  /** A second line for people: a code's section; null for a department. */
  detail: string | null;
  current: number;
  previous: number;
  /** current − previous, in lines. */
  change: number;
  /** change ÷ previous; null when there were none a year earlier (new). */
  percent: number | null;
}

export interface Movers {
  /** Largest growth first. */
  up: Mover[];
  /** Largest fall first. */
  down: Mover[];
  /** The largest absolute change on show, to scale the bars. */
  scale: number;
}

/**
 * The `count` biggest rises and falls in lines, by absolute change (a department that adds
 * 200 lines moved more than one going from 2 to 6). Ties go to the larger percentage, then
 * to the key, so the order is stable. Rows without a change are left out.
 */
export function buildMovers(rows: readonly AggregateRow[], dimension: MoverDimension, count = 5): Movers {
  const movers = rows
    .filter((row) => typeof row[dimension] === 'string')
    .map((row): Mover => {
      const key = String(row[dimension]);
      const current = toMeasureValue(row['lines']) ?? 0;
      const previous = toMeasureValue(row['lines_compare']) ?? 0;
      const change = current - previous;
      return {
        key,
        detail: dimension === 'code' && isValidCode(key) ? SECTION_LABELS[sectionOf(key)] : null,
        current,
        previous,
        change,
        percent: previous > 0 ? change / previous : null,
      };
    });
  const byMagnitude = (a: Mover, b: Mover) =>
    Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.percent ?? Infinity) - Math.abs(a.percent ?? Infinity) || a.key.localeCompare(b.key);
  const up = movers.filter((mover) => mover.change > 0).sort(byMagnitude).slice(0, count);
  const down = movers.filter((mover) => mover.change < 0).sort(byMagnitude).slice(0, count);
  const scale = Math.max(0, ...up.map((mover) => mover.change), ...down.map((mover) => -mover.change));
  return { up, down, scale };
}

/** `+12.3 %`, `−4.0 %`, `new` when there was nothing a year earlier. */
export function formatMoverPercent(mover: Pick<Mover, 'percent'>): string {
  if (mover.percent === null) return 'new';
  const sign = mover.percent > 0 ? '+' : mover.percent < 0 ? '\u2212' : '';
  return `${sign}${(Math.abs(mover.percent) * 100).toFixed(1)}\u00a0%`;
}

/** A signed count: `+1,234`, `−56`. */
export function formatSignedInteger(value: number, format: (n: number) => string): string {
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return `${sign}${format(Math.abs(value))}`;
}

/** One mover in words, for a screen reader and a tooltip. */
export function describeMover(mover: Mover, format: (n: number) => string): string {
  const direction = mover.change > 0 ? 'up' : 'down';
  const percent = mover.percent === null ? ', none a year earlier' : ` (${(Math.abs(mover.percent) * 100).toFixed(1)} percent)`;
  return `${mover.key}: ${format(mover.current)} lines, ${direction} ${format(Math.abs(mover.change))} on ${format(mover.previous)} a year earlier${percent}`;
}
