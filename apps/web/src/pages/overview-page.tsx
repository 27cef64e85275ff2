import { Link } from 'react-router';
import { useDashboardFilters } from '../features/filters/hooks/use-dashboard-filters';
import { useDepartmentOptions } from '../features/filters/hooks/use-department-options';
import { aggregateParams } from '../features/filters/utils/aggregate-params';
import { RANGE_PRESET_LABELS } from '../features/filters/utils/dashboard-filters';
import { KpiSection } from '../features/overview/components/kpi-section';
import { LinesTrendCard } from '../features/overview/components/lines-trend-card';
import { MoversSection } from '../features/overview/components/movers-section';
import { OverviewHeading } from '../features/overview/components/overview-heading';
import { linesChartTitle } from '../features/overview/components/overview-layout';
import { OverviewSkeleton } from '../features/overview/components/overview-skeleton';
import { useOverview } from '../features/overview/hooks/use-overview';
import { StatePanel } from '../ui/state-panel';

// Loaded lazily (with Recharts) from the router. Every query follows the filter bar.
export function OverviewPage() {
  const { filters, today, isDefault, resetFilters } = useDashboardFilters();
  const params = aggregateParams(filters, today);
  const { data, error, isPending, isPlaceholderData, refetch, isFetching } = useOverview(params);
  const departments = useDepartmentOptions();

  if (isPending) return <OverviewSkeleton chartTitle={linesChartTitle(filters.grain)} />;

  // A failed background refresh keeps showing the figures already loaded.
  if (!data) {
    return (
      <div className="overview">
        <title>Overview · Caseload</title>
        <OverviewHeading range={RANGE_PRESET_LABELS[filters.range.preset]} />
        <StatePanel
          title="The overview could not be loaded"
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

  const range = (
    <>
      {data.range} <span className="muted">· compared with {data.compareRange}</span>
    </>
  );

  return (
    <div className={isPlaceholderData ? 'overview is-updating' : 'overview'} aria-busy={isPlaceholderData || undefined}>
      <title>Overview · Caseload</title>
      <OverviewHeading range={range} />
      <p className="visually-hidden" role="status">
        {isPlaceholderData ? 'Updating the figures…' : ''}
      </p>
      {data.isEmpty && departments.data?.hasLines === false ? (
        <StatePanel title="No procedure lines yet">
          <p>
            Import a CSV file of procedure lines on the <Link to="/data">Data page</Link>, or load demo data with{' '}
            <code>npm run seed:demo</code>.
          </p>
        </StatePanel>
      ) : data.isEmpty ? (
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
      ) : (
        <>
          <KpiSection tiles={data.tiles} periods={data.periods} range={data.range} grain={data.grain} />
          <LinesTrendCard series={data.lines} range={data.range} grain={data.grain} />
          <div className="movers-grid">
            <MoversSection dimension="department" params={params} range={data.range} />
            <MoversSection dimension="code" params={params} range={data.range} />
          </div>
          {data.suppressed > 0 ? (
            <p className="footnote">
              {data.suppressed} small {data.suppressed === 1 ? 'count is' : 'counts are'} hidden to protect patient privacy.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
