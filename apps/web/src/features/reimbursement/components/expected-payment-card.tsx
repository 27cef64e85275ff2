import { formatMoney } from '@caseload/domain';
import { Link } from 'react-router';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { TableCard } from '../../../ui/table-card';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { DepartmentPayment } from '../utils/reimbursement-shaping';
import { formatSignedMoney, formatSignedPercent, unpricedNote } from '../utils/reimbursement-shaping';
import { EXPECTED_TITLE } from './reimbursement-layout';

const columns = (hrefOf: (department: string) => string, drilled: string | null): ReadonlyArray<Column<DepartmentPayment>> => [
  {
    key: 'department',
    header: 'Department',
    cell: (item) => (
      <Link to={hrefOf(item.department)} aria-current={item.department === drilled ? 'true' : undefined} aria-label={`${item.department}: show its codes and providers`}>
        {item.department}
      </Link>
    ),
  },
  { key: 'paid', header: 'Paid', numeric: true, cell: (item) => formatMoney(item.paid) },
  { key: 'expected', header: 'Expected payment', numeric: true, cell: (item) => formatMoney(item.expected) },
  { key: 'variance', header: 'Variance', numeric: true, cell: (item) => formatSignedMoney(item.variance) },
  { key: 'percent', header: 'Variance %', numeric: true, cell: (item) => formatSignedPercent(item.variancePercent) },
];

/** What each department was paid against what the fee schedule would pay: a table, exact to the cent. */
export function ExpectedPaymentCard({
  departments,
  unpriced,
  range,
  hrefOf,
  drilled,
  query,
}: {
  departments: DepartmentPayment[];
  unpriced: number;
  range: string;
  hrefOf: (department: string) => string;
  drilled: string | null;
  query: AggregateQuery;
}) {
  const note = unpricedNote(unpriced);
  return (
    <TableCard
      title={EXPECTED_TITLE}
      className="reimb-expected"
      actions={<ExportMenu query={query} title={EXPECTED_TITLE} />}
      note="Paid against the fee-schedule payment for the same lines; a negative variance is paid below the schedule. Choose a department to see its codes and providers."
    >
      {departments.length === 0 ? (
        <p className="card-empty">No department has lines in this range.</p>
      ) : (
        <DataTable caption={`Paid and expected payment by department, ${range}`} columns={columns(hrefOf, drilled)} rows={departments} rowKey={(item) => item.department} />
      )}
      {note ? <p className="reimb-unpriced">{note}</p> : null}
    </TableCard>
  );
}
