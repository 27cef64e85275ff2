import { Link } from 'react-router';
import { StatePanel } from '../../../ui/state-panel';
import { useDashboardFilters } from '../../filters/hooks/use-dashboard-filters';
import { useDepartmentOptions } from '../../filters/hooks/use-department-options';
import { aggregateParams } from '../../filters/utils/aggregate-params';
import { useVolumeDrill } from '../hooks/use-volume-drill';
import { useVolumeTrend } from '../hooks/use-volume-data';
import { drillLevel, drillScope, scopeName, TOP_LEVEL } from '../utils/volume-drill';
import { trendQuery } from '../utils/volume-queries';
import { VolumeBreadcrumb } from './volume-breadcrumb';
import { VolumeHeading } from './volume-heading';
import { trendTitle } from './volume-layout';
import { DepartmentLinesSection, HeatMapSection, SectionsSection, TopCodesSection } from './volume-sections';
import { VolumeSkeleton } from './volume-skeleton';
import { VolumeTrendCard } from './volume-trend-card';

/**
 * The Volume page: lines over time against a year earlier, by section, by department, and
 * the top codes, drilled from all sections to one section to one code. Every query follows
 * the filter bar and the drill in the address. Loaded lazily (with Recharts).
 */
export function VolumeView() {
  const { filters, today, isDefault, resetFilters } = useDashboardFilters();
  const { drill, hrefOf } = useVolumeDrill();
  const scoped = drillScope(drill, aggregateParams(filters, today));
  const { data, error, isPending, isPlaceholderData, refetch, isFetching } = useVolumeTrend(scoped.params);
  const departments = useDepartmentOptions();
  const level = drillLevel(drill);
  const scope = scopeName(drill);
  const breadcrumb = <VolumeBreadcrumb drill={drill} hrefOf={hrefOf} />;

  if (isPending) return <VolumeSkeleton drill={drill} grain={filters.grain} hrefOf={hrefOf} />;

  if (!data) {
    return (
      <div className="volume">
        <title>Volume · Caseload</title>
        <VolumeHeading range="" />
        {breadcrumb}
        <StatePanel
          title="The volume figures could not be loaded"
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

  const upAction =
    level === 'all' ? null : (
      <Link className="button button-quiet" to={hrefOf(TOP_LEVEL)}>
        Back to all sections
      </Link>
    );
  const resetAction = isDefault ? null : (
    <button type="button" className="button button-primary" onClick={resetFilters}>
      Reset the filters
    </button>
  );
  const isEmpty = data.total === 0;
  const shared = { params: scoped.params, range: data.range, grain: data.grain };

  let body;
  if (scoped.outsideFilters) {
    body = (
      <StatePanel title={`${scope} is not among the sections chosen in the filter bar`} action={<span className="volume-actions">{upAction}{resetAction}</span>}>
        <p>Go back to all sections, or reset the filters to see it.</p>
      </StatePanel>
    );
  } else if (isEmpty && departments.data?.hasLines === false) {
    body = (
      <StatePanel title="No procedure lines yet">
        <p>
          Import a CSV file of procedure lines on the <Link to="/data">Data page</Link>, or load demo data with <code>npm run seed:demo</code>.
        </p>
      </StatePanel>
    );
  } else if (isEmpty) {
    body = (
      <StatePanel
        title={level === 'all' ? (isDefault ? 'No procedure lines in the last 12 months' : 'No procedure lines match these filters') : `No procedure lines for ${scope} match these filters`}
        action={upAction || resetAction ? <span className="volume-actions">{upAction}{resetAction}</span> : null}
      >
        <p>{isDefault && level === 'all' ? 'Choose earlier dates in the filter bar above.' : 'Widen the dates or remove a filter in the bar above.'}</p>
      </StatePanel>
    );
  } else {
    body = (
      <>
        <VolumeTrendCard title={trendTitle(drill, data.grain)} query={trendQuery(scoped.params)} points={data.points} scope={scope} range={data.range} compareRange={data.compareRange} grain={data.grain} />
        {level === 'all' ? <SectionsSection {...shared} hrefOf={hrefOf} /> : null}
        {drill.code !== null ? <DepartmentLinesSection {...shared} code={drill.code} /> : null}
        {level !== 'code' ? <TopCodesSection {...shared} hrefOf={hrefOf} drill={drill} /> : null}
        <HeatMapSection {...shared} scope={scope} />
        {data.suppressed > 0 ? (
          <p className="footnote">
            {data.suppressed} small {data.suppressed === 1 ? 'count is' : 'counts are'} hidden to protect patient privacy.
          </p>
        ) : null}
      </>
    );
  }

  return (
    <div className={isPlaceholderData ? 'volume is-updating' : 'volume'} aria-busy={isPlaceholderData || undefined}>
      <title>{level === 'all' ? 'Volume · Caseload' : `${scope} · Volume · Caseload`}</title>
      <VolumeHeading
        range={
          <>
            {data.range} <span className="muted">· compared with {data.compareRange}</span>
          </>
        }
      />
      {breadcrumb}
      <p className="visually-hidden" role="status">
        {isPlaceholderData ? 'Updating the figures…' : ''}
      </p>
      {body}
    </div>
  );
}
