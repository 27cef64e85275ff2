import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
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
        tick={{ fill: 'var(--ink-muted)', fontSize: 12 }}
        tickLine={false}
        axisLine={{ stroke: 'var(--border-strong)' }}
        interval="preserveStartEnd"
        minTickGap={12}
      />
      <YAxis
        tickFormatter={(value: number) => formatAxisValue(value)}
        tick={{ fill: 'var(--ink-muted)', fontSize: 12 }}
        tickLine={false}
        axisLine={false}
        width={52}
        allowDecimals={false}
      />
      <Tooltip
        formatter={(value) => formatValue(typeof value === 'number' ? value : null)}
        labelFormatter={(label) => formatTooltipLabel(String(label))}
        itemSorter={(item) => order.indexOf(String(item.name))}
        separator=": "
        contentStyle={{ borderRadius: 6, borderColor: 'var(--border-strong)', fontSize: 13 }}
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
