import { Link } from 'react-router';
import { DataTable, type Column } from '../../../ui/data-table';
import { dataViewSearch } from '../utils/data-search-params';
import type { ImportRow } from '../utils/import-rows';
import { ImportStatusBadge } from './import-status-badge';

interface ImportsTableProps {
  rows: readonly ImportRow[];
  canReadRejections: boolean;
}

export function ImportsTable({ rows, canReadRejections }: ImportsTableProps) {
  const columns: ReadonlyArray<Column<ImportRow>> = [
    { key: 'file', header: 'File', cell: (row) => <span className="data-cell-file">{row.fileName}</span> },
    {
      key: 'status',
      header: 'Status',
      cell: (row) => (
        <>
          <ImportStatusBadge status={row.status} />
          {row.error ? <span className="data-cell-error">{row.error}</span> : null}
        </>
      ),
    },
    {
      key: 'started',
      header: 'Started',
      cell: (row) => (
        <time className="data-cell-time" dateTime={row.startedAt}>
          {row.started}
        </time>
      ),
    },
    {
      key: 'finished',
      header: 'Finished',
      cell: (row) =>
        row.finishedAt ? (
          <time className="data-cell-time" dateTime={row.finishedAt}>
            {row.finished}
          </time>
        ) : (
          row.finished
        ),
    },
    { key: 'total', header: 'Rows', numeric: true, cell: (row) => row.rowsTotal },
    { key: 'loaded', header: 'Loaded', numeric: true, cell: (row) => row.rowsLoaded },
    {
      key: 'rejected',
      header: 'Rejected',
      numeric: true,
      cell: (row) =>
        row.rejectedCount > 0 && canReadRejections ? (
          <Link to={{ search: dataViewSearch({ importId: row.id, page: 1 }) }} className="data-rejected-link">
            {row.rowsRejected}
            <span className="visually-hidden">{` rejected ${row.rejectedCount === 1 ? 'row' : 'rows'} of ${row.fileName}: view them`}</span>
          </Link>
        ) : (
          row.rowsRejected
        ),
    },
    { key: 'departments', header: 'New departments', cell: (row) => <span className="data-cell-wrap">{row.departmentsCreated}</span> },
  ];
  return (
    <DataTable
      caption={`${rows.length} ${rows.length === 1 ? 'import' : 'imports'}, newest first`}
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.id)}
    />
  );
}
