import { Skeleton } from '../../../ui/skeleton';
import { ReimbursementHeading } from './reimbursement-heading';
import {
  DENIAL_TREND_HEIGHT,
  denialTrendTitle,
  EXPECTED_TITLE,
  MONEY_TREND_HEIGHT,
  moneyTrendTitle,
  PAYER_MIX_HEIGHT,
  PAYER_MIX_TITLE,
  PLACEHOLDER_ROWS,
  WRVU_HEIGHT,
  WRVU_TITLE,
} from './reimbursement-layout';

/** A chart card's shape while it loads: title, legend row, drawing area. */
export function ReimbursementChartSkeleton({ title, height }: { title: string; height: number }) {
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

/** A table card's shape while it loads. */
export function ReimbursementTableSkeleton({ title }: { title: string }) {
  return (
    <section className="card chart-card" aria-hidden="true">
      <div className="card-header">
        <span className="card-title">{title}</span>
      </div>
      <div className="reimb-table-skeleton">
        {Array.from({ length: PLACEHOLDER_ROWS }, (_, index) => (
          <Skeleton key={index} width="100%" height={20} />
        ))}
      </div>
    </section>
  );
}

/** The page's shape while its code or figures load: the same boxes at the same sizes. */
export function ReimbursementSkeleton({ grain }: { grain: string }) {
  return (
    <div className="reimb" aria-busy="true">
      <title>Reimbursement · Caseload</title>
      <ReimbursementHeading range={<Skeleton width="22em" height={20} className="skeleton-text" />} />
      <p className="visually-hidden" role="status">
        Loading the reimbursement figures…
      </p>
      <ul className="kpi-grid reimb-tile-grid" aria-hidden="true">
        {Array.from({ length: 5 }, (_, index) => (
          <li key={index} className="kpi-tile reimb-tile">
            <Skeleton width="8em" height={16} />
            <Skeleton width="6em" height={30} />
            <Skeleton width="10em" height={14} />
          </li>
        ))}
      </ul>
      <ReimbursementChartSkeleton title={moneyTrendTitle(grain)} height={MONEY_TREND_HEIGHT} />
      <div className="reimb-grid">
        <ReimbursementChartSkeleton title={PAYER_MIX_TITLE} height={PAYER_MIX_HEIGHT} />
        <ReimbursementChartSkeleton title={denialTrendTitle(grain)} height={DENIAL_TREND_HEIGHT} />
      </div>
      <ReimbursementTableSkeleton title={EXPECTED_TITLE} />
      <ReimbursementChartSkeleton title={WRVU_TITLE} height={WRVU_HEIGHT} />
    </div>
  );
}
