import type { Role, UserSummary } from '@caseload/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useUpdateUser } from '../hooks/use-users';
import { accessChanges } from '../utils/access-changes';
import { departmentsInputValue, parseDepartments } from '../utils/departments';
import { formErrorsFrom } from '../utils/field-errors';
import { isRole } from '../utils/roles';
import { DEPARTMENTS_HINT, roleHint, RoleSelect } from './access-fields';
import { Dialog } from './dialog';
import { FormField } from './form-field';

const LABELS = { role: 'Role', departments: 'Departments' } as const;

interface EditAccessDialogProps {
  user: Pick<UserSummary, 'id' | 'email' | 'role' | 'departments'>;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** Changes a user's role and department scope; only what changed is sent. */
export function EditAccessDialog({ user, onClose, onSaved }: EditAccessDialogProps) {
  const update = useUpdateUser();
  const [role, setRole] = useState<Role>(user.role);
  const [departments, setDepartments] = useState(departmentsInputValue(user.departments));
  const errors = update.error ? formErrorsFrom(update.error, LABELS) : { fields: {}, form: null };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    const changes = accessChanges(user, role, parseDepartments(departments));
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: user.id, changes }, { onSuccess: () => onSaved(`Access of ${user.email} changed.`) });
  };

  return (
    <Dialog title={`Edit access of ${user.email}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <FormField label={LABELS.role} hint={roleHint(role)} error={errors.fields.role}>
          {(control) => <RoleSelect control={control} value={role} onChange={(value) => isRole(value) && setRole(value)} />}
        </FormField>
        <FormField label={LABELS.departments} hint={DEPARTMENTS_HINT} error={errors.fields.departments}>
          {(control) => <input {...control} type="text" value={departments} onChange={(event) => setDepartments(event.target.value)} />}
        </FormField>
        <p className="footnote dialog-note">Changing the role or the departments signs the user out, so the new access applies at once.</p>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending} aria-busy={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
