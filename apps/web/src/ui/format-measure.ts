import { formatInteger, formatMeasure, formatMoney, formatPercent, MEASURE_DEFINITIONS } from '@caseload/domain';
import type { MeasureId } from '@caseload/domain';

/** Compact, for tiles and axes: `1.2k`, `$3.4M`, `4.1%`. */
export function formatCompact(measure: MeasureId, value: number | null): string {
  return formatMeasure(measure, value);
}

/** Exact, for tables: `1,234`, `$15,230.50`, `8.0%`. */
export function formatExact(measure: MeasureId, value: number | null): string {
  switch (MEASURE_DEFINITIONS[measure].unit) {
    case 'money':
      return formatMoney(value);
    case 'rate':
      return formatPercent(value);
    case 'count':
    case 'minutes':
      return formatInteger(value);
    case 'rvu':
      return value === null ? formatInteger(value) : value.toFixed(2);
  }
}
