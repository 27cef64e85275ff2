import { useEffect, useId, useMemo, useRef } from 'react';
import { StatePanel } from '../../../ui/state-panel';
import { useImports } from '../hooks/use-imports';
import { anyUnderWay, toImportRows } from '../utils/import-rows';
import { ImportsTable } from './imports-table';
import { TableSkeleton } from './table-skeleton';

interface ImportsSectionProps {
  canUpload: boolean;
  canReadRejections: boolean;
  /** Back from an import's rejections: focus returns to this section. */
  focusOnMount?: boolean;
}

/** Every import the user may see, newest first, kept current while one runs. */
export function ImportsSection({ canUpload, canReadRejections, focusOnMount = false }: ImportsSectionProps) {
  const imports = useImports();
  const rows = useMemo(() => toImportRows(imports.data ?? []), [imports.data]);
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const running = anyUnderWay(imports.data);

  useEffect(() => {
    if (focusOnMount) titleRef.current?.focus();
  }, [focusOnMount]);

  return (
    <section className="data-imports" aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className="section-title">
          Imports
        </h2>
        <p className="muted data-section-note">{running ? 'An import is running: this list refreshes by itself.' : ''}</p>
      </div>
      {imports.data ? (
        rows.length === 0 ? (
          <StatePanel title="No imports yet">
            {canUpload ? (
              <p>Import an extract with the form above, or load demo data from the shell with <code>npm run seed:demo</code>.</p>
            ) : (
              <p>
                Imports that an analyst or an administrator runs are listed here. Demo data can be loaded from the shell with{' '}
                <code>npm run seed:demo</code>.
              </p>
            )}
          </StatePanel>
        ) : (
          <div className="card table-card data-imports-card">
            <ImportsTable rows={rows} canReadRejections={canReadRejections} />
          </div>
        )
      ) : imports.isPending ? (
        <div className="card table-card data-imports-card">
          <TableSkeleton label="Loading imports…" rows={4} />
        </div>
      ) : (
        <StatePanel
          title="The imports could not be loaded"
          tone="error"
          live
          action={
            <button type="button" className="button button-primary" onClick={() => void imports.refetch()} disabled={imports.isFetching}>
              {imports.isFetching ? 'Retrying…' : 'Retry'}
            </button>
          }
        >
          <p>{imports.error?.message ?? 'The server did not answer.'}</p>
        </StatePanel>
      )}
    </section>
  );
}
