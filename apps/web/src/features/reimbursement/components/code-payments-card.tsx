import { formatMoney } from '@caseload/domain';
import { useId } from 'react';
import type { AggregateQuery } from '../../../api/aggregate';
import { ExportMenu } from '../../../ui/export-menu';
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
  const id = useId();
  const title = codesTitle(department);
  const note = unpricedNote(unpriced);
  return (
    <section className="card chart-card reimb-expected" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
        <ExportMenu query={query} title={title} />
      </header>
      <p className="card-note">The {TOP_ROWS} codes with the most expected payment.</p>
      {codes.length === 0 ? (
        <p className="reimb-card-empty">No code has lines in this range.</p>
      ) : (
        <DataTable caption={`${title}, ${range}`} columns={columns} rows={codes} rowKey={(item) => item.code} />
      )}
      {note ? <p className="reimb-unpriced">{note}</p> : null}
    </section>
  );
}
