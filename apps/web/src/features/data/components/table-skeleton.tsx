import { Skeleton } from '../../../ui/skeleton';

/** A table's outline while its rows load, at the height the rows will take; the label is read out instead. */
export function TableSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div className="data-list-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <Skeleton height={20} width={160} className="data-skeleton-caption" />
      <Skeleton height={28} className="data-skeleton-row" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={37} className="data-skeleton-row" />
      ))}
    </div>
  );
}
