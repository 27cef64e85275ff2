import { Skeleton } from '../../../ui/skeleton';
import { MoversSkeleton } from './movers-section';
import { KPI_TILE_COUNT, LINES_CHART_HEIGHT, LINES_CHART_TITLE } from './overview-layout';
import { OverviewHeading } from './overview-heading';

/** The Overview's shape while its code or data loads: same boxes, same sizes. */
export function OverviewSkeleton({ chartTitle = LINES_CHART_TITLE }: { chartTitle?: string }) {
  return (
    <div className="overview" aria-busy="true">
      <title>Overview · Caseload</title>
      <OverviewHeading range={<Skeleton width="22em" height={20} className="skeleton-text" />} />
      <p className="visually-hidden" role="status">
        Loading the overview…
      </p>
      <section className="kpi-section" aria-hidden="true">
        <div className="section-header">
          <span className="section-title">Headline figures</span>
        </div>
        <ul className="kpi-grid">
          {Array.from({ length: KPI_TILE_COUNT }, (_, index) => (
            <li key={index} className="kpi-tile">
              <Skeleton width="45%" height={16} />
              <Skeleton width="55%" height={32} />
              <Skeleton width="70%" height={16} />
              <Skeleton width="100%" height={32} />
            </li>
          ))}
        </ul>
      </section>
      <section className="card chart-card" aria-hidden="true">
        <div className="card-header">
          <span className="card-title">{chartTitle}</span>
        </div>
        <div className="series-legend">
          <Skeleton width="16em" height={14} />
        </div>
        <div className="chart-area" style={{ height: LINES_CHART_HEIGHT }}>
          <Skeleton width="100%" height={LINES_CHART_HEIGHT} />
        </div>
      </section>
      <div className="movers-grid">
        <MoversSkeleton dimension="department" />
        <MoversSkeleton dimension="code" />
      </div>
    </div>
  );
}
