import { useUpdateUser } from '../hooks/use-users';
import { Dialog } from './dialog';

interface ConfirmDisableDialogProps {
  user: { id: number; email: string };
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** Asks before disabling: the user is signed out at once. Focus starts on Cancel. */
export function ConfirmDisableDialog({ user, onClose, onSaved }: ConfirmDisableDialogProps) {
  const update = useUpdateUser();
  const disable = () => {
    if (update.isPending) return;
    update.mutate({ id: user.id, changes: { disabled: true } }, { onSuccess: () => onSaved(`${user.email} disabled.`) });
  };
  return (
    <Dialog title={`Disable ${user.email}?`} onClose={onClose} role="alertdialog">
      <p className="dialog-body">They are signed out at once and cannot sign in until an administrator enables the account again. Their audit entries stay.</p>
      {update.error ? (
        <p className="form-error" role="alert">
          {update.error.message}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={disable} disabled={update.isPending} aria-busy={update.isPending}>
          {update.isPending ? 'Disabling…' : 'Disable user'}
        </button>
      </div>
    </Dialog>
  );
}
