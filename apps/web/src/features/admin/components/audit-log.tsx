import { useMemo } from 'react';
import { StatePanel } from '../../../ui/state-panel';
import { useAudit } from '../hooks/use-audit';
import { hasAuditFilters, type AuditFilters } from '../utils/audit-filters';
import { toAuditRows } from '../utils/audit-rows';
import { AuditTable } from './audit-table';
import { TableSkeleton } from './table-skeleton';

interface AuditLogProps {
  filters: AuditFilters;
  onClearFilters: () => void;
}

/** The entries matching the filters, newest first, with "Load older" at the end. */
export function AuditLog({ filters, onClearFilters }: AuditLogProps) {
  const audit = useAudit(filters);
  const rows = useMemo(() => toAuditRows(audit.data?.pages.flatMap((page) => page.entries) ?? []), [audit.data]);

  if (audit.isPending) {
    return (
      <div className="card table-card">
        <TableSkeleton label="Loading audit entries…" />
      </div>
    );
  }

  if (!audit.data) {
    return (
      <StatePanel
        title="The audit log could not be loaded"
        tone="error"
        live
        action={
          <button type="button" className="button button-primary" onClick={() => void audit.refetch()} disabled={audit.isFetching}>
            {audit.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        }
      >
        <p>{audit.error?.message ?? 'The server did not answer.'}</p>
      </StatePanel>
    );
  }

  if (rows.length === 0) {
    return (
      <StatePanel
        title="No audit entries match these filters"
        action={
          hasAuditFilters(filters) ? (
            <button type="button" className="button button-quiet" onClick={onClearFilters}>
              Clear filters
            </button>
          ) : undefined
        }
      />
    );
  }

  const more = audit.hasNextPage;
  return (
    <section className="card table-card">
      <AuditTable rows={rows} caption={more ? `The latest ${rows.length} entries` : `${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}`} />
      <div className="load-more">
        {more ? (
          <button type="button" className="button button-quiet" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage} aria-busy={audit.isFetchingNextPage}>
            {audit.isFetchingNextPage ? 'Loading…' : 'Load older'}
          </button>
        ) : (
          <p className="muted">No older entries.</p>
        )}
        {audit.isFetchNextPageError ? (
          <p className="form-error" role="alert">
            {audit.error?.message ?? 'The older entries could not be loaded.'} Try again.
          </p>
        ) : null}
      </div>
    </section>
  );
}
