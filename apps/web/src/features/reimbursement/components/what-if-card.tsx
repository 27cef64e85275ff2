import type { WhatIfResponse, WhatIfRow } from '@caseload/contracts';
import { formatMoney, SECTION_LABELS } from '@caseload/domain';
import type { SectionId } from '@caseload/domain';
import { useEffect, useId, useState } from 'react';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { useWhatIf } from '../hooks/use-reimbursement';
import type { WhatIfInput } from '../utils/reimbursement-queries';
import { formatSignedMoney, formatSignedPercent } from '../utils/reimbursement-shaping';
import { parseWhatIfForm, WHAT_IF_PRESETS } from '../utils/what-if-form';
import { CsvDownloadButton } from '../../../ui/csv-download-button';
import { tableCsv } from '../../../ui/table-csv';
import { WHAT_IF_TITLE } from './reimbursement-layout';

const DEBOUNCE_MS = 400;

function columns(first: string, label: (key: string) => string): ReadonlyArray<Column<WhatIfRow>> {
  return [
    { key: 'key', header: first, cell: (row) => label(row.key) },
    { key: 'current', header: 'As loaded', numeric: true, cell: (row) => formatMoney(row.current) },
    { key: 'scenario', header: 'What-if', numeric: true, cell: (row) => formatMoney(row.scenario) },
    { key: 'change', header: 'Change', numeric: true, cell: (row) => formatSignedMoney(row.change) },
    { key: 'ratio', header: 'Change %', numeric: true, cell: (row) => formatSignedPercent(row.changeRatio) },
  ];
}

const sectionName = (key: string) => SECTION_LABELS[key as SectionId] ?? key;
const DEPARTMENT_COLUMNS = columns('Department', (key) => key);
const SECTION_COLUMNS = columns('Section', sectionName);

/**
 * Expected payment under another conversion factor or with work RVUs changed, by department
 * and section, beside the schedule as loaded. Each change asks the server again (after a
 * pause in typing); the old figures stay, dimmed, until the new ones arrive.
 */
export function WhatIfCard({ params, range }: { params: AggregateFilterParams; range: string }) {
  const id = useId();
  const [conversionFactor, setConversionFactor] = useState('');
  const [workRvuPercent, setWorkRvuPercent] = useState('');
  const form = parseWhatIfForm(conversionFactor, workRvuPercent);
  const [applied, setApplied] = useState<WhatIfInput>({ conversionFactor: null, workRvuPercent: null });
  const inputKey = form.input === null ? null : `${form.input.conversionFactor}|${form.input.workRvuPercent}`;
  useEffect(() => {
    if (form.input === null) return;
    const input = form.input;
    const timer = setTimeout(() => setApplied(input), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key stands for the input's value; the object is new on every render.
  }, [inputKey]);
  const { data, error, isPending, isPlaceholderData, isFetching, refetch } = useWhatIf(params, applied);

  const loadedFactors = data?.meta.conversionFactors ?? [];
  return (
    <section className="card reimb-what-if reimb-expected" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {WHAT_IF_TITLE}
        </h2>
        {data ? <CsvDownloadButton what="the what-if" fileName={whatIfFileName(data)} csv={() => whatIfCsv(data)} /> : null}
      </header>
      <p className="card-note">
        Change the conversion factor or the work RVUs and see expected payment for the same lines, priced line by line as CMS prices them.
        {loadedFactors.length > 0
          ? ` As loaded: ${loadedFactors.map((factor) => `${factor.year} conversion factor ${factor.current.toFixed(4)}`).join(', ')}.`
          : null}
      </p>
      <form className="reimb-what-if-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-cf`}>Conversion factor ($)</label>
          <input
            id={`${id}-cf`}
            inputMode="decimal"
            placeholder="as loaded"
            value={conversionFactor}
            onChange={(event) => setConversionFactor(event.target.value)}
            aria-invalid={form.errors.conversionFactor !== undefined || undefined}
            aria-describedby={form.errors.conversionFactor ? `${id}-cf-error` : undefined}
          />
          {form.errors.conversionFactor ? (
            <p id={`${id}-cf-error`} className="field-error">
              {form.errors.conversionFactor}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-work`}>Work RVU change (%)</label>
          <input
            id={`${id}-work`}
            inputMode="decimal"
            placeholder="0"
            value={workRvuPercent}
            onChange={(event) => setWorkRvuPercent(event.target.value)}
            aria-invalid={form.errors.workRvuPercent !== undefined || undefined}
            aria-describedby={form.errors.workRvuPercent ? `${id}-work-error` : undefined}
          />
          {form.errors.workRvuPercent ? (
            <p id={`${id}-work-error`} className="field-error">
              {form.errors.workRvuPercent}
            </p>
          ) : null}
        </div>
        <div className="reimb-what-if-presets" role="group" aria-label="Conversion factors to try">
          {WHAT_IF_PRESETS.map((preset) => (
            <button key={preset.label} type="button" className="button button-quiet" onClick={() => setConversionFactor(preset.conversionFactor)}>
              {preset.label}
            </button>
          ))}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setConversionFactor('');
              setWorkRvuPercent('');
            }}
          >
            As loaded
          </button>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {isFetching ? 'Pricing the lines again…' : data ? `What-if total ${formatMoney(data.totals.scenario)} against ${formatMoney(data.totals.current)} as loaded.` : ''}
      </p>
      {isPending ? (
        <p className="card-empty">Pricing the lines…</p>
      ) : !data ? (
        <div className="card-error" role="alert">
          <p>The what-if could not be computed: {error?.message ?? 'the server did not answer.'}</p>
          <button type="button" className="button button-quiet" onClick={() => void refetch()} disabled={isFetching}>
            {isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      ) : (
        <div className={isPlaceholderData ? 'is-updating' : undefined}>
          <p className="reimb-what-if-total">
            Expected payment <strong>{formatMoney(data.totals.scenario)}</strong> against {formatMoney(data.totals.current)} as loaded:{' '}
            <strong>{formatSignedMoney(data.totals.change)}</strong> ({formatSignedPercent(data.totals.changeRatio)}).
          </p>
          <DataTable caption={`What-if by section, ${range}`} columns={SECTION_COLUMNS} rows={data.bySection} rowKey={(row) => row.key} />
          <DataTable caption={`What-if by department, ${range}`} columns={DEPARTMENT_COLUMNS} rows={data.byDepartment} rowKey={(row) => row.key} />
          {data.meta.unpriced > 0 ? (
            <p className="reimb-unpriced">
              {data.meta.unpriced.toLocaleString('en-US')} {data.meta.unpriced === 1 ? 'line has' : 'lines have'} no price in the schedule and add nothing either way.
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}

/** Both tables in one file: a `by` column tells the sections from the departments. */
function whatIfCsv(data: WhatIfResponse): string {
  const row = (by: string, item: WhatIfRow) => [by, item.key, item.units, item.current, item.scenario, item.change, item.changeRatio];
  return tableCsv(
    ['by', 'key', 'units', 'as_loaded', 'what_if', 'change', 'change_ratio'],
    [...data.bySection.map((item) => row('section', item)), ...data.byDepartment.map((item) => row('department', item))],
  );
}

function whatIfFileName(data: WhatIfResponse): string {
  const { conversionFactor, workRvuPercent } = data.meta.scenario;
  const scenario = [conversionFactor === null ? null : `cf-${conversionFactor}`, workRvuPercent === null ? null : `work-${workRvuPercent}pct`].filter(Boolean).join('-') || 'as-loaded';
  return `caseload-what-if-${scenario}-${data.meta.from}-${data.meta.to}.csv`;
}
