import type { ReportRun } from '@caseload/contracts';
import { useState } from 'react';
import { saveBlob } from '../../../ui/export-download';
import { formatDateRange } from '../../../ui/format-period';
import { useReportRuns } from '../hooks/use-reports';
import { downloadFile, runFileUrl } from '../utils/reports-api';
import { formatBytes, formatDateTime } from '../utils/report-words';
import { CardError } from '../../../ui/card-error';
import { RunStatus } from './run-status';

const TRIGGERS: Record<ReportRun['trigger'], string> = { manual: 'Run by hand', schedule: 'On schedule' };

/** The runs of one report, newest first, with a download for each run that kept its file. */
export function ReportRuns({ reportId, reportName, hasWebhook, lastRun, id }: { reportId: number; reportName: string; hasWebhook: boolean; lastRun: string; id: string }) {
  const runs = useReportRuns(reportId, true, lastRun);
  const [download, setDownload] = useState<{ runId: number; message: string | null; busy: boolean } | null>(null);

  const save = async (run: ReportRun) => {
    setDownload({ runId: run.id, message: null, busy: true });
    try {
      const file = await downloadFile(runFileUrl(reportId, run.id));
      saveBlob(file.blob, file.fileName ?? `report-${reportId}-run-${run.id}`);
      setDownload({ runId: run.id, message: `Saved ${file.fileName ?? 'the file'}.`, busy: false });
    } catch (error) {
      setDownload({ runId: run.id, message: `The download failed: ${error instanceof Error ? error.message : String(error)}`, busy: false });
    }
  };

  // The webhook column only where a webhook was, or is, asked for.
  const webhook = hasWebhook || (runs.data?.some((run) => run.webhookStatus !== null) ?? false);
  let body;
  if (runs.isPending) body = <p className="reports-runs-loading">Loading the runs…</p>;
  else if (runs.isError) body = <CardError message={runs.error.message} retrying={runs.isFetching} onRetry={() => void runs.refetch()} height={60} />;
  else if (runs.data.length === 0) body = <p className="card-empty">No runs yet. Press Run now, or wait for its schedule.</p>;
  else
    body = (
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table reports-runs-table">
          <caption id={`${id}-caption`} className="visually-hidden">
            Runs of {reportName}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Tries
              </th>
              <th scope="col">Dates</th>
              {webhook ? <th scope="col">Webhook</th> : null}
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  {formatDateTime(run.startedAt)}
                  <span className="reports-run-trigger">{TRIGGERS[run.trigger]}</span>
                </th>
                <td>
                  <RunStatus run={run} />
                  {run.error ? <span className="reports-run-error">{run.error}</span> : null}
                </td>
                <td className="numeric">{run.attempts}</td>
                <td>{formatDateRange(run.from, run.to)}</td>
                {webhook ? <td>{run.webhookStatus === null ? '—' : `Answered ${run.webhookStatus}`}</td> : null}
                <td>
                  {run.hasFile ? (
                    <span className="reports-run-file">
                      <button type="button" className="button button-quiet button-small" disabled={download?.runId === run.id && download.busy} onClick={() => void save(run)}>
                        Download<span className="visually-hidden"> the file of the run started {formatDateTime(run.startedAt)}</span>
                      </button>
                      <span className="muted">{formatBytes(run.bytes)}</span>
                    </span>
                  ) : (
                    <span className="muted">{run.status === 'running' ? 'Not yet' : run.bytes === null ? 'Not kept' : `Not kept (${formatBytes(run.bytes)} sent)`}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="reports-runs" id={id}>
      {body}
      <p className={download?.message ? 'reports-runs-message' : 'visually-hidden'} role="status">
        {download?.message ?? ''}
      </p>
    </div>
  );
}
