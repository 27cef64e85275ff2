import type { ImportStatusResponse } from '@caseload/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { StatePanel } from '../../../ui/state-panel';
import { Skeleton } from '../../../ui/skeleton';
import { useDownloadRejections } from '../hooks/use-download-rejections';
import { useImportStatus } from '../hooks/use-imports';
import type { Access } from '../utils/data-access';
import { countOf, formatCount, formatDateTime } from '../utils/format';
import { importResult } from '../utils/upload-view';
import { ImportStatusBadge } from './import-status-badge';
import { RejectionsList } from './rejections-list';

interface ImportDetailsProps {
  importId: number;
  page: number;
  access: Access;
  onPage: (page: number) => void;
}

/** One import: what it did, and the rows it rejected with the reason for each. */
export function ImportDetails({ importId, page, access, onPage }: ImportDetailsProps) {
  const status = useImportStatus(access.allowed ? importId : null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Opening an import moves focus to it, as a new page would.
  useEffect(() => titleRef.current?.focus(), [importId]);

  const fileName = status.data ? (status.data.fileName?.trim() || `Import ${importId}`) : null;
  return (
    <section className="data-details" aria-labelledby={`data-details-title-${importId}`}>
      <title>{`Rejected rows of ${fileName ?? `import ${importId}`} · Data · Caseload`}</title>
      <Link to="/data" state={{ focusImports: true }} className="data-back-link">
        ← All imports
      </Link>
      <div className="data-details-header">
        <div className="data-details-heading">
          <h2 id={`data-details-title-${importId}`} ref={titleRef} tabIndex={-1} className="data-details-title">
            {fileName === null ? `Import ${importId}` : <>Rejected rows of <span className="data-file-name">{fileName}</span></>}
          </h2>
          {status.data ? <ImportSummary status={status.data} /> : status.isPending && access.allowed ? <Skeleton height={22} width="min(520px, 100%)" className="data-summary-skeleton" /> : null}
        </div>
        {status.data && status.data.rowsRejected > 0 ? <DownloadButton importId={importId} /> : null}
      </div>
      {!access.allowed ? (
        <StatePanel title="You cannot see rejected rows">
          <p>{access.reason}</p>
        </StatePanel>
      ) : status.data ? (
        <RejectionsList status={status.data} page={page} onPage={onPage} />
      ) : status.isPending ? (
        <div className="card table-card">
          <Skeleton height={300} />
        </div>
      ) : (
        <StatePanel
          title={status.error instanceof ApiError && status.error.status === 404 ? 'This import cannot be found' : 'The import could not be loaded'}
          tone="error"
          live
          action={
            <button type="button" className="button button-primary" onClick={() => void status.refetch()} disabled={status.isFetching}>
              {status.isFetching ? 'Retrying…' : 'Retry'}
            </button>
          }
        >
          <p>{status.error?.message ?? 'The server did not answer.'}</p>
        </StatePanel>
      )}
    </section>
  );
}

function ImportSummary({ status }: { status: ImportStatusResponse }) {
  const result = status.status === 'failed' ? importResult(status) : null;
  return (
    <div className="data-summary">
      <ImportStatusBadge status={status.status} />
      <span>Import {status.id}</span>
      <span>
        started <time dateTime={status.createdAt}>{formatDateTime(status.createdAt)}</time>
      </span>
      {status.status === 'completed' ? (
        <span>
          {countOf(status.rowsTotal, 'row', 'rows')}: {formatCount(status.rowsLoaded)} loaded, {formatCount(status.rowsRejected)} rejected
        </span>
      ) : null}
      {result ? <span className="data-summary-error">{result.details[0]}</span> : null}
    </div>
  );
}

function DownloadButton({ importId }: { importId: number }) {
  const download = useDownloadRejections();
  return (
    <div className="data-download">
      <button type="button" className="button button-quiet" onClick={() => download.mutate(importId)} disabled={download.isPending} aria-busy={download.isPending}>
        {download.isPending ? 'Preparing the file…' : 'Download rejections (CSV)'}
      </button>
      <p className={download.isError ? 'data-download-error' : 'visually-hidden'} role="status">
        {download.isError ? `The download failed: ${download.error.message}` : download.isSuccess ? `Saved ${download.data}.` : ''}
      </p>
    </div>
  );
}
