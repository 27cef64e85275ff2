import { formatCompactNumber, formatInteger } from '@caseload/domain';
import { useRef } from 'react';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { SeriesLegend } from '../../../ui/charts/series-legend';
import { TrendLineChart } from '../../../ui/charts/trend-line-chart';
import { DataTable } from '../../../ui/data-table';
import { ExportMenu } from '../../../ui/export-menu';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { linesTrendQuery, useOverviewParams } from '../hooks/use-overview';
import { changeBetween, formatChange } from '../utils/kpi-tiles';
import { linesChartSummary } from '../utils/overview-model';
import type { TrendPoint } from '../utils/trend-series';
import { grainHeader } from '../../../ui/grain-words';
import { LINES_CHART_HEIGHT, linesChartTitle } from './overview-layout';

const columns = (grain: string): ReadonlyArray<Column<TrendPoint>> => [
  { key: 'period', header: grainHeader(grain), cell: (point) => point.label },
  { key: 'current', header: 'Procedure lines', numeric: true, cell: (point) => formatInteger(point.current) },
  { key: 'previous', header: 'A year earlier', numeric: true, cell: (point) => formatInteger(point.previous) },
  { key: 'change', header: 'Change', numeric: true, cell: (point) => formatChange(changeBetween('count', point.current, point.previous)) },
];

export function LinesTrendCard({ series, range, grain }: { series: TrendPoint[]; range: string; grain: string }) {
  const title = linesChartTitle(grain);
  const chart = useRef<HTMLDivElement>(null);
  const exportQuery = linesTrendQuery(useOverviewParams());
  const lines = [
    { dataKey: 'current', name: 'Procedure lines', color: SERIES_COLORS.primary },
    { dataKey: 'previous', name: 'A year earlier', color: SERIES_COLORS.comparison, dashed: true },
  ] as const;
  return (
    <ChartFrame
      title={title}
      summary={linesChartSummary(series, range, grain)}
      height={LINES_CHART_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={exportQuery} title={title} chart={chart} />}
      legend={<SeriesLegend items={[{ ...lines[0], name: range }, lines[1]]} />}
      table={
        <DataTable caption={`${title}, ${range}`} columns={columns(grain)} rows={series} rowKey={(point) => point.period} />
      }
    >
      <TrendLineChart
        data={series}
        xKey="period"
        lines={lines}
        height={LINES_CHART_HEIGHT}
        formatX={periodTick}
        formatTooltipLabel={periodName}
        formatValue={formatInteger}
        formatAxisValue={formatCompactNumber}
      />
    </ChartFrame>
  );
}
