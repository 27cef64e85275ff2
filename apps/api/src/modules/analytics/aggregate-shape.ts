import type { AggregateRow } from '@caseload/contracts';
import type { DimensionId, MeasureId } from '@caseload/domain';
import { measureValue } from './measure-sql.js';
import type { SliceRow } from './aggregate.repository.js';

export const ZERO_COMPONENTS: Readonly<Record<string, number>> = new Proxy({}, { get: () => 0 });

/** A stable key for a combination of labels (null kept distinct from the text "null"). */
export function labelKey(labels: Partial<Record<DimensionId, string | null>>, dimensions: readonly DimensionId[]): string {
  return JSON.stringify(dimensions.map((dimension) => labels[dimension] ?? null));
}

export function measureValues(measures: readonly MeasureId[], components: Record<string, number>, suffix = ''): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const measure of measures) values[`${measure}${suffix}`] = measureValue(measure, components);
  return values;
}

/**
 * Fills the periods of the range that had no activity: with `period` alone every period is a
 * row; with other dimensions too, every period appears for each combination of the others that
 * has any activity in the range.
 */
export function fillPeriods(rows: SliceRow[], dimensions: readonly DimensionId[], periodLabels: readonly string[]): SliceRow[] {
  if (!dimensions.includes('period')) return rows;
  const others = dimensions.filter((dimension) => dimension !== 'period');
  const byKey = new Map(rows.map((row) => [labelKey(row.labels, dimensions), row]));
  const combinations = new Map<string, SliceRow['labels']>();
  if (others.length === 0) combinations.set('[]', {});
  for (const row of rows) combinations.set(labelKey(row.labels, others), row.labels);
  const filled: SliceRow[] = [];
  for (const combination of combinations.values()) {
    for (const period of periodLabels) {
      const labels = { ...combination, period };
      filled.push(byKey.get(labelKey(labels, dimensions)) ?? { labels, components: ZERO_COMPONENTS });
    }
  }
  return filled;
}

function compareCells(a: AggregateRow[string], b: AggregateRow[string]): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last either way
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Orders by the requested key (nulls last), then by the group-by labels for a stable answer. */
export function sortRows(rows: AggregateRow[], dimensions: readonly DimensionId[], orderBy: { key: string; descending: boolean } | null): AggregateRow[] {
  return rows.sort((a, b) => {
    if (orderBy !== null) {
      const x = a[orderBy.key] ?? null;
      const y = b[orderBy.key] ?? null;
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else {
        const order = compareCells(x, y);
        if (order !== 0) return orderBy.descending ? -order : order;
      }
    }
    for (const dimension of dimensions) {
      const order = compareCells(a[dimension] ?? null, b[dimension] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
}
