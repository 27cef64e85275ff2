import { Skeleton } from './skeleton';

/** A chart card's shape while it loads: title, legend row, drawing area. */
export function ChartCardSkeleton({ title, height }: { title: string; height: number }) {
  return (
    <section className="card chart-card" aria-hidden="true">
      <div className="card-header">
        <span className="card-title">{title}</span>
      </div>
      <div className="series-legend">
        <Skeleton width="16em" height={14} />
      </div>
      <div className="chart-area" style={{ height }}>
        <Skeleton width="100%" height={height} />
      </div>
    </section>
  );
}

/** A table card's shape while it loads: its title and `rows` placeholder rows. */
export function TableCardSkeleton({ title, rows }: { title: string; rows: number }) {
  return (
    <section className="card chart-card" aria-hidden="true">
      <div className="card-header">
        <span className="card-title">{title}</span>
      </div>
      <div className="card-table-skeleton">
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} width="100%" height={20} />
        ))}
      </div>
    </section>
  );
}
