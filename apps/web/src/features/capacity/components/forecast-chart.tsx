import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { PERIOD_X_AXIS_STYLE, TOOLTIP_STYLE, Y_AXIS_STYLE } from '../../../ui/charts/axis-style';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { periodName, periodTick } from '../../../ui/format-period';
import type { ForecastChartRow } from '../utils/capacity-charts';

const whole = (value: number) => Math.round(value).toLocaleString('en-US');

function tooltipValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((part) => (typeof part === 'number' ? whole(part) : '')).join('–');
  return typeof value === 'number' ? whole(value) : '';
}

/**
 * Actuals, the forecast (dashed) and its interval as a band. Drawing only; ForecastCard
 * gives it its accessible name and table.
 */
export function ForecastChart({ rows, height, formatAxisValue }: { rows: ForecastChartRow[]; height: number; formatAxisValue: (value: number) => string }) {
  return (
    <ComposedChart responsive data={rows} style={{ width: '100%', height }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="var(--grid)" />
      <XAxis dataKey="period" tickFormatter={(value: string) => periodTick(String(value))} {...PERIOD_X_AXIS_STYLE} />
      <YAxis tickFormatter={(value: number) => formatAxisValue(value)} {...Y_AXIS_STYLE} allowDecimals={false} />
      <Tooltip formatter={(value) => tooltipValue(value)} labelFormatter={(label) => periodName(String(label))} {...TOOLTIP_STYLE} />
      <Area
        type="monotone"
        dataKey="band"
        name="80% interval"
        isAnimationActive={false}
        stroke="none"
        fill={SERIES_COLORS.primary}
        fillOpacity={0.16}
        connectNulls={false}
        activeDot={false}
      />
      <Line
        type="monotone"
        dataKey="actual"
        name="Actual"
        isAnimationActive={false}
        stroke={SERIES_COLORS.comparison}
        strokeWidth={2.5}
        dot={{ r: 2.5, fill: SERIES_COLORS.comparison, strokeWidth: 0 }}
        connectNulls={false}
      />
      <Line
        type="monotone"
        dataKey="forecast"
        name="Forecast"
        isAnimationActive={false}
        stroke={SERIES_COLORS.primary}
        strokeWidth={2.5}
        strokeDasharray="6 4"
        dot={false}
        connectNulls={false}
      />
    </ComposedChart>
  );
}
