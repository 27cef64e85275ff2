import { DIMENSION_LABELS, GRAIN_LABELS, isDimensionId, isGrain, isMeasureId, MEASURE_DEFINITIONS } from '@caseload/domain';
import type { AggregateResponse, AggregateValue } from '@caseload/contracts';
import { formatExact } from '../../../ui/format-measure';
import { periodName } from '../../../ui/format-period';
import { toMeasureValue } from '../../../ui/measure-value';
import { filterValueName } from './report-words';

export interface PreviewColumn {
  key: string;
  header: string;
  numeric: boolean;
}

export interface PreviewRow {
  key: string;
  cells: Record<string, string>;
}

export interface PreviewTable {
  columns: PreviewColumn[];
  rows: PreviewRow[];
  /** The totals over every row the filters match, whatever the preview's limit cut. */
  total: PreviewRow | null;
}

function label(dimension: string, value: AggregateValue): string {
  if (value === null) return dimension === 'provider' ? 'No provider' : '—';
  const text = String(value);
  if (dimension === 'period') return periodName(text);
  return filterValueName(dimension, text);
}

/**
 * The preview's table: the group-bys as they are named, then each measure written exactly
 * (`1,234`, `$15,230.50`, `8.0%`), and a totals row under them.
 */
export function previewTable(query: Record<string, string>, answer: AggregateResponse): PreviewTable {
  const list = (name: string) => (query[name] ?? '').split(',').filter((value) => value !== '');
  const grain = answer.meta.grain || query['grain'] || 'month';
  const dimensions = list('groupBy').filter(isDimensionId);
  const measures = list('measures').filter(isMeasureId);
  const columns: PreviewColumn[] = [
    ...dimensions.map((id) => ({ key: id, header: id === 'period' && isGrain(grain) ? GRAIN_LABELS[grain] : DIMENSION_LABELS[id], numeric: false })),
    ...measures.map((id) => ({ key: id, header: MEASURE_DEFINITIONS[id].label, numeric: true })),
  ];
  const measureCells = (values: Record<string, unknown>) => Object.fromEntries(measures.map((id) => [id, formatExact(id, toMeasureValue(values[id]))]));
  const rows = answer.rows.map((row, index) => ({
    key: `${index}:${dimensions.map((id) => String(row[id])).join('|')}`,
    cells: { ...Object.fromEntries(dimensions.map((id) => [id, label(id, row[id] ?? null)])), ...measureCells(row) },
  }));
  // Without group-bys the one row is the total itself: no totals row.
  const labels = Object.fromEntries(dimensions.map((id, index) => [id, index === 0 ? 'Total' : '']));
  const total = dimensions.length === 0 ? null : { key: 'total', cells: { ...labels, ...measureCells(answer.totals) } };
  return { columns, rows, total };
}

/** `First 50 of 1,234 rows`, `All 12 rows`, `First 50 of more than 10,000 rows`. */
export function rowCountInWords(shown: number, total: number | null, cap: number): string {
  const rows = (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'}`;
  if (total === null || total <= shown) return shown === 0 ? 'No rows' : shown === 1 ? 'The only row' : `All ${rows(shown)}`;
  if (total >= cap) return `First ${shown.toLocaleString('en-US')} of more than ${(cap - 1).toLocaleString('en-US')} rows`;
  return `First ${shown.toLocaleString('en-US')} of ${rows(total)}`;
}
