import { DataTable, type Column } from '../../../ui/data-table';
import type { AuditRow } from '../utils/audit-rows';

const COLUMNS: ReadonlyArray<Column<AuditRow>> = [
  { key: 'time', header: 'Time', cell: (row) => <time dateTime={row.at}>{row.time}</time> },
  {
    key: 'action',
    header: 'Action',
    cell: (row) => (
      <>
        {row.actionLabel} <code className="audit-action-code">{row.action}</code>
      </>
    ),
  },
  { key: 'actor', header: 'Actor', cell: (row) => row.actor },
  { key: 'address', header: 'Address', cell: (row) => row.address },
  { key: 'details', header: 'Details', cell: (row) => <span className="cell-wrap audit-details">{row.details}</span> },
];

export function AuditTable({ rows, caption }: { rows: readonly AuditRow[]; caption: string }) {
  return <DataTable caption={caption} columns={COLUMNS} rows={rows} rowKey={(row) => String(row.id)} />;
}
