/** One series of a multi-series chart, read from each row by a function (no string keys to mistype). */
export interface ChartSeries<Row> {
  /** Stable key: a section id, a department code. */
  id: string;
  name: string;
  color: string;
  value: (row: Row) => number | null;
  /** Dashed lines mark comparison series (e.g. a year earlier). */
  dashed?: boolean;
}

/** The axis and tooltip wording every category chart needs. */
export interface ChartFormats {
  formatX: (x: string) => string;
  formatTooltipLabel: (x: string) => string;
  formatValue: (value: number | null) => string;
  formatAxisValue: (value: number | null) => string;
}
