import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PERIOD_X_AXIS_STYLE, TOOLTIP_STYLE, Y_AXIS_STYLE } from './axis-style';
import type { ChartFormats, ChartSeries } from './chart-series';
import type { StringKey } from './trend-line-chart';

interface MultiLineChartProps<Row> extends ChartFormats {
  data: Row[];
  xKey: StringKey<Row>;
  series: ReadonlyArray<ChartSeries<Row>>;
  height: number;
}

/** Several lines over an ordered axis, one per category. Drawing only (see TrendLineChart). */
export function MultiLineChart<Row>({ data, xKey, series, height, formatX, formatTooltipLabel, formatValue, formatAxisValue }: MultiLineChartProps<Row>) {
  const order = series.map((item) => item.name);
  return (
    <LineChart responsive data={data} style={{ width: '100%', height }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
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
        itemSorter={(item) => order.indexOf(String(item.name))}
        {...TOOLTIP_STYLE}
      />
      {series.map((item) => (
        <Line
          key={item.id}
          type="monotone"
          dataKey={(row: Row) => item.value(row)}
          name={item.name}
          isAnimationActive={false}
          stroke={item.color}
          strokeWidth={item.dashed ? 2 : 2.5}
          strokeDasharray={item.dashed ? '6 4' : undefined}
          dot={false}
          activeDot={{ r: 4 }}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}
