import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { PERIOD_X_AXIS_STYLE, TOOLTIP_STYLE, Y_AXIS_STYLE } from './axis-style';
import type { ChartFormats, ChartSeries } from './chart-series';
import type { StringKey } from './trend-line-chart';

interface StackedBarChartProps<Row> extends ChartFormats {
  data: Row[];
  xKey: StringKey<Row>;
  /** Bottom of the stack first; the tooltip lists them top first, as they are drawn. */
  series: ReadonlyArray<ChartSeries<Row>>;
  height: number;
  /** A click on a segment (a mouse shortcut: the legend offers the same by keyboard). */
  onSelect?: (seriesId: string) => void;
}

/**
 * Bars stacked per category over an ordered axis. Drawing only; accessibility lives in
 * ChartFrame (image name + table), so Recharts' keyboard layer is off.
 */
export function StackedBarChart<Row>({ data, xKey, series, height, onSelect, formatX, formatTooltipLabel, formatValue, formatAxisValue }: StackedBarChartProps<Row>) {
  const order = series.map((item) => item.name);
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      barCategoryGap="12%"
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
        itemSorter={(item) => -order.indexOf(String(item.name))}
        {...TOOLTIP_STYLE}
        cursor={{ fill: 'rgb(0 0 0 / 0.04)' }}
      />
      {series.map((item) => (
        <Bar
          key={item.id}
          dataKey={(row: Row) => item.value(row)}
          name={item.name}
          stackId="stack"
          fill={item.color}
          stroke="var(--surface)"
          strokeWidth={1}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={onSelect ? () => onSelect(item.id) : undefined}
        />
      ))}
    </BarChart>
  );
}
