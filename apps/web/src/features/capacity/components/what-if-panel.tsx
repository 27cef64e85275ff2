import type { CapacityResourceKind } from '@caseload/contracts';
import { useEffect, useId, useMemo, useState } from 'react';
import { formatUnits } from '../utils/capacity-format';
import type { CapacityWhatIf } from '../utils/capacity-queries';
import { EMPTY_WHAT_IF_FIELDS, parseWhatIfForm, whatIfKey } from '../utils/what-if-form';
import type { WhatIfFields } from '../utils/what-if-form';
import { WHAT_IF_TITLE } from './capacity-layout';

const DEBOUNCE_MS = 300;

/** A department's inventory of a resource type, as the panel offers it. */
export interface WhatIfResource {
  key: string;
  department: string;
  label: string;
  count: number;
  kind: CapacityResourceKind;
}

interface WhatIfPanelProps {
  resources: readonly WhatIfResource[];
  /** The resource picked first: the headline's bottleneck. */
  initialResource: string | null;
  defaultTarget: number;
  onApply: (whatIf: CapacityWhatIf) => void;
  /** The new figures are on their way. */
  busy: boolean;
}

interface NumberFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function NumberField({ id, label, hint, value, error, onChange }: NumberFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        placeholder={hint}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function step(text: string, by: number): string {
  const value = Number(text.trim() === '' ? '0' : text.replace('\u2212', '-'));
  return Number.isFinite(value) ? String(Math.round((value + by) * 10) / 10) : text;
}

/**
 * Volume growth, units or FTEs added or removed, longer opening and the target: each change
 * asks for the needs again after a pause in typing, and the answer, the bottlenecks and the
 * needs table follow.
 */
export function WhatIfPanel({ resources, initialResource, defaultTarget, onApply, busy }: WhatIfPanelProps) {
  const id = useId();
  const [fields, setFields] = useState<WhatIfFields>(EMPTY_WHAT_IF_FIELDS);
  const [picked, setPicked] = useState<string | null>(initialResource);
  const counts = useMemo(() => new Map(resources.map((resource) => [resource.key, resource.count])), [resources]);
  const byKey = useMemo(() => new Map(resources.map((resource) => [resource.key, resource])), [resources]);
  // Changes to resources the filters no longer cover would be refused by the server: leave them out.
  const covered = Object.fromEntries(Object.entries(fields.add).filter(([key]) => byKey.has(key)));
  const form = parseWhatIfForm({ ...fields, add: covered }, counts, defaultTarget);
  const key = form.whatIf === null ? null : whatIfKey(form.whatIf);

  useEffect(() => {
    if (form.whatIf === null) return;
    const whatIf = form.whatIf;
    const timer = setTimeout(() => onApply(whatIf), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key stands for the scenario's value; the object is new on every render.
  }, [key]);

  const selected = picked !== null && byKey.has(picked) ? picked : (resources[0]?.key ?? null);
  const resource = selected === null ? undefined : byKey.get(selected);
  const setAdd = (target: string, value: string) => setFields((current) => ({ ...current, add: { ...current.add, [target]: value } }));
  const changes = Object.entries(covered).filter(([, text]) => text.trim() !== '' && Number(text) !== 0);

  return (
    <section className="card chart-card capacity-what-if" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {WHAT_IF_TITLE}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={() => setFields(EMPTY_WHAT_IF_FIELDS)}>
          Back to the plan
        </button>
      </header>
      <p className="card-note">Change volume, units, opening hours or the target: the answer and the needs below follow at once.</p>
      <form className="capacity-what-if-form" onSubmit={(event) => event.preventDefault()}>
        <NumberField
          id={`${id}-growth`}
          label="Volume growth (%)"
          hint="0"
          value={fields.growthPercent}
          error={form.errors.growthPercent}
          onChange={(value) => setFields((current) => ({ ...current, growthPercent: value }))}
        />
        <NumberField
          id={`${id}-hours`}
          label="Extra opening hours per day"
          hint="0"
          value={fields.extraHours}
          error={form.errors.extraHours}
          onChange={(value) => setFields((current) => ({ ...current, extraHours: value }))}
        />
        <NumberField
          id={`${id}-target`}
          label="Target utilization (%)"
          hint={String(Math.round(defaultTarget * 100))}
          value={fields.targetPercent}
          error={form.errors.targetPercent}
          onChange={(value) => setFields((current) => ({ ...current, targetPercent: value }))}
        />
        <fieldset className="capacity-units">
          <legend>Units / FTEs (a negative change removes)</legend>
          <div className="field">
            <label htmlFor={`${id}-resource`}>Resource</label>
            <select id={`${id}-resource`} value={selected ?? ''} onChange={(event) => setPicked(event.target.value)} disabled={resources.length === 0}>
              {resources.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.label}
                </option>
              ))}
            </select>
          </div>
          {selected !== null ? (
            <div className="field capacity-units-change">
              <label htmlFor={`${id}-units`}>
                Change <span className="capacity-has">(has {resource ? formatUnits(resource.count, resource.kind) : '—'})</span>
              </label>
              <div className="capacity-stepper">
                <button type="button" className="button button-quiet button-small" onClick={() => setAdd(selected, step(fields.add[selected] ?? '', -1))}>
                  −1<span className="visually-hidden"> (remove one)</span>
                </button>
                <input
                  id={`${id}-units`}
                  inputMode="decimal"
                  placeholder="0"
                  value={fields.add[selected] ?? ''}
                  onChange={(event) => setAdd(selected, event.target.value)}
                  aria-invalid={form.errors.add[selected] !== undefined || undefined}
                  aria-describedby={form.errors.add[selected] ? `${id}-units-error` : undefined}
                />
                <button type="button" className="button button-quiet button-small" onClick={() => setAdd(selected, step(fields.add[selected] ?? '', 1))}>
                  +1<span className="visually-hidden"> (add one)</span>
                </button>
              </div>
              {form.errors.add[selected] ? (
                <p id={`${id}-units-error`} className="field-error">
                  {form.errors.add[selected]}
                </p>
              ) : null}
            </div>
          ) : null}
        </fieldset>
      </form>
      {changes.length > 0 ? (
        <ul className="capacity-changes" aria-label="Unit and FTE changes">
          {changes.map(([target, text]) => {
            const item = byKey.get(target);
            const units = Number(text);
            const label = item?.label ?? target;
            return (
              <li key={target}>
                {label}: {units > 0 ? '+' : '−'}
                {item ? formatUnits(Math.abs(units), item.kind) : Math.abs(units)}
                {form.errors.add[target] ? <span className="field-error"> ({form.errors.add[target]})</span> : null}{' '}
                <button type="button" className="button button-quiet button-small" aria-label={`Undo the change to ${label}`} onClick={() => setAdd(target, '')}>
                  Undo
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {busy ? 'Working out the needs again…' : ''}
      </p>
      {resource === undefined && resources.length === 0 ? <p className="card-note">No inventories to change.</p> : null}
    </section>
  );
}
