import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
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
      <ChartCardSkeleton title={moneyTrendTitle(grain)} height={MONEY_TREND_HEIGHT} />
      <div className="reimb-grid">
        <ChartCardSkeleton title={PAYER_MIX_TITLE} height={PAYER_MIX_HEIGHT} />
        <ChartCardSkeleton title={denialTrendTitle(grain)} height={DENIAL_TREND_HEIGHT} />
      </div>
      <TableCardSkeleton title={EXPECTED_TITLE} rows={PLACEHOLDER_ROWS} />
      <ChartCardSkeleton title={WRVU_TITLE} height={WRVU_HEIGHT} />
    </div>
  );
}
