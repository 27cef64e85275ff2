import { useState } from 'react';
import type { FormEvent } from 'react';
import { useResetPassword } from '../hooks/use-users';
import { formErrorsFrom } from '../utils/field-errors';
import { PASSWORD_RULE } from '../utils/password-rule';
import { Dialog } from './dialog';
import { FormField } from './form-field';

const LABELS = { password: 'New password' } as const;

interface ResetPasswordDialogProps {
  user: { id: number; email: string };
  onClose: () => void;
  onSaved: (message: string) => void;
}

export function ResetPasswordDialog({ user, onClose, onSaved }: ResetPasswordDialogProps) {
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const errors = reset.error ? formErrorsFrom(reset.error, LABELS) : { fields: {}, form: null };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reset.isPending) return;
    reset.mutate({ id: user.id, password }, { onSuccess: () => onSaved(`Password of ${user.email} reset.`) });
  };

  return (
    <Dialog title={`Reset the password of ${user.email}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <FormField label={LABELS.password} hint={PASSWORD_RULE} error={errors.fields.password}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          )}
        </FormField>
        <p className="footnote dialog-note">Give the new password to the user in person or by phone, not by email.</p>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={reset.isPending} aria-busy={reset.isPending}>
            {reset.isPending ? 'Saving…' : 'Set password'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
