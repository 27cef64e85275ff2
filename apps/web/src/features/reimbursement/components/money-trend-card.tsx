import { formatCompactMoney, formatMoney } from '@caseload/domain';
import { useRef } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { SeriesLegend } from '../../../ui/charts/series-legend';
import { TrendLineChart } from '../../../ui/charts/trend-line-chart';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainHeader } from '../../../ui/grain-words';
import type { MoneyTrendPoint } from '../utils/reimbursement-shaping';
import { moneyTrendSummary } from '../utils/reimbursement-summaries';
import { MONEY_TREND_HEIGHT, moneyTrendTitle } from './reimbursement-layout';

const LINES = [
  { dataKey: 'charges', name: 'Charges', color: SERIES_COLORS.primary },
  { dataKey: 'allowed', name: 'Allowed', color: SERIES_COLORS.secondary, dashed: true },
  { dataKey: 'paid', name: 'Paid', color: SERIES_COLORS.tertiary },
] as const;

/** Charges, allowed and paid by period: three lines, the gaps between them the write-offs. */
export function MoneyTrendCard({ points, range, grain, query }: { points: MoneyTrendPoint[]; range: string; grain: string; query: AggregateQuery }) {
  const title = moneyTrendTitle(grain);
  const chart = useRef<HTMLDivElement>(null);
  const columns: Array<Column<MoneyTrendPoint>> = [
    { key: 'period', header: grainHeader(grain), cell: (point) => periodName(point.period) },
    ...LINES.map((line) => ({ key: line.dataKey, header: line.name, numeric: true, cell: (point: MoneyTrendPoint) => formatMoney(point[line.dataKey]) })),
  ];
  return (
    <ChartFrame
      title={title}
      summary={moneyTrendSummary(points, range, grain)}
      height={MONEY_TREND_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={title} chart={chart} />}
      legend={<SeriesLegend items={LINES} />}
      table={<DataTable caption={`${title}, ${range}`} columns={columns} rows={points} rowKey={(point) => point.period} />}
    >
      <TrendLineChart
        data={points}
        xKey="period"
        lines={LINES}
        height={MONEY_TREND_HEIGHT}
        formatX={periodTick}
        formatTooltipLabel={periodName}
        formatValue={formatMoney}
        formatAxisValue={formatCompactMoney}
      />
    </ChartFrame>
  );
}
