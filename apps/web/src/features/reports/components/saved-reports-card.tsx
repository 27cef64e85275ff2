import type { SavedReport } from '@caseload/contracts';
import { useId, useState } from 'react';
import { Dialog } from '../../admin/components/dialog';
import { Skeleton } from '../../../ui/skeleton';
import { useDeleteReport, useReports, useRunReport } from '../hooks/use-reports';
import { deliveryInWords, formatDateTime, FORMAT_LABELS, queryInWords, rangeInWords, scheduleInWords } from '../utils/report-words';
import { CardError } from '../../../ui/card-error';
import { ReportRuns } from './report-runs';
import { RunStatus } from './run-status';

const SKELETON_ITEMS = 3;
/** The height of one report in the list, which the skeleton keeps. */
const ITEM_HEIGHT = 200;

/** The saved reports: what each exports and when, its last run, and its runs on demand. */
export function SavedReportsCard({ onEdit, onBuild }: { onEdit: (report: SavedReport) => void; onBuild: () => void }) {
  const id = useId();
  const reports = useReports();
  const [deleting, setDeleting] = useState<SavedReport | null>(null);
  const [notice, setNotice] = useState('');

  let body;
  if (reports.isPending) {
    body = (
      <ul className="reports-list" aria-hidden="true">
        {Array.from({ length: SKELETON_ITEMS }, (_, index) => (
          <li key={index} className="reports-item" style={{ minHeight: ITEM_HEIGHT }}>
            <Skeleton width="30%" height={24} />
            <Skeleton width="55%" height={18} />
            <span className="reports-facts">
              {Array.from({ length: 4 }, (_, fact) => (
                <Skeleton key={fact} width="70%" height={38} />
              ))}
            </span>
            <Skeleton width="10em" height={38} />
          </li>
        ))}
      </ul>
    );
  } else if (reports.isError) {
    body = <CardError message={reports.error.message} retrying={reports.isFetching} onRetry={() => void reports.refetch()} height={ITEM_HEIGHT} />;
  } else if (reports.data.length === 0) {
    body = (
      <div className="reports-empty">
        <h3 className="reports-empty-title">No saved reports yet</h3>
        <p>
          A report is a question you ask again and again: its measures, group-bys, filters and a date range such as “last month”. Save one and Caseload runs it on request, or every day,
          week or month, and writes the file to the reports folder or sends it to a webhook.
        </p>
        <button type="button" className="button button-quiet" onClick={onBuild}>
          Build your first report
        </button>
      </div>
    );
  } else {
    body = (
      <ul className="reports-list">
        {reports.data.map((report) => (
          <ReportItem key={report.id} report={report} onEdit={onEdit} onDelete={setDeleting} />
        ))}
      </ul>
    );
  }

  return (
    <section className="card reports-card reports-saved" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          Saved reports
        </h2>
        {reports.data && reports.data.length > 0 ? <span className="card-header-note muted">{reports.data.length === 1 ? '1 report' : `${reports.data.length} reports`}</span> : null}
      </header>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {body}
      {deleting ? (
        <ConfirmDeleteDialog
          report={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`${deleting.name} deleted.`);
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

function ReportItem({ report, onEdit, onDelete }: { report: SavedReport; onEdit: (report: SavedReport) => void; onDelete: (report: SavedReport) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const run = useRunReport();
  const running = report.lastRun?.status === 'running' || run.isPending;
  return (
    <li className="reports-item" aria-labelledby={`${id}-name`}>
      <div className="reports-item-head">
        <h3 id={`${id}-name`} className="reports-item-name">
          {report.name}
        </h3>
        <div className="reports-item-actions">
          <button
            type="button"
            className="button button-primary button-small"
            disabled={running}
            aria-describedby={`${id}-name`}
            onClick={() => {
              setOpen(true);
              run.mutate(report.id);
            }}
          >
            {running ? 'Running…' : 'Run now'}
          </button>
          <button type="button" className="button button-quiet button-small" aria-describedby={`${id}-name`} onClick={() => onEdit(report)}>
            Edit
          </button>
          <button type="button" className="button button-danger-quiet button-small" aria-describedby={`${id}-name`} onClick={() => onDelete(report)}>
            Delete
          </button>
        </div>
      </div>
      <p className="reports-item-what">{queryInWords(report.query)}</p>
      <dl className="reports-facts">
        <div>
          <dt>Range</dt>
          <dd>{rangeInWords(report.range)}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd>
            {FORMAT_LABELS[report.format]}
            {report.suppress ? ', small counts hidden' : ', nothing suppressed'}
          </dd>
        </div>
        <div>
          <dt>Schedule</dt>
          <dd>
            {scheduleInWords(report.schedule)}
            {report.nextRunAt ? <span className="muted"> · next {formatDateTime(report.nextRunAt)}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Goes to</dt>
          <dd>{deliveryInWords(report)}</dd>
        </div>
        <div className="reports-fact-wide">
          <dt>Last run</dt>
          <dd>
            {report.lastRun ? (
              <>
                <RunStatus run={report.lastRun} /> <span className="muted">{formatDateTime(report.lastRun.startedAt)}</span>
                {report.lastRun.error ? <span className="reports-run-error">{report.lastRun.error}</span> : null}
              </>
            ) : (
              <span className="muted">Never run</span>
            )}
          </dd>
        </div>
      </dl>
      {run.error ? (
        <p className="form-error reports-item-error" role="alert">
          The run could not start: {run.error.message}
        </p>
      ) : null}
      <button type="button" className="reports-disclosure" aria-expanded={open} aria-controls={`${id}-runs`} onClick={() => setOpen((value) => !value)}>
        <span aria-hidden="true" className="reports-disclosure-arrow">
          ▸
        </span>
        {open ? 'Hide runs' : 'Show runs'}
        <span className="visually-hidden"> of {report.name}</span>
      </button>
      {open ? <ReportRuns
          reportId={report.id}
          reportName={report.name}
          hasWebhook={report.webhookUrl !== null}
          lastRun={report.lastRun === null ? '' : `${report.lastRun.id}:${report.lastRun.status}`}
          id={`${id}-runs`}
        /> : null}
    </li>
  );
}

function ConfirmDeleteDialog({ report, onClose, onDeleted }: { report: SavedReport; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteReport();
  return (
    <Dialog title={`Delete “${report.name}”?`} onClose={onClose} role="alertdialog">
      <p className="dialog-body">Its schedule stops, and its runs and their files in the reports folder are deleted. This cannot be undone.</p>
      {remove.error ? (
        <p className="form-error" role="alert">
          {remove.error.message}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" disabled={remove.isPending} aria-busy={remove.isPending} onClick={() => remove.mutate(report.id, { onSuccess: onDeleted })}>
          {remove.isPending ? 'Deleting…' : 'Delete report'}
        </button>
      </div>
    </Dialog>
  );
}
