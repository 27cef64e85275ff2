import { formatPercent } from '@caseload/domain';
import { useRef } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { TrendLineChart } from '../../../ui/charts/trend-line-chart';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainHeader } from '../../../ui/grain-words';
import type { DenialTrendPoint } from '../utils/reimbursement-shaping';
import { denialTrendSummary } from '../utils/reimbursement-summaries';
import { DENIAL_TREND_HEIGHT, denialTrendTitle } from './reimbursement-layout';

// The chart draws percent (0..100) so the axis shows whole percentages.
const LINES = [{ dataKey: 'percent', name: 'Denial rate', color: SERIES_COLORS.primary }] as const;
const fromPercent = (value: number | null) => formatPercent(value === null ? null : value / 100);
const axisPercent = (value: number | null) => (value === null ? '' : `${value}%`);

/** Denied lines as a share of adjudicated lines, by period. */
export function DenialTrendCard({ points, range, grain, query }: { points: DenialTrendPoint[]; range: string; grain: string; query: AggregateQuery }) {
  const title = denialTrendTitle(grain);
  const chart = useRef<HTMLDivElement>(null);
  const columns: Array<Column<DenialTrendPoint>> = [
    { key: 'period', header: grainHeader(grain), cell: (point) => periodName(point.period) },
    { key: 'rate', header: 'Denial rate', numeric: true, cell: (point) => formatPercent(point.rate) },
  ];
  return (
    <ChartFrame
      title={title}
      summary={denialTrendSummary(points, range, grain)}
      height={DENIAL_TREND_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={title} chart={chart} />}
      table={<DataTable caption={`${title}, ${range}`} columns={columns} rows={points} rowKey={(point) => point.period} />}
    >
      <TrendLineChart
        data={points}
        xKey="period"
        lines={LINES}
        height={DENIAL_TREND_HEIGHT}
        formatX={periodTick}
        formatTooltipLabel={periodName}
        formatValue={fromPercent}
        formatAxisValue={axisPercent}
      />
    </ChartFrame>
  );
}
