import { Skeleton } from '../../../ui/skeleton';

/** A table's outline while its rows load; the label is read out instead. */
export function TableSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div className="table-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <Skeleton height={20} width={120} className="table-skeleton-caption" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={36} className="table-skeleton-row" />
      ))}
    </div>
  );
}
