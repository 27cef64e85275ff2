import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { TOOLTIP_STYLE, X_AXIS_STYLE, Y_AXIS_STYLE } from '../../../ui/charts/axis-style';

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
        {...X_AXIS_STYLE}
        interval={0}
      />
      <YAxis
        tickFormatter={(tick: number) => formatAxisValue(tick)}
        {...Y_AXIS_STYLE}
      />
      <Tooltip
        formatter={(shown) => formatValue(typeof shown === 'number' ? shown : null)}
        {...TOOLTIP_STYLE}
        cursor={{ fill: 'rgb(0 0 0 / 0.04)' }}
      />
      <Bar dataKey={(row: Row) => value(row)} name={name} fill={color} isAnimationActive={false} />
    </BarChart>
  );
}
