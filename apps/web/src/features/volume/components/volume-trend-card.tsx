import { formatCompactNumber, formatInteger } from '@caseload/domain';
import { useRef } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { SeriesLegend } from '../../../ui/charts/series-legend';
import { TrendLineChart } from '../../../ui/charts/trend-line-chart';
import { DataTable } from '../../../ui/data-table';
import { ExportMenu } from '../../../ui/export-menu';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainHeader } from '../../../ui/grain-words';
import { formatPercentChange, formatSignedCount } from '../utils/change';
import type { VolumeTrendPoint } from '../utils/volume-trend';
import { volumeTrendSummary } from '../utils/volume-trend';
import { TREND_HEIGHT } from './volume-layout';

const columns = (grain: string): ReadonlyArray<Column<VolumeTrendPoint>> => [
  { key: 'period', header: grainHeader(grain), cell: (point) => point.label },
  { key: 'current', header: 'Procedure lines', numeric: true, cell: (point) => formatInteger(point.current) },
  { key: 'previous', header: 'A year earlier', numeric: true, cell: (point) => formatInteger(point.previous) },
  {
    key: 'change',
    header: 'Change',
    numeric: true,
    cell: (point) => (point.current === null || point.previous === null ? '—' : formatSignedCount(point.current - point.previous, formatInteger)),
  },
  {
    key: 'percent',
    header: 'Change %',
    numeric: true,
    cell: (point) => (point.current === null || point.previous === null ? '—' : formatPercentChange(point.current, point.previous)),
  },
];

interface VolumeTrendCardProps {
  title: string;
  /** The card's aggregate query, which its Export menu downloads. */
  query: AggregateQuery;
  points: VolumeTrendPoint[];
  scope: string;
  range: string;
  compareRange: string;
  grain: string;
}

/** Lines by period, the same periods a year earlier dashed and grey beside them. */
export function VolumeTrendCard({ title, query, points, scope, range, compareRange, grain }: VolumeTrendCardProps) {
  const chart = useRef<HTMLDivElement>(null);
  const lines = [
    { dataKey: 'current', name: 'Procedure lines', color: SERIES_COLORS.primary },
    { dataKey: 'previous', name: 'A year earlier', color: SERIES_COLORS.comparison, dashed: true },
  ] as const;
  return (
    <ChartFrame
      title={title}
      summary={volumeTrendSummary(points, scope, range, grain)}
      height={TREND_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={title} chart={chart} />}
      legend={
        <SeriesLegend
          items={[
            { ...lines[0], name: `This period: ${range}` },
            { ...lines[1], name: `A year earlier: ${compareRange}` },
          ]}
        />
      }
      table={<DataTable caption={`${title}, ${range}, against a year earlier`} columns={columns(grain)} rows={points} rowKey={(point) => point.period} />}
    >
      <TrendLineChart
        data={points}
        xKey="period"
        lines={lines}
        height={TREND_HEIGHT}
        formatX={periodTick}
        formatTooltipLabel={periodName}
        formatValue={formatInteger}
        formatAxisValue={formatCompactNumber}
      />
    </ChartFrame>
  );
}
