import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
import { StatePanel } from '../../../ui/state-panel';
import { useDashboardFilters } from '../../filters/hooks/use-dashboard-filters';
import { useCapacityForecast, useCapacityNeeds, useCapacityUtilization, useResourceTypes } from '../hooks/use-capacity';
import { capacityFiltersNote, formatRate, horizonWords, monthRange } from '../utils/capacity-format';
import { bottlenecks, idleCapacity, nameOf, needsLines, resourceNames } from '../utils/capacity-needs';
import { DEFAULT_WHAT_IF, inventoryKey, lastWeeks, parseHorizon } from '../utils/capacity-queries';
import type { CapacityWhatIf } from '../utils/capacity-queries';
import { describeWhatIf } from '../utils/what-if-form';
import { AnswerCard } from './answer-card';
import { CapacityCardError } from './capacity-card-error';
import { CapacityHeading } from './capacity-heading';
import { FORECAST_HEIGHT, FORECAST_TITLE, HEAT_MAP_PLACEHOLDER_ROWS, HEAT_MAP_TITLE } from './capacity-layout';
import { CapacityModelEmpty } from './capacity-model-empty';
import { CapacitySkeleton } from './capacity-skeleton';
import { ForecastCard } from './forecast-card';
import { HeatMapCard } from './heat-map-card';
import { HorizonSelect } from './horizon-select';
import { NeedsCard } from './needs-card';
import { ResourceModelCard } from './resource-model-card';
import { BottlenecksCard, IdleCapacityCard } from './ranking-cards';
import { WhatIfPanel } from './what-if-panel';
import type { WhatIfResource } from './what-if-panel';

/**
 * The Capacity page: which resource runs above target in the coming months and how many
 * units or FTEs close the gap, with a what-if, the bottlenecks, the needs by month, the
 * volume forecast and past utilization. Follows the filter bar's departments (and its dates
 * for past utilization). Loaded lazily (with Recharts).
 */
export function CapacityView() {
  const { filters, range, isDefault, resetFilters } = useDashboardFilters();
  const departments = filters.departments;
  const [search, setSearch] = useSearchParams();
  const horizon = parseHorizon(search.get('horizon'));
  const setHorizon = (months: number) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('horizon', String(months));
        return next;
      },
      { replace: true },
    );
  const [whatIf, setWhatIf] = useState<CapacityWhatIf>(DEFAULT_WHAT_IF);

  const types = useResourceTypes();
  const base = useCapacityNeeds(departments, horizon, DEFAULT_WHAT_IF);
  const names = useMemo(() => resourceNames(types.data?.rows), [types.data]);
  const resources = useMemo<WhatIfResource[]>(
    () =>
      (base.data?.rows ?? []).map((row) => ({
        key: inventoryKey(row.department, row.resourceType),
        department: row.department,
        label: `${nameOf(names, row.resourceType)} in ${row.department}`,
        count: row.currentCount,
        kind: row.kind,
      })),
    [base.data, names],
  );
  // A change to a resource the filters no longer cover would be refused: it is left out. The
  // department check holds while the inventories of new filters are still on their way.
  const covered = new Set(
    resources.filter((resource) => departments.length === 0 || departments.includes(resource.department)).map((resource) => resource.key),
  );
  const effective: CapacityWhatIf = { ...whatIf, add: Object.fromEntries(Object.entries(whatIf.add).filter(([key]) => covered.has(key))) };
  const scenario = useCapacityNeeds(departments, horizon, effective);
  const forecast = useCapacityForecast(departments, filters.sections, horizon);
  const weeks = lastWeeks(range.from, range.to);
  const utilization = useCapacityUtilization(weeks.from, weeks.to, departments);

  if (types.isPending || base.isPending) return <CapacitySkeleton />;

  const heading = (subtitle: string) => <CapacityHeading subtitle={subtitle} controls={<HorizonSelect value={horizon} onChange={setHorizon} />} />;

  if (!base.data || !types.data) {
    const error = base.error ?? types.error;
    const retrying = base.isFetching || types.isFetching;
    return (
      <div className="capacity">
        <title>Capacity · Caseload</title>
        {heading('')}
        <StatePanel
          title="The capacity figures could not be loaded"
          tone="error"
          live
          action={
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                void base.refetch();
                void types.refetch();
              }}
              disabled={retrying}
            >
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          }
        >
          <p>{error?.message ?? 'The server did not answer.'}</p>
        </StatePanel>
      </div>
    );
  }

  const filtersNote = capacityFiltersNote(filters);
  const meta = base.data.meta;
  const when = `${horizonWords(meta.horizon)} (${monthRange(meta.forecastFrom, meta.forecastTo)})`;
  const subtitle = `Forecast for ${monthRange(meta.forecastFrom, meta.forecastTo)}, from the history to ${monthRange(meta.historyTo, meta.historyTo)}`;

  let body;
  if (types.data.rows.length === 0) {
    body = (
      <>
        <CapacityModelEmpty />
        <ResourceModelCard />
      </>
    );
  } else if (base.data.rows.length === 0) {
    body = (
      <>
        <StatePanel
        title={isDefault ? 'No department has an inventory yet' : 'No inventories in these departments'}
        action={
          isDefault ? null : (
            <button type="button" className="button button-primary" onClick={resetFilters}>
              Reset the filters
            </button>
          )
        }
      >
        <p>
          {isDefault
            ? 'Needs are worked out from what each department has of each resource. An administrator loads the inventories under Resource model below.'
            : 'Choose other departments in the filter bar above, or reset the filters.'}
          </p>
        </StatePanel>
        <ResourceModelCard />
      </>
    );
  } else {
    const answer = scenario.data;
    const updating = scenario.isPlaceholderData;
    const target = formatRate(answer?.meta.targetUtilization ?? DEFAULT_WHAT_IF.target);
    const scenarioWords = describeWhatIf(effective, DEFAULT_WHAT_IF.target, (key) => resources.find((item) => item.key === key)?.label ?? key);
    const top = answer?.rows.find((row) => row.aboveTarget) ?? answer?.rows[0];
    const initialResource = base.data.rows.find((row) => row.aboveTarget) ?? base.data.rows[0];
    body = (
      <>
        {answer ? (
          <AnswerCard answer={answer} names={names} scenario={scenarioWords} updating={updating} />
        ) : (
          <CapacityCardError title="The what-if could not be worked out" message={scenario.error?.message} retrying={scenario.isFetching} onRetry={() => void scenario.refetch()} />
        )}
        <WhatIfPanel
          resources={resources}
          initialResource={initialResource ? inventoryKey(initialResource.department, initialResource.resourceType) : null}
          defaultTarget={DEFAULT_WHAT_IF.target}
          onApply={setWhatIf}
          busy={scenario.isFetching}
        />
        {answer ? <NeedsCard lines={needsLines(answer, names)} when={when} target={target} level={answer.meta.level} updating={updating} /> : null}
        {answer ? (
          <div className="capacity-grid">
            <BottlenecksCard items={bottlenecks(answer, names)} when={when} target={target} updating={updating} />
            <IdleCapacityCard items={idleCapacity(answer, names)} when={when} target={target} updating={updating} />
          </div>
        ) : null}
        {forecast.isPending ? (
          <ChartCardSkeleton title={FORECAST_TITLE} height={FORECAST_HEIGHT} />
        ) : !forecast.data ? (
          <CapacityCardError title={FORECAST_TITLE} message={forecast.error?.message} retrying={forecast.isFetching} onRetry={() => void forecast.refetch()} />
        ) : (
          <div className={forecast.isPlaceholderData ? 'is-updating' : undefined}>
            <ForecastCard answer={forecast.data} preferredDepartment={top?.department ?? null} />
          </div>
        )}
        {utilization.isPending ? (
          <TableCardSkeleton title={HEAT_MAP_TITLE} rows={HEAT_MAP_PLACEHOLDER_ROWS} />
        ) : !utilization.data ? (
          <CapacityCardError title={HEAT_MAP_TITLE} message={utilization.error?.message} retrying={utilization.isFetching} onRetry={() => void utilization.refetch()} />
        ) : (
          <HeatMapCard answer={utilization.data} names={names} updating={utilization.isPlaceholderData} />
        )}
        <ResourceModelCard />
      </>
    );
  }

  return (
    <div className={base.isPlaceholderData ? 'capacity is-updating' : 'capacity'} aria-busy={base.isPlaceholderData || undefined}>
      <title>Capacity · Caseload</title>
      {heading(subtitle)}
      {filtersNote ? <p className="card-note capacity-filters-note">{filtersNote}</p> : null}
      <p className="visually-hidden" role="status">
        {base.isPlaceholderData ? 'Updating the figures…' : ''}
      </p>
      {body}
    </div>
  );
}
