import { Link } from 'react-router';
import { KpiSection } from '../features/overview/components/kpi-section';
import { LinesTrendCard } from '../features/overview/components/lines-trend-card';
import { OverviewHeading } from '../features/overview/components/overview-heading';
import { OverviewSkeleton } from '../features/overview/components/overview-skeleton';
import { useOverview } from '../features/overview/hooks/use-overview';
import { StatePanel } from '../ui/state-panel';

// Loaded lazily (with Recharts) from the router.
export function OverviewPage() {
  const { data, error, isPending, refetch, isFetching } = useOverview();

  if (isPending) return <OverviewSkeleton />;

  // A failed background refresh keeps showing the figures already loaded.
  if (!data) {
    return (
      <div className="overview">
        <title>Overview · Caseload</title>
        <OverviewHeading range="Last 12 months" />
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
    <div className="overview">
      <title>Overview · Caseload</title>
      <OverviewHeading range={range} />
      {data.isEmpty ? (
        <StatePanel title="No procedure lines yet.">
          <p>
            Import a CSV on the <Link to="/data">Data page</Link>, or run <code>npm run seed:demo</code>.
          </p>
        </StatePanel>
      ) : (
        <>
          <KpiSection tiles={data.tiles} periods={data.periods} range={data.range} />
          <LinesTrendCard series={data.lines} range={data.range} />
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
