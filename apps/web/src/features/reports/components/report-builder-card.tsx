import type { ReportRange } from '@caseload/contracts';
import { DIMENSION_LABELS, GRAINS, GRAIN_LABELS, isGrain, MEASURE_DEFINITIONS, REPORT_RANGE_PRESETS } from '@caseload/domain';
import type { DimensionId, Grain, MeasureId } from '@caseload/domain';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { MAX_GROUP_BYS, moveGroupBy, REPORT_DIMENSIONS, REPORT_MEASURES, resolveRange, toggleGroupBy } from '../utils/report-query';
import type { BuilderState } from '../utils/report-query';
import { RANGE_LABELS } from '../utils/report-words';
import { formatDateRange } from '../../../ui/format-period';
import { ReportFilters } from './report-filters';

interface ReportBuilderCardProps {
  state: BuilderState;
  today: string;
  onChange: (changes: Partial<BuilderState>) => void;
  /** Errors the API gave for the query or the range, beside them. */
  errors: { query?: string | undefined; range?: string | undefined };
  /** The builder's own problem (no measure), shown when Preview is pressed. */
  problem: string | null;
  onPreview: () => void;
  /** Export now: the four formats. */
  exportNow: ReactNode;
  editing: string | null;
  onCancelEdit: () => void;
}

/** Measures, group-bys, grain, range and filters: the question a report asks. */
export function ReportBuilderCard({ state, today, onChange, errors, problem, onPreview, exportNow, editing, onCancelEdit }: ReportBuilderCardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const toggleMeasure = (measure: MeasureId) =>
    onChange({ measures: state.measures.includes(measure) ? state.measures.filter((item) => item !== measure) : [...state.measures, measure] });
  const resolved = resolveRange(state.range, today);
  const choosePreset = (value: string) => {
    const preset = REPORT_RANGE_PRESETS.find((item) => item === value);
    if (preset === undefined) return;
    const range: ReportRange = preset === 'fixed' ? { preset, from: resolved.from, to: resolved.to } : { preset };
    onChange({ range });
  };
  const setDate = (end: 'from' | 'to', value: string) => {
    if (state.range.preset !== 'fixed') return;
    onChange({ range: { ...state.range, [end]: value } });
  };
  const periodGrouped = state.groupBy.includes('period');

  return (
    <section className="card reports-card reports-builder" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {editing ? `Edit “${editing}”` : 'Build a report'}
        </h2>
        {editing ? (
          <button type="button" className="button button-quiet button-small" onClick={onCancelEdit}>
            Stop editing
          </button>
        ) : null}
      </header>
      <p className="card-note">Choose what to count, how to break it down and which dates; preview the answer, export it now, or save it below to run again.</p>

      <fieldset className="reports-fieldset" aria-describedby={errors.query ? `${id}-query-error` : undefined}>
        <legend>Measures</legend>
        <div className="reports-checks reports-measures">
          {REPORT_MEASURES.map((measure) => (
            <label key={measure} className="reports-check" title={MEASURE_DEFINITIONS[measure].description}>
              <input type="checkbox" checked={state.measures.includes(measure)} onChange={() => toggleMeasure(measure)} />
              <span>{MEASURE_DEFINITIONS[measure].label}</span>
            </label>
          ))}
        </div>
        {errors.query ? (
          <p id={`${id}-query-error`} className="field-error">
            {errors.query}
          </p>
        ) : null}
      </fieldset>

      <div className="reports-builder-row">
        <fieldset className="reports-fieldset reports-group-by" aria-describedby={`${id}-group-hint`}>
          <legend>Group by</legend>
          <p id={`${id}-group-hint`} className="field-hint">
            Up to {MAX_GROUP_BYS}, in the order of the columns. {state.groupBy.length === 0 ? 'None: one row of totals.' : ''}
          </p>
          <div className="reports-checks">
            {REPORT_DIMENSIONS.map((dimension) => (
              <label key={dimension} className="reports-check">
                <input
                  type="checkbox"
                  checked={state.groupBy.includes(dimension)}
                  disabled={!state.groupBy.includes(dimension) && state.groupBy.length >= MAX_GROUP_BYS}
                  onChange={() => onChange({ groupBy: toggleGroupBy(state.groupBy, dimension) })}
                />
                <span>{DIMENSION_LABELS[dimension]}</span>
              </label>
            ))}
          </div>
          {state.groupBy.length > 1 ? <GroupOrder groupBy={state.groupBy} onMove={(dimension, step) => onChange({ groupBy: moveGroupBy(state.groupBy, dimension, step) })} /> : null}
        </fieldset>

        <div className="reports-fieldset reports-when">
          <div className="field">
            <label htmlFor={`${id}-grain`}>Period grain</label>
            <select
              id={`${id}-grain`}
              value={state.grain}
              disabled={!periodGrouped}
              aria-describedby={`${id}-grain-hint`}
              onChange={(event) => isGrain(event.target.value) && onChange({ grain: event.target.value as Grain })}
            >
              {GRAINS.map((grain) => (
                <option key={grain} value={grain}>
                  {GRAIN_LABELS[grain]}
                </option>
              ))}
            </select>
            <p id={`${id}-grain-hint`} className="field-hint">
              {periodGrouped ? 'Each row is one period of this length.' : 'Group by Period to choose it.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-range`}>Date range</label>
            <select
              id={`${id}-range`}
              value={state.range.preset}
              aria-invalid={errors.range ? true : undefined}
              aria-describedby={`${id}-range-hint${errors.range ? ` ${id}-range-error` : ''}`}
              onChange={(event) => choosePreset(event.target.value)}
            >
              {REPORT_RANGE_PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {RANGE_LABELS[preset]}
                </option>
              ))}
            </select>
            <p id={`${id}-range-hint`} className="field-hint">
              {state.range.preset === 'fixed' ? 'The same dates every run.' : `Moves with the day it runs; today: ${formatDateRange(resolved.from, resolved.to)}.`}
            </p>
            {errors.range ? (
              <p id={`${id}-range-error`} className="field-error">
                {errors.range}
              </p>
            ) : null}
          </div>
          {state.range.preset === 'fixed' ? (
            <div className="reports-dates">
              <div className="field">
                <label htmlFor={`${id}-from`}>From</label>
                <input id={`${id}-from`} type="date" value={state.range.from} max={state.range.to} onChange={(event) => setDate('from', event.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>To</label>
                <input id={`${id}-to`} type="date" value={state.range.to} min={state.range.from} onChange={(event) => setDate('to', event.target.value)} />
              </div>
            </div>
          ) : null}
        </div>
      </div>

      <ReportFilters titleId={titleId} />

      {problem ? (
        <p className="form-error reports-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="reports-builder-actions">
        <button type="button" className="button button-primary" onClick={onPreview}>
          Preview
        </button>
        {exportNow}
      </div>
    </section>
  );
}

function GroupOrder({ groupBy, onMove }: { groupBy: readonly DimensionId[]; onMove: (dimension: DimensionId, step: -1 | 1) => void }) {
  return (
    <ol className="reports-group-order" aria-label="Column order">
      {groupBy.map((dimension, index) => (
        <li key={dimension}>
          <span>{DIMENSION_LABELS[dimension]}</span>
          <button type="button" className="button button-quiet button-small" disabled={index === 0} aria-label={`Move ${DIMENSION_LABELS[dimension]} earlier`} onClick={() => onMove(dimension, -1)}>
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={index === groupBy.length - 1}
            aria-label={`Move ${DIMENSION_LABELS[dimension]} later`}
            onClick={() => onMove(dimension, 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
