import { formatCompactNumber } from '@caseload/domain';
import { useRef } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../../ui/charts/palette';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { formatExact } from '../../../ui/format-measure';
import type { DepartmentPayment } from '../utils/reimbursement-shaping';
import { wrvuSummary } from '../utils/reimbursement-summaries';
import { CategoryBarChart } from './category-bar-chart';
import { WRVU_BARS, WRVU_HEIGHT, WRVU_TITLE } from './reimbursement-layout';

const exactWrvu = (value: number | null) => formatExact('wrvu', value);

const columns: ReadonlyArray<Column<DepartmentPayment>> = [
  { key: 'department', header: 'Department', cell: (item) => item.department },
  { key: 'wrvu', header: 'Work RVUs', numeric: true, cell: (item) => exactWrvu(item.wrvu) },
];

/** Work RVUs per department, most first. */
export function WrvuCard({ departments, range, query }: { departments: DepartmentPayment[]; range: string; query: AggregateQuery }) {
  const chart = useRef<HTMLDivElement>(null);
  return (
    <ChartFrame
      title={WRVU_TITLE}
      summary={wrvuSummary(departments, range, WRVU_BARS)}
      height={WRVU_HEIGHT}
      chartRef={chart}
      actions={<ExportMenu query={query} title={WRVU_TITLE} chart={chart} />}
      legend={
        departments.length > WRVU_BARS ? (
          <p className="card-note">
            The {WRVU_BARS} departments with the most work RVUs; the table lists all {departments.length}.
          </p>
        ) : null
      }
      table={<DataTable caption={`${WRVU_TITLE}, ${range}`} columns={columns} rows={departments} rowKey={(item) => item.department} />}
    >
      <CategoryBarChart
        data={departments.slice(0, WRVU_BARS)}
        label={(item) => item.department}
        value={(item) => item.wrvu}
        name="Work RVUs"
        color={SERIES_COLORS.secondary}
        height={WRVU_HEIGHT}
        formatValue={exactWrvu}
        formatAxisValue={formatCompactNumber}
      />
    </ChartFrame>
  );
}
