import { useState } from 'react';
import { StatePanel } from '../../../ui/state-panel';
import { useSessionUser } from '../../auth/hooks/use-session-user';
import { useUpdateUser, useUsers } from '../hooks/use-users';
import { toUserRows, type UserRow } from '../utils/user-rows';
import { AddUserForm } from './add-user-form';
import { ConfirmDisableDialog } from './confirm-disable-dialog';
import { EditAccessDialog } from './edit-access-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { TableSkeleton } from './table-skeleton';
import { UsersTable, type UserAction } from './users-table';

type OpenDialog = { kind: 'edit' | 'password' | 'disable'; row: UserRow } | null;

/** The users table, its per-user actions and the form to add one. */
export function UsersAdmin() {
  const users = useUsers();
  const self = useSessionUser();
  const enable = useUpdateUser();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  const done = (text: string) => {
    setDialog(null);
    setActionError(null);
    setMessage(text);
  };

  const onAction = (action: UserAction, row: UserRow) => {
    setMessage('');
    setActionError(null);
    if (action === 'enable') {
      enable.mutate(
        { id: row.id, changes: { disabled: false } },
        { onSuccess: () => done(`${row.email} enabled.`), onError: (error) => setActionError(error.message) },
      );
    } else {
      setDialog({ kind: action, row });
    }
  };

  const close = () => setDialog(null);

  return (
    <>
      {/* Announces each change; the table below shows it once the list has been read again. */}
      <p className={message ? 'notice' : 'visually-hidden'} role="status">
        {message}
      </p>
      {actionError ? (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      ) : null}
      <section className="card table-card users-card" aria-label="Users" aria-busy={users.isFetching}>
        {users.data ? (
          <UsersTable
            rows={toUserRows(users.data, self?.id ?? null)}
            onAction={onAction}
            busyId={enable.isPending ? (enable.variables?.id ?? null) : null}
          />
        ) : users.isPending ? (
          <TableSkeleton label="Loading users…" />
        ) : (
          <StatePanel
            title="The users could not be loaded"
            tone="error"
            live
            action={
              <button type="button" className="button button-primary" onClick={() => void users.refetch()} disabled={users.isFetching}>
                {users.isFetching ? 'Retrying…' : 'Retry'}
              </button>
            }
          >
            <p>{users.error?.message ?? 'The server did not answer.'}</p>
          </StatePanel>
        )}
      </section>
      <section className="card add-user-card">
        <AddUserForm onAdded={(email) => done(`${email} added.`)} />
      </section>
      {dialog?.kind === 'edit' ? (
        <EditAccessDialog user={{ ...dialog.row, departments: dialog.row.departmentCodes }} onClose={close} onSaved={done} />
      ) : null}
      {dialog?.kind === 'password' ? <ResetPasswordDialog user={dialog.row} onClose={close} onSaved={done} /> : null}
      {dialog?.kind === 'disable' ? <ConfirmDisableDialog user={dialog.row} onClose={close} onSaved={done} /> : null}
    </>
  );
}
