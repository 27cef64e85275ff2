import { formatMoney } from '@caseload/domain';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
import { TableCard } from '../../../ui/table-card';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { CodePayment } from '../utils/reimbursement-shaping';
import { formatSignedMoney, formatSignedPercent, unpricedNote } from '../utils/reimbursement-shaping';
import { TOP_ROWS } from '../utils/reimbursement-queries';
import { codesTitle } from './reimbursement-layout';

const columns: ReadonlyArray<Column<CodePayment>> = [
  { key: 'code', header: 'Code', cell: (item) => item.code },
  { key: 'lines', header: 'Lines', numeric: true, cell: (item) => item.lines.toLocaleString('en-US') },
  { key: 'paid', header: 'Paid', numeric: true, cell: (item) => formatMoney(item.paid) },
  { key: 'expected', header: 'Expected payment', numeric: true, cell: (item) => formatMoney(item.expected) },
  { key: 'variance', header: 'Variance', numeric: true, cell: (item) => formatSignedMoney(item.variance) },
  { key: 'percent', header: 'Variance %', numeric: true, cell: (item) => formatSignedPercent(item.variancePercent) },
];

/** The codes with the most expected payment, paid against the schedule: of one department when drilled. */
export function CodePaymentsCard({
  codes,
  unpriced,
  department,
  range,
  query,
}: {
  codes: CodePayment[];
  unpriced: number;
  department: string | null;
  range: string;
  query: AggregateQuery;
}) {
  const title = codesTitle(department);
  const note = unpricedNote(unpriced);
  return (
    <TableCard title={title} className="reimb-expected" actions={<ExportMenu query={query} title={title} />} note={`The ${TOP_ROWS} codes with the most expected payment.`}>
      {codes.length === 0 ? (
        <p className="card-empty">No code has lines in this range.</p>
      ) : (
        <DataTable caption={`${title}, ${range}`} columns={columns} rows={codes} rowKey={(item) => item.code} />
      )}
      {note ? <p className="reimb-unpriced">{note}</p> : null}
    </TableCard>
  );
}
