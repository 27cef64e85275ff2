import type { AggregateResponse, AggregateValue } from '@caseload/contracts';
import { DIMENSION_LABELS, MEASURE_DEFINITIONS, type MeasureUnit } from '@caseload/domain';
import type { AggregateQuery } from '../analytics/aggregate-query.js';

export interface ExportColumn {
  /** The aggregate answer's key: `department`, `charges`, `charges_compare`. */
  key: string;
  /** What a person reads in a spreadsheet or a report. */
  label: string;
  /** `label` for a group-by; the measure's unit otherwise (decides number formats). */
  unit: MeasureUnit | 'label';
}

/** Rows in the export's column order (the labels, then the measures' values), as a streamed export hands them over. */
export type RowBatch = AggregateValue[][];

/** The answer laid out for a file: columns, rows of cells, the totals row, and which cells were blanked. */
export interface ExportTable {
  columns: ExportColumn[];
  rows: AggregateValue[][];
  /** Blanked by suppression, per cell (a null not blanked is a value that is undefined, such as a rate over nothing). */
  blanked: boolean[][];
  /** The totals row (its first cell reads `Total`), or null when there is no group-by (the one row is the total). */
  totals: AggregateValue[] | null;
  totalsBlanked: boolean[] | null;
}

export function exportColumns(query: AggregateQuery): ExportColumn[] {
  const labels: ExportColumn[] = query.groupBy.map((key) => ({ key, label: DIMENSION_LABELS[key], unit: 'label' }));
  const measures = query.measures.flatMap((measure) => {
    const { label, unit } = MEASURE_DEFINITIONS[measure];
    const own: ExportColumn = { key: measure, label, unit };
    return query.compare === null ? [own] : [own, { key: `${measure}_compare`, label: `${label} (${query.compare.replace('_', ' ')})`, unit }];
  });
  return [...labels, ...measures];
}

/** `published` is the suppressed answer; `original` tells a blanked value from an undefined one. */
export function buildExportTable(query: AggregateQuery, published: AggregateResponse, original: AggregateResponse): ExportTable {
  const columns = exportColumns(query);
  const cell = (row: Record<string, AggregateValue>, key: string): AggregateValue => row[key] ?? null;
  const wasBlanked = (before: AggregateValue, after: AggregateValue) => after === null && before !== null;
  const rows = published.rows.map((row) => columns.map((column) => cell(row, column.key)));
  const blanked = published.rows.map((row, r) => columns.map((column) => wasBlanked(cell(original.rows[r]!, column.key), cell(row, column.key))));
  if (query.groupBy.length === 0) return { columns, rows, blanked, totals: null, totalsBlanked: null };
  const totals = totalsRow(columns, published.totals);
  const totalsBlanked = columns.map((column) => column.unit !== 'label' && wasBlanked(original.totals[column.key] ?? null, published.totals[column.key] ?? null));
  return { columns, rows, blanked, totals, totalsBlanked };
}

/** The totals row under the rows: `Total` in the first label column, the totals' values under the measures. */
export function totalsRow(columns: readonly ExportColumn[], totals: Record<string, AggregateValue>): AggregateValue[] {
  return columns.map((column, c): AggregateValue => {
    if (column.unit !== 'label') return totals[column.key] ?? null;
    return c === 0 ? 'Total' : '';
  });
}
