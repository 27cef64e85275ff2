import type { CreateUserRequest, Role } from '@caseload/contracts';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useCreateUser } from '../hooks/use-users';
import { parseDepartments } from '../utils/departments';
import { formErrorsFrom } from '../utils/field-errors';
import { PASSWORD_RULE } from '../utils/password-rule';
import { isRole } from '../utils/roles';
import { DEPARTMENTS_HINT, roleHint, RoleSelect } from './access-fields';
import { FormField } from './form-field';

const LABELS = { email: 'Email', role: 'Role', departments: 'Departments', password: 'Initial password' } as const;

/** Creates a user; on success the form empties and the page says who was added. */
export function AddUserForm({ onAdded }: { onAdded: (email: string) => void }) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [departments, setDepartments] = useState('');
  const [password, setPassword] = useState('');
  const errors = create.error ? formErrorsFrom(create.error, LABELS) : { fields: {}, form: null };
  const formRef = useRef<HTMLFormElement>(null);

  // A refused form puts the keyboard on the first field to fix.
  useEffect(() => {
    if (create.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [create.error]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const request: CreateUserRequest = { email: email.trim(), password, role, departments: parseDepartments(departments) };
    create.mutate(request, {
      onSuccess: (user) => {
        setEmail('');
        setRole('viewer');
        setDepartments('');
        setPassword('');
        onAdded(user.email);
      },
    });
  };

  return (
    // The API checks every field and names the one it refuses; the browser's own bubbles would hide that.
    <form ref={formRef} className="add-user-form" onSubmit={submit} noValidate aria-labelledby="add-user-title">
      <h2 id="add-user-title" className="card-title">
        Add user
      </h2>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-grid">
        <FormField label={LABELS.email} error={errors.fields.email}>
          {(control) => (
            <input {...control} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
          )}
        </FormField>
        <FormField label={LABELS.role} hint={roleHint(role)} error={errors.fields.role}>
          {(control) => <RoleSelect control={control} value={role} onChange={(value) => isRole(value) && setRole(value)} />}
        </FormField>
        <FormField label={LABELS.departments} hint={DEPARTMENTS_HINT} error={errors.fields.departments}>
          {(control) => <input {...control} type="text" value={departments} onChange={(event) => setDepartments(event.target.value)} />}
        </FormField>
        <FormField label={LABELS.password} hint={PASSWORD_RULE} error={errors.fields.password}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          )}
        </FormField>
      </div>
      {/* Field messages are announced once, together, when the API refuses the form. */}
      <p className="visually-hidden" role="status">
        {create.isError && !errors.form ? 'The user was not added: check the fields marked.' : ''}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
