/** A cell of an aggregate answer: a label, a number, or null where it is undefined. */
export type AggregateValue = string | number | null;

/** One row: the group-by labels (`period`, `department`, …) and the measures (`lines`, `lines_compare`, …). */
export type AggregateRow = Record<string, AggregateValue>;

export interface AggregateMeta {
  grain: string;
  from: string;
  to: string;
  rowCount: number;
  suppressed: number;
  compare?: 'previous_period' | 'previous_year';
  compareFrom?: string;
  compareTo?: string;
  /** Where the rows were computed: a rollup, or the facts themselves. */
  source?: 'facts' | 'rollup_month' | 'rollup_month_code' | 'rollup_month_provider' | 'rollup_day_code' | 'memory';
  /** Lines matched that no fee schedule prices (for wrvu / expected_payment). */
  unpriced?: number;
}

export interface AggregateResponse {
  rows: AggregateRow[];
  totals: Record<string, number | null>;
  meta: AggregateMeta;
}

/** Every error the API returns has this shape; `message` names the parameter or field. */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
}
