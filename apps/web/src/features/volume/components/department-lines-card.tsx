import { formatCompactNumber, formatInteger } from '@caseload/domain';
import { useRef } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { MultiLineChart } from '../../../ui/charts/multi-line-chart';
import { CATEGORY_COLORS } from '../../../ui/charts/palette';
import { SeriesLegend } from '../../../ui/charts/series-legend';
import { DataTable } from '../../../ui/data-table';
import { ExportMenu } from '../../../ui/export-menu';
import type { Column } from '../../../ui/data-table';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainHeader, grainNoun } from '../../../ui/grain-words';
import { buildDepartmentLines, OTHER_DEPARTMENTS } from '../utils/department-grid';
import type { DepartmentGrid } from '../utils/department-grid';
import { DEPARTMENT_LINES_HEIGHT } from './volume-layout';

interface LinePoint {
  period: string;
  lines: Readonly<Record<string, number>>;
}

interface DepartmentLinesCardProps {
  title: string;
  /** The card's aggregate query, which its Export menu downloads. */
  query: AggregateQuery;
  code: string;
  grid: DepartmentGrid;
  range: string;
  grain: string;
}

/** One code's lines by period, a line per department (the busiest five; the rest summed). */
export function DepartmentLinesCard({ title, query, code, grid, range, grain }: DepartmentLinesCardProps) {
  const chart = useRef<HTMLDivElement>(null);
  const { series, points } = buildDepartmentLines(grid);
  const drawn = series.map((item, index) => ({
    ...item,
    color: item.id === OTHER_DEPARTMENTS ? CATEGORY_COLORS[8] : (CATEGORY_COLORS[index] ?? CATEGORY_COLORS[8]),
    dashed: item.id === OTHER_DEPARTMENTS,
    value: (point: LinePoint) => point.lines[item.id] ?? 0,
  }));
  const columns: Array<Column<LinePoint>> = [
    { key: 'period', header: grainHeader(grain), cell: (point) => periodName(point.period) },
    ...series.map((item) => ({ key: item.id, header: item.name, numeric: true, cell: (point: LinePoint) => formatInteger(point.lines[item.id] ?? 0) })),
  ];
  const busiest = series[0];
  const summary =
    series.length === 0
      ? `Line chart of ${code} by department and ${grainNoun(grain)}, ${range}: no values.`
      : `Line chart of ${code} lines by ${grainNoun(grain)}, one line per department (${series.map((item) => item.name).join(', ')}), ${range}. Busiest: ${busiest?.name ?? ''} with ${formatCompactNumber(grid.rows[0]?.total ?? 0)} lines.`;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      height={DEPARTMENT_LINES_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={title} chart={chart} />}
      legend={<SeriesLegend items={drawn} />}
      table={<DataTable caption={`${title}, ${range}`} columns={columns} rows={points} rowKey={(point) => point.period} />}
    >
      <MultiLineChart
        data={points}
        xKey="period"
        series={drawn}
        height={DEPARTMENT_LINES_HEIGHT}
        formatX={periodTick}
        formatTooltipLabel={periodName}
        formatValue={formatInteger}
        formatAxisValue={formatCompactNumber}
      />
    </ChartFrame>
  );
}
