import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

interface CategoryBarChartProps<Row> {
  data: Row[];
  /** The category's label, drawn under its bar. */
  label: (row: Row) => string;
  value: (row: Row) => number;
  name: string;
  color: string;
  height: number;
  formatValue: (value: number | null) => string;
  formatAxisValue: (value: number | null) => string;
}

/**
 * One bar per category, every category labelled (unlike a time axis, no label may be
 * skipped). Drawing only; the accessible name and the table live in ChartFrame.
 */
export function CategoryBarChart<Row>({ data, label, value, name, color, height, formatValue, formatAxisValue }: CategoryBarChartProps<Row>) {
  return (
    <BarChart responsive data={data} style={{ width: '100%', height }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} barCategoryGap="20%" accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="var(--grid)" />
      <XAxis
        dataKey={(row: Row) => label(row)}
        tick={{ fill: 'var(--ink-muted)', fontSize: 12 }}
        tickLine={false}
        axisLine={{ stroke: 'var(--border-strong)' }}
        interval={0}
      />
      <YAxis
        tickFormatter={(tick: number) => formatAxisValue(tick)}
        tick={{ fill: 'var(--ink-muted)', fontSize: 12 }}
        tickLine={false}
        axisLine={false}
        width={52}
      />
      <Tooltip
        formatter={(shown) => formatValue(typeof shown === 'number' ? shown : null)}
        separator=": "
        cursor={{ fill: 'rgb(0 0 0 / 0.04)' }}
        contentStyle={{ borderRadius: 6, borderColor: 'var(--border-strong)', fontSize: 13 }}
      />
      <Bar dataKey={(row: Row) => value(row)} name={name} fill={color} isAnimationActive={false} />
    </BarChart>
  );
}
