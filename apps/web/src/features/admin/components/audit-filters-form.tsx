import { useState } from 'react';
import type { FormEvent } from 'react';
import { AUDIT_ACTIONS, isAuditAction } from '../utils/audit-actions';
import { auditFiltersProblem, hasAuditFilters, NO_AUDIT_FILTERS, type AuditFilters } from '../utils/audit-filters';
import { FormField } from './form-field';

interface AuditFiltersFormProps {
  /** The filters in the address bar; the form starts from them (key it by the query string). */
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** Action, actor and dates; applied together so each change does not ask the server. */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (changes: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = auditFiltersProblem(draft);
    setProblem(found);
    if (found === null) onApply({ ...draft, actor: draft.actor.trim() });
  };

  return (
    <form className="card filters-bar" onSubmit={submit} noValidate aria-label="Filter the audit log">
      <FormField label="Action">
        {(control) => (
          <select {...control} value={draft.action ?? ''} onChange={(event) => set({ action: isAuditAction(event.target.value) ? event.target.value : null })}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action.value} value={action.value}>
                {action.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Actor" className="filters-actor">
        {(control) => (
          <input {...control} type="search" inputMode="email" placeholder="Email address" value={draft.actor} onChange={(event) => set({ actor: event.target.value })} />
        )}
      </FormField>
      <FormField label="From" error={problem ?? undefined}>
        {(control) => <input {...control} type="date" value={draft.from} max={draft.to || undefined} onChange={(event) => set({ from: event.target.value })} />}
      </FormField>
      <FormField label="To">
        {(control) => <input {...control} type="date" value={draft.to} min={draft.from || undefined} onChange={(event) => set({ to: event.target.value })} />}
      </FormField>
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        {hasAuditFilters(filters) ? (
          <button type="button" className="button button-quiet" onClick={() => onApply(NO_AUDIT_FILTERS)}>
            Clear
          </button>
        ) : null}
      </div>
    </form>
  );
}
