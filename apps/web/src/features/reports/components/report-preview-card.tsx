import { useId } from 'react';
import { DataTable } from '../../../ui/data-table';
import type { Column } from '../../../ui/data-table';
import { formatDateRange } from '../../../ui/format-period';
import { Skeleton } from '../../../ui/skeleton';
import { COUNT_CAP, useReportPreview } from '../hooks/use-report-preview';
import type { PreviewRequest } from '../hooks/use-report-preview';
import { previewTable, rowCountInWords } from '../utils/preview-table';
import type { PreviewRow } from '../utils/preview-table';
import { queryInWords } from '../utils/report-words';
import { CardError } from '../../../ui/card-error';

const SKELETON_ROWS = 8;

/** The first rows of the report's answer, its totals and how many rows the whole answer has. */
export function ReportPreviewCard({ request, stale }: { request: PreviewRequest; stale: boolean }) {
  const id = useId();
  const { preview, count, total } = useReportPreview(request);
  const title = 'Preview';
  let body;
  if (preview.isPending) {
    body = (
      <div className="card-table-skeleton" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <Skeleton key={index} width="100%" height={20} />
        ))}
      </div>
    );
  } else if (preview.isError) {
    body = <CardError message={preview.error.message} retrying={preview.isFetching} onRetry={() => void preview.refetch()} height={SKELETON_ROWS * 36} />;
  } else {
    const table = previewTable(request.query, preview.data);
    const columns: Array<Column<PreviewRow>> = table.columns.map((column) => ({ key: column.key, header: column.header, numeric: column.numeric, cell: (row) => row.cells[column.key] ?? '' }));
    const counted = rowCountInWords(preview.data.rows.length, total, COUNT_CAP);
    body =
      preview.data.rows.length === 0 ? (
        <p className="card-empty">No procedure lines match this question in {formatDateRange(preview.data.meta.from, preview.data.meta.to)}. Widen the dates or remove a filter.</p>
      ) : (
        <>
          <p className="reports-preview-count" id={`${id}-count`}>
            {count.isPending && total === null ? 'Counting the rows…' : `${counted}`}
            {count.isError ? ' (the rows could not be counted)' : ''}
            {total !== null && total > preview.data.rows.length ? '; the export has them all.' : '.'} Totals cover every row.
          </p>
          <DataTable
            caption={`${queryInWords(request.query)}, ${formatDateRange(preview.data.meta.from, preview.data.meta.to)}`}
            columns={columns}
            rows={table.total ? [...table.rows, table.total] : table.rows}
            rowKey={(row) => row.key}
          />
          {preview.data.meta.suppressed > 0 ? <p className="footnote">The export hides {preview.data.meta.suppressed} small counts to protect patient privacy.</p> : null}
        </>
      );
  }
  return (
    <section className={stale ? 'card reports-card reports-preview is-stale' : 'card reports-card reports-preview'} aria-labelledby={`${id}-title`} aria-busy={preview.isFetching || undefined}>
      <header className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {title}
        </h2>
      </header>
      {stale ? <p className="notice reports-stale">The builder has changed since this preview: press Preview again to see the new answer.</p> : null}
      {body}
    </section>
  );
}
