import { useId } from 'react';
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  /** Numbers align to the end so digits line up. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The first column names the row (a period, a department): it becomes a row header. */
  rowHeader?: boolean;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, rowHeader = true }: DataTableProps<Row>) {
  const captionId = useId();
  return (
    // A wide table scrolls sideways on narrow screens; the region is focusable so the
    // keyboard can scroll it too.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                rowHeader && index === 0 ? (
                  <th key={column.key} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
