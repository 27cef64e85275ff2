import type { ReportFormat } from '@caseload/contracts';
import { useEffect, useId, useRef } from 'react';
import type { FormEvent } from 'react';
import { FormField } from '../../admin/components/form-field';
import { SCHEDULE_CHOICES, SCHEDULE_LABELS } from '../utils/report-form';
import type { ReportFormErrors, SaveFormState, ScheduleChoice } from '../utils/report-form';
import { FORMAT_LABELS } from '../utils/report-words';

const FORMATS: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf', 'arrow'];

interface SaveReportCardProps {
  form: SaveFormState;
  onChange: (changes: Partial<SaveFormState>) => void;
  /** Admins and analysts may turn suppression off; viewers see why they cannot. */
  canUnsuppress: boolean;
  errors: ReportFormErrors;
  /** Bumped on each refusal, to move the keyboard to the first field to fix. */
  refusals: number;
  saving: boolean;
  editing: boolean;
  onSubmit: () => void;
  onCancelEdit: () => void;
}

/** Name, file format, privacy, schedule and where each run's file goes. */
export function SaveReportCard({ form, onChange, canUnsuppress, errors, refusals, saving, editing, onSubmit, onCancelEdit }: SaveReportCardProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!saving) onSubmit();
  };
  const fieldErrors = errors.fields;

  return (
    <section className="card reports-card reports-save" aria-labelledby={`${id}-title`}>
      {/* The API checks every field and names the one it refuses; the browser's own bubbles would hide that. */}
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <header className="card-header">
          <h2 id={`${id}-title`} className="card-title">
            {editing ? 'Save the changes' : 'Save the report'}
          </h2>
        </header>
        <p className="card-note">A saved report runs the question above again on request or on a schedule, over its range as of the day it runs.</p>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="form-grid reports-save-grid">
          <FormField label="Name" className="reports-field-wide" error={fieldErrors.name}>
            {(control) => <input {...control} type="text" maxLength={200} value={form.name} onChange={(event) => onChange({ name: event.target.value })} />}
          </FormField>
          <FormField label="File format" error={fieldErrors.format}>
            {(control) => (
              <select {...control} value={form.format} onChange={(event) => onChange({ format: FORMATS.find((format) => format === event.target.value) ?? form.format })}>
                {FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {FORMAT_LABELS[format]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Schedule" hint="In the server’s time zone." error={fieldErrors.schedule}>
            {(control) => (
              <select {...control} value={form.schedule} onChange={(event) => onChange({ schedule: SCHEDULE_CHOICES.find((choice) => choice === event.target.value) ?? form.schedule })}>
                {SCHEDULE_CHOICES.map((choice: ScheduleChoice) => (
                  <option key={choice} value={choice}>
                    {SCHEDULE_LABELS[choice]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {form.schedule === 'custom' ? (
            <FormField
              label="Cron expression"
              className="reports-field-wide"
              hint={
                <>
                  Five fields: minute, hour, day of month, month, day of week. <code>30 7 * * 1-5</code> runs at 07:30 on weekdays.
                </>
              }
              error={fieldErrors.cron}
            >
              {(control) => <input {...control} type="text" spellCheck={false} autoComplete="off" value={form.cron} onChange={(event) => onChange({ cron: event.target.value })} />}
            </FormField>
          ) : null}
          <FormField label="Webhook URL (optional)" className="reports-field-wide" hint="Each run’s file is POSTed here." error={fieldErrors.webhookUrl}>
            {(control) => <input {...control} type="url" inputMode="url" placeholder="https://" value={form.webhookUrl} onChange={(event) => onChange({ webhookUrl: event.target.value })} />}
          </FormField>
        </div>
        <div className="reports-save-checks">
          <CheckField
            label="Write each run’s file to the reports folder"
            hint="Kept on the server, so you can download it from the run."
            checked={form.writeFile}
            onChange={(checked) => onChange({ writeFile: checked })}
            error={fieldErrors.writeFile}
          />
          {canUnsuppress ? (
            <CheckField
              label="Hide small counts (suppression)"
              hint="Counts of 1–10 patients or encounters are blanked. Turning it off is written to the audit log."
              checked={form.suppress}
              onChange={(checked) => onChange({ suppress: checked })}
              error={fieldErrors.suppress}
            />
          ) : (
            <p className="reports-locked">
              <span className="reports-locked-title">Small counts are always hidden.</span> Viewers’ files have counts of 1–10 patients or encounters blanked, to protect patient privacy.
            </p>
          )}
        </div>
        <p className="visually-hidden" role="status">
          {refusals > 0 && !errors.form ? 'The report was not saved: check the fields marked.' : ''}
        </p>
        <div className="form-actions">
          {editing ? (
            <button type="button" className="button button-quiet" onClick={onCancelEdit}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Save report'}
          </button>
        </div>
      </form>
    </section>
  );
}

function CheckField({ label, hint, checked, onChange, error }: { label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void; error: string | undefined }) {
  const id = useId();
  return (
    <div className="reports-check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
