import type { AggregateRow } from '../../../api/aggregate';
import { toMeasureValue } from '../../../ui/measure-value';

export interface DepartmentGridRow {
  department: string;
  /** Lines per period, in the order of `periods`; 0 where the department had none. */
  values: number[];
  total: number;
}

export interface DepartmentGrid {
  /** Every period of the answer, oldest first. */
  periods: string[];
  /** Busiest department first; ties by code. */
  rows: DepartmentGridRow[];
  /** The largest single cell: the darkest colour. */
  max: number;
}

/** Rows of lines by period and department → a department × period grid. */
export function buildDepartmentGrid(rows: readonly AggregateRow[]): DepartmentGrid {
  const cells = new Map<string, Map<string, number>>();
  const periodSet = new Set<string>();
  for (const row of rows) {
    const period = row['period'];
    const department = row['department'];
    if (typeof period !== 'string' || typeof department !== 'string') continue;
    periodSet.add(period);
    const byPeriod = cells.get(department) ?? new Map<string, number>();
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + (toMeasureValue(row['lines']) ?? 0));
    cells.set(department, byPeriod);
  }
  const periods = [...periodSet].sort();
  const gridRows = [...cells.entries()]
    .map(([department, byPeriod]) => {
      const values = periods.map((period) => byPeriod.get(period) ?? 0);
      return { department, values, total: values.reduce((sum, value) => sum + value, 0) };
    })
    .sort((a, b) => b.total - a.total || a.department.localeCompare(b.department));
  const max = Math.max(0, ...gridRows.flatMap((row) => row.values));
  return { periods, rows: gridRows, max };
}

export interface DepartmentLines {
  /** The departments drawn as their own line, busiest first; `other` (if any) last. */
  series: Array<{ id: string; name: string }>;
  points: Array<{ period: string; lines: Readonly<Record<string, number>> }>;
}

export const OTHER_DEPARTMENTS = '__other__';

/**
 * The grid as lines: the `count` busiest departments each on its own, the rest summed into
 * one "other departments" line, so the chart stays readable however many departments there are.
 */
export function buildDepartmentLines(grid: DepartmentGrid, count = 5): DepartmentLines {
  const shown = grid.rows.slice(0, count);
  const rest = grid.rows.slice(count);
  const series = shown.map((row) => ({ id: row.department, name: row.department }));
  if (rest.length > 0) series.push({ id: OTHER_DEPARTMENTS, name: rest.length === 1 ? `${rest[0]?.department ?? ''}` : `${rest.length} other departments` });
  const points = grid.periods.map((period, index) => {
    const lines: Record<string, number> = {};
    for (const row of shown) lines[row.department] = row.values[index] ?? 0;
    if (rest.length > 0) lines[OTHER_DEPARTMENTS] = rest.reduce((sum, row) => sum + (row.values[index] ?? 0), 0);
    return { period, lines };
  });
  return { series, points };
}
