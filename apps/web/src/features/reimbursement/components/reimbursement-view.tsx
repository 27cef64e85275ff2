import { Link } from 'react-router';
import { StatePanel } from '../../../ui/state-panel';
import { useDashboardFilters } from '../../filters/hooks/use-dashboard-filters';
import { useDepartmentOptions } from '../../filters/hooks/use-department-options';
import { aggregateParams } from '../../filters/utils/aggregate-params';
import { useReimbursementHeadline } from '../hooks/use-reimbursement';
import { useReimbursementDrill } from '../hooks/use-reimbursement-drill';
import { headlineQuery } from '../utils/reimbursement-queries';
import { DenialTrendCard } from './denial-trend-card';
import { MoneyTrendCard } from './money-trend-card';
import { ReimbursementHeading } from './reimbursement-heading';
import { DenialReasonsSection, DepartmentSections, DrillSections, PayerMixSection } from './reimbursement-sections';
import { ReimbursementSkeleton } from './reimbursement-skeleton';
import { ReimbursementTiles } from './reimbursement-tiles';
import { WhatIfCard } from './what-if-card';

/**
 * The Reimbursement page: what was charged, allowed and paid, by whom, the denials, and paid
 * against the fee schedule by department. Every query follows the filter bar. Loaded lazily
 * (with Recharts).
 */
export function ReimbursementView() {
  const { filters, today, isDefault, resetFilters } = useDashboardFilters();
  const params = aggregateParams(filters, today);
  const { data, error, isPending, isPlaceholderData, refetch, isFetching } = useReimbursementHeadline(params);
  const departments = useDepartmentOptions();
  const headline = headlineQuery(params);
  const drill = useReimbursementDrill();
  // A drill outside the filter bar's departments would show lines the filters exclude: ignore it.
  const drilled = drill.department !== null && (params.department === undefined || params.department.includes(drill.department)) ? drill.department : null;

  if (isPending) return <ReimbursementSkeleton grain={filters.grain} />;

  // A failed background refresh keeps showing the figures already loaded.
  if (!data) {
    return (
      <div className="reimb">
        <title>Reimbursement · Caseload</title>
        <ReimbursementHeading range="" />
        <StatePanel
          title="The reimbursement figures could not be loaded"
          tone="error"
          live
          action={
            <button type="button" className="button button-primary" onClick={() => void refetch()} disabled={isFetching}>
              {isFetching ? 'Retrying…' : 'Retry'}
            </button>
          }
        >
          <p>{error?.message ?? 'The server did not answer.'}</p>
        </StatePanel>
      </div>
    );
  }

  let body;
  if (data.isEmpty && departments.data?.hasLines === false) {
    body = (
      <StatePanel title="No procedure lines yet">
        <p>
          Import a CSV file of procedure lines on the <Link to="/data">Data page</Link>, or load demo data with <code>npm run seed:demo</code>.
        </p>
      </StatePanel>
    );
  } else if (data.isEmpty) {
    body = (
      <StatePanel
        title={isDefault ? 'No procedure lines in the last 12 months' : 'No procedure lines match these filters'}
        action={
          isDefault ? null : (
            <button type="button" className="button button-primary" onClick={resetFilters}>
              Reset the filters
            </button>
          )
        }
      >
        <p>{isDefault ? 'Choose earlier dates in the filter bar above.' : 'Widen the dates or remove a filter in the bar above.'}</p>
      </StatePanel>
    );
  } else {
    body = (
      <>
        <ReimbursementTiles totals={data.totals} query={headline} />
        <MoneyTrendCard points={data.money} range={data.range} grain={data.grain} query={{ ...headline, measures: ['charges', 'allowed', 'paid'] }} />
        <div className="reimb-grid">
          <PayerMixSection params={params} range={data.range} />
          <DenialTrendCard points={data.denials} range={data.range} grain={data.grain} query={{ ...headline, measures: ['denial_rate'] }} />
        </div>
        <DenialReasonsSection params={params} range={data.range} />
        <DepartmentSections params={params} range={data.range} drilled={drilled} hrefOf={drill.hrefOf} />
        <DrillSections params={params} range={data.range} drilled={drilled} hrefOf={drill.hrefOf} />
        <WhatIfCard params={params} range={data.range} />
        {data.suppressed > 0 ? (
          <p className="footnote">
            {data.suppressed} small {data.suppressed === 1 ? 'count is' : 'counts are'} hidden to protect patient privacy.
          </p>
        ) : null}
      </>
    );
  }

  return (
    <div className={isPlaceholderData ? 'reimb is-updating' : 'reimb'} aria-busy={isPlaceholderData || undefined}>
      <title>Reimbursement · Caseload</title>
      <ReimbursementHeading range={data.range} />
      <p className="visually-hidden" role="status">
        {isPlaceholderData ? 'Updating the figures…' : ''}
      </p>
      {body}
    </div>
  );
}
