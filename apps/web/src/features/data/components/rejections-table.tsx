import { Fragment } from 'react';
import { DataTable, type Column } from '../../../ui/data-table';
import type { RejectionTableRow } from '../utils/rejection-rows';

const COLUMNS: ReadonlyArray<Column<RejectionTableRow>> = [
  { key: 'row', header: 'Row', numeric: true, cell: (row) => row.rowNumber },
  { key: 'column', header: 'Column', cell: (row) => (row.column === 'Whole row' ? <span className="muted">Whole row</span> : <code>{row.column}</code>) },
  { key: 'reason', header: 'Reason', cell: (row) => <span className="data-cell-reason">{row.reason}</span> },
  { key: 'raw', header: 'Line as sent', cell: (row) => <code className="data-cell-raw">{breakAfterCommas(row.raw)}</code> },
];

/** A long line may wrap after any comma, so fields stay whole where they can. */
function breakAfterCommas(raw: string) {
  return raw.split(',').map((field, index, fields) => (
    <Fragment key={index}>
      {field}
      {index < fields.length - 1 ? (
        <>
          ,<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

export function RejectionsTable({ rows, caption }: { rows: readonly RejectionTableRow[]; caption: string }) {
  return <DataTable caption={caption} columns={COLUMNS} rows={rows} rowKey={(row) => row.key} />;
}
