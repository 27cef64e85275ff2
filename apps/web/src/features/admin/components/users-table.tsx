import { DataTable, type Column } from '../../../ui/data-table';
import type { UserRow } from '../utils/user-rows';

export type UserAction = 'edit' | 'password' | 'disable' | 'enable';

interface UsersTableProps {
  rows: readonly UserRow[];
  onAction: (action: UserAction, row: UserRow) => void;
  /** The row whose change is on its way: its buttons wait. */
  busyId: number | null;
}

export function UsersTable({ rows, onAction, busyId }: UsersTableProps) {
  const columns: ReadonlyArray<Column<UserRow>> = [
    {
      key: 'email',
      header: 'Email',
      cell: (row) => (
        <>
          {row.email}
          {row.isSelf ? <span className="muted"> (you)</span> : null}
        </>
      ),
    },
    { key: 'role', header: 'Role', cell: (row) => row.roleLabel },
    { key: 'departments', header: 'Departments', cell: (row) => <span className="cell-wrap">{row.departments}</span> },
    {
      key: 'status',
      header: 'Status',
      cell: (row) => <span className={row.disabled ? 'status-pill status-pill-off' : 'status-pill status-pill-on'}>{row.status}</span>,
    },
    { key: 'created', header: 'Created', cell: (row) => <time dateTime={row.createdAt}>{row.created}</time> },
    {
      key: 'actions',
      header: 'Actions',
      cell: (row) => <UserActions row={row} onAction={onAction} busy={busyId === row.id} />,
    },
  ];
  return <DataTable caption={`${rows.length} ${rows.length === 1 ? 'user' : 'users'}`} columns={columns} rows={rows} rowKey={(row) => String(row.id)} />;
}

function UserActions({ row, onAction, busy }: { row: UserRow; onAction: UsersTableProps['onAction']; busy: boolean }) {
  // Every button names its user for screen readers, who hear the buttons out of the table.
  const forUser = <span className="visually-hidden"> {row.email}</span>;
  return (
    <div className="row-actions">
      <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => onAction('edit', row)}>
        Edit{forUser}
      </button>
      <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => onAction('password', row)}>
        Reset password{forUser}
      </button>
      {row.isSelf ? null : row.disabled ? (
        <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => onAction('enable', row)}>
          Enable{forUser}
        </button>
      ) : (
        <button type="button" className="button button-danger-quiet button-small" disabled={busy} onClick={() => onAction('disable', row)}>
          Disable{forUser}
        </button>
      )}
    </div>
  );
}
