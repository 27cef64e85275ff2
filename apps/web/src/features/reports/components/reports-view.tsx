import type { ReportFormat, SavedReport } from '@caseload/contracts';
import { useRef, useState } from 'react';
import { useSessionUser } from '../../auth/hooks/use-session-user';
import { useDashboardFilters } from '../../filters/hooks/use-dashboard-filters';
import { useSaveReport } from '../hooks/use-reports';
import type { PreviewRequest } from '../hooks/use-report-preview';
import { canTurnOffSuppression, DEFAULT_SAVE_FORM, reportErrorsFrom, reportInputOf, saveFormOf } from '../utils/report-form';
import type { ReportFormErrors, SaveFormState } from '../utils/report-form';
import { builderFromReport, builderProblem, DEFAULT_BUILDER, exportUrlOf, reportQuery } from '../utils/report-query';
import type { BuilderState } from '../utils/report-query';
import { queryInWords } from '../utils/report-words';
import { ExportNow } from './export-now';
import { ReportBuilderCard } from './report-builder-card';
import { reportFiltersOf, withReportFilters } from './report-filters';
import { ReportPreviewCard } from './report-preview-card';
import { SaveReportCard } from './save-report-card';
import { SavedReportsCard } from './saved-reports-card';

type BuilderFields = Omit<BuilderState, 'filters'>;

const NO_ERRORS: ReportFormErrors = { fields: {}, form: null };

/**
 * The Reports page: build a question (measures, group-bys, range; the filters are the
 * dashboard's, in the address), preview it, export it now, save it with a format and a
 * schedule, and follow its runs.
 */
export function ReportsView() {
  const { filters, today, setFilters } = useDashboardFilters();
  const role = useSessionUser()?.role;
  const [fields, setFields] = useState<BuilderFields>(() => ({ ...DEFAULT_BUILDER }));
  const [form, setForm] = useState<SaveFormState>(DEFAULT_SAVE_FORM);
  const [editing, setEditing] = useState<SavedReport | null>(null);
  const [previewRequest, setPreviewRequest] = useState<PreviewRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<ReportFormErrors>(NO_ERRORS);
  const [refusals, setRefusals] = useState(0);
  const [saved, setSaved] = useState('');
  const save = useSaveReport();
  const builderRef = useRef<HTMLDivElement>(null);

  const builder: BuilderState = { ...fields, filters: reportFiltersOf(filters) };
  const query = reportQuery(builder);
  const currentRequest: PreviewRequest = { query, range: builder.range, today };
  const stale = previewRequest !== null && JSON.stringify(previewRequest) !== JSON.stringify(currentRequest);

  const changeBuilder = (changes: Partial<BuilderState>) => {
    setProblem(null);
    setFields((current) => ({ ...current, ...changes }));
    if (changes.measures !== undefined || changes.groupBy !== undefined || changes.grain !== undefined) setErrors((current) => withoutFields(current, ['query']));
    if (changes.range !== undefined) setErrors((current) => withoutFields(current, ['range']));
  };
  const changeForm = (changes: Partial<SaveFormState>) => setForm((current) => ({ ...current, ...changes }));

  const preview = () => {
    const reason = builderProblem(builder);
    setProblem(reason);
    if (reason === null) setPreviewRequest(currentRequest);
  };

  const startOver = () => {
    setEditing(null);
    setFields({ ...DEFAULT_BUILDER });
    setForm(DEFAULT_SAVE_FORM);
    setErrors(NO_ERRORS);
    setPreviewRequest(null);
  };

  const focusBuilder = () => {
    builderRef.current?.scrollIntoView({ block: 'start' });
    builderRef.current?.querySelector<HTMLElement>('input')?.focus({ preventScroll: true });
  };

  const edit = (report: SavedReport) => {
    const next = builderFromReport(report.query, report.range);
    setEditing(report);
    setFields({ measures: next.measures, groupBy: next.groupBy, grain: next.grain, range: next.range, extra: next.extra });
    setFilters((current) => withReportFilters(current, next.filters));
    setForm(saveFormOf(report));
    setErrors(NO_ERRORS);
    setPreviewRequest(null);
    setSaved('');
    focusBuilder();
  };

  const submit = () => {
    const reason = builderProblem(builder);
    if (reason !== null) {
      setProblem(reason);
      return;
    }
    setSaved('');
    save.mutate(
      { id: editing?.id ?? null, input: reportInputOf(builder, form, role) },
      {
        onSuccess: (report) => {
          setErrors(NO_ERRORS);
          setSaved(editing ? `Saved the changes to “${report.name}”.` : `Saved “${report.name}”. It is in the list below.`);
          setEditing(null);
          setForm(DEFAULT_SAVE_FORM);
        },
        onError: (error) => {
          setErrors(reportErrorsFrom(error));
          setRefusals((count) => count + 1);
        },
      },
    );
  };

  const exportUrl = (format: ReportFormat) => (builderProblem(builder) === null ? exportUrlOf(query, builder.range, today, format, canTurnOffSuppression(role) ? form.suppress : true) : null);

  return (
    <div className="reports">
      <title>Reports · Caseload</title>
      <header className="page-header">
        <h1 className="page-title">Reports</h1>
        <p className="page-subtitle muted">Build a question, preview it, export it, or save it to run on a schedule.</p>
      </header>
      <div ref={builderRef} className="reports-anchor">
        <ReportBuilderCard
          state={builder}
          today={today}
          onChange={changeBuilder}
          errors={{ query: errors.fields.query, range: errors.fields.range }}
          problem={problem}
          onPreview={preview}
          exportNow={<ExportNow urlOf={exportUrl} name={form.name.trim() || queryInWords(query)} onProblem={() => setProblem(builderProblem(builder))} />}
          editing={editing?.name ?? null}
          onCancelEdit={startOver}
        />
      </div>
      {previewRequest ? <ReportPreviewCard request={previewRequest} stale={stale} /> : null}
      <SaveReportCard
        form={form}
        onChange={changeForm}
        canUnsuppress={canTurnOffSuppression(role)}
        errors={errors}
        refusals={refusals}
        saving={save.isPending}
        editing={editing !== null}
        onSubmit={submit}
        onCancelEdit={startOver}
      />
      <p className={saved ? 'notice reports-saved-notice' : 'visually-hidden'} role="status">
        {saved}
      </p>
      <SavedReportsCard onEdit={edit} onBuild={focusBuilder} />
    </div>
  );
}

function withoutFields(errors: ReportFormErrors, names: ReadonlyArray<keyof ReportFormErrors['fields']>): ReportFormErrors {
  const fields = { ...errors.fields };
  for (const name of names) delete fields[name];
  return { ...errors, fields };
}
