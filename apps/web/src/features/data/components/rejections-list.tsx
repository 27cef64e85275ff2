import type { ImportStatusResponse } from '@caseload/contracts';
import { useMemo } from 'react';
import { StatePanel } from '../../../ui/state-panel';
import { useRejections } from '../hooks/use-imports';
import { countOf } from '../utils/format';
import { rejectionPage, toRejectionRows } from '../utils/rejection-rows';
import { Pager } from './pager';
import { RejectionsTable } from './rejections-table';
import { TableSkeleton } from './table-skeleton';

interface RejectionsListProps {
  status: ImportStatusResponse;
  page: number;
  onPage: (page: number) => void;
}

/** One page of a finished import's rejected rows, with the pager; or why there is none to show. */
export function RejectionsList({ status, page, onPage }: RejectionsListProps) {
  const slice = rejectionPage(status.rowsRejected, page);
  const finished = status.status === 'completed' || status.status === 'failed';
  const rejections = useRejections(status.id, slice, finished && status.rowsRejected > 0);
  const rows = useMemo(() => toRejectionRows(rejections.data?.rows ?? []), [rejections.data]);
  // The page on screen: while the next one loads, the one before stays, with its own caption.
  const shown = rejections.data ? rejectionPage(status.rowsRejected, Math.floor(rejections.data.offset / slice.limit) + 1) : slice;

  if (!finished) {
    return (
      <StatePanel title="This import is still running">
        <p>Its rejected rows are listed here as soon as it ends; this page follows it.</p>
      </StatePanel>
    );
  }
  if (status.rowsRejected === 0) {
    return (
      <StatePanel title="No rows were rejected">
        <p>{status.status === 'completed' ? `Every line of the file was loaded: ${countOf(status.rowsLoaded, 'line', 'lines')}.` : 'The file was refused as a whole, so no row was checked on its own.'}</p>
      </StatePanel>
    );
  }
  if (rejections.data === undefined) {
    if (rejections.isPending) {
      return (
        <div className="card table-card">
          <TableSkeleton label="Loading rejected rows…" rows={Math.min(slice.limit, status.rowsRejected - slice.offset, 8)} />
        </div>
      );
    }
    return (
      <StatePanel
        title="The rejected rows could not be loaded"
        tone="error"
        live
        action={
          <button type="button" className="button button-primary" onClick={() => void rejections.refetch()} disabled={rejections.isFetching}>
            {rejections.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        }
      >
        <p>{rejections.error?.message ?? 'The server did not answer.'}</p>
      </StatePanel>
    );
  }
  return (
    <div className="card table-card data-rejections-card" aria-busy={rejections.isPlaceholderData}>
      <RejectionsTable rows={rows} caption={shown.caption} />
      <Pager slice={shown} onPage={onPage} busy={rejections.isPlaceholderData} />
      {rejections.isError ? (
        <p className="form-error data-pager-error" role="alert">
          {rejections.error.message}
        </p>
      ) : null}
    </div>
  );
}
