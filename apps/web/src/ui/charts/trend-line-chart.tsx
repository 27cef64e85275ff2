import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PERIOD_X_AXIS_STYLE, TOOLTIP_STYLE, Y_AXIS_STYLE } from './axis-style';

/** Keys of Row whose values are numbers (or null for gaps). */
export type NumericKey<Row> = {
  [K in keyof Row]-?: Row[K] extends number | null ? K : never;
}[keyof Row] &
  string;

/** Keys of Row whose values are strings (category labels). */
export type StringKey<Row> = {
  [K in keyof Row]-?: Row[K] extends string ? K : never;
}[keyof Row] &
  string;

export interface TrendLine<Row> {
  dataKey: NumericKey<Row>;
  name: string;
  color: string;
  /** Dashed lines mark comparison series (e.g. a year earlier). */
  dashed?: boolean;
}

interface TrendLineChartProps<Row> {
  data: Row[];
  xKey: StringKey<Row>;
  lines: ReadonlyArray<TrendLine<Row>>;
  height: number;
  formatX: (x: string) => string;
  formatTooltipLabel: (x: string) => string;
  formatValue: (value: number | null) => string;
  formatAxisValue: (value: number | null) => string;
}

/**
 * A typed line chart over an ordered category axis. Drawing only: shaping belongs in the
 * feature's utils. Accessibility lives in ChartFrame (image name + table), so Recharts'
 * keyboard layer is off and the SVG stays out of the tab order.
 */
export function TrendLineChart<Row>({
  data,
  xKey,
  lines,
  height,
  formatX,
  formatTooltipLabel,
  formatValue,
  formatAxisValue,
}: TrendLineChartProps<Row>) {
  return (
    <LineChart
      responsive
      data={data}
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="var(--grid)" />
      <XAxis
        dataKey={xKey}
        tickFormatter={(value: string) => formatX(String(value))}
        {...PERIOD_X_AXIS_STYLE}
      />
      <YAxis
        tickFormatter={(value: number) => formatAxisValue(value)}
        {...Y_AXIS_STYLE}
        allowDecimals={false}
      />
      <Tooltip
        formatter={(value) => formatValue(typeof value === 'number' ? value : null)}
        labelFormatter={(label) => formatTooltipLabel(String(label))}
        // Same order as the legend, not alphabetical.
        itemSorter={(item) => lines.findIndex((line) => line.dataKey === item.dataKey)}
        {...TOOLTIP_STYLE}
      />
      {lines.map((line) => (
        <Line
          key={line.dataKey}
          type="monotone"
          dataKey={line.dataKey}
          name={line.name}
          isAnimationActive={false}
          stroke={line.color}
          strokeWidth={line.dashed ? 2 : 2.5}
          strokeDasharray={line.dashed ? '6 4' : undefined}
          dot={line.dashed ? false : { r: 3, fill: line.color, strokeWidth: 0 }}
          activeDot={{ r: 5 }}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}
