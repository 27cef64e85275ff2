import type { SectionId } from '@caseload/domain';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useDepartmentGrid, useSectionStack, useTopCodes } from '../hooks/use-volume-data';
import { departmentsQuery, sectionsQuery, topCodesQuery } from '../utils/volume-queries';
import type { ScopedParams, VolumeDrill } from '../utils/volume-drill';
import { CardError } from '../../../ui/card-error';
import { DepartmentHeatMapCard } from './department-heat-map-card';
import { DepartmentLinesCard } from './department-lines-card';
import { SectionsCard } from './sections-card';
import { TopCodesCard } from './top-codes-card';
import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
import { DEPARTMENT_LINES_HEIGHT, departmentLinesTitle, heatMapTitle, PLACEHOLDER_ROWS, SECTIONS_HEIGHT, SECTIONS_TITLE, topCodesTitle } from './volume-layout';

// Each card loads on its own, with its own placeholder and error, so a slow query holds up
// nothing else on the page.

interface Shared {
  params: ScopedParams;
  range: string;
  grain: string;
  hrefOf: (drill: VolumeDrill) => string;
}

function FailedCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card chart-card" aria-label={title}>
      <header className="card-header">
        <h2 className="card-title">{title}</h2>
      </header>
      {children}
    </section>
  );
}

export function SectionsSection({ params, range, grain, hrefOf }: Shared) {
  const { data, error, isPending, isPlaceholderData, isFetching, refetch } = useSectionStack(params);
  const navigate = useNavigate();
  if (isPending) return <ChartCardSkeleton title={SECTIONS_TITLE} height={SECTIONS_HEIGHT} />;
  if (!data) {
    return (
      <FailedCard title={SECTIONS_TITLE}>
        <CardError message={error?.message} retrying={isFetching} onRetry={() => void refetch()} height={SECTIONS_HEIGHT} />
      </FailedCard>
    );
  }
  return (
    <div className={isPlaceholderData ? 'is-updating' : undefined}>
      <SectionsCard stack={data} query={sectionsQuery(params)} range={range} grain={grain} hrefOf={hrefOf} onSelect={(section: SectionId) => void navigate(hrefOf({ section, code: null }))} />
    </div>
  );
}

export function HeatMapSection({ params, range, grain, scope }: Omit<Shared, 'hrefOf'> & { scope: string }) {
  const { data, error, isPending, isPlaceholderData, isFetching, refetch } = useDepartmentGrid(params);
  const title = heatMapTitle(grain);
  if (isPending) return <TableCardSkeleton title={title} rows={PLACEHOLDER_ROWS} />;
  if (!data) {
    return (
      <FailedCard title={title}>
        <CardError message={error?.message} retrying={isFetching} onRetry={() => void refetch()} height={200} />
      </FailedCard>
    );
  }
  return <DepartmentHeatMapCard title={title} query={departmentsQuery(params)} grid={data} scope={scope} range={range} grain={grain} updating={isPlaceholderData} />;
}

export function DepartmentLinesSection({ params, range, grain, code }: Omit<Shared, 'hrefOf'> & { code: string }) {
  // The same query as the heat-map below: one request serves both.
  const { data, error, isPending, isPlaceholderData, isFetching, refetch } = useDepartmentGrid(params);
  const title = departmentLinesTitle(code, grain);
  if (isPending) return <ChartCardSkeleton title={title} height={DEPARTMENT_LINES_HEIGHT} />;
  if (!data) {
    return (
      <FailedCard title={title}>
        <CardError message={error?.message} retrying={isFetching} onRetry={() => void refetch()} height={DEPARTMENT_LINES_HEIGHT} />
      </FailedCard>
    );
  }
  return (
    <div className={isPlaceholderData ? 'is-updating' : undefined}>
      <DepartmentLinesCard title={title} query={departmentsQuery(params)} code={code} grid={data} range={range} grain={grain} />
    </div>
  );
}

export function TopCodesSection({ params, range, grain, hrefOf, drill }: Shared & { drill: VolumeDrill }) {
  const { data, periods, error, isPending, isPlaceholderData, isFetching, refetch } = useTopCodes(params);
  const title = topCodesTitle(drill);
  if (isPending) return <TableCardSkeleton title={title} rows={PLACEHOLDER_ROWS} />;
  if (!data) {
    return (
      <FailedCard title={title}>
        <CardError message={error?.message} retrying={isFetching} onRetry={() => void refetch()} height={200} />
      </FailedCard>
    );
  }
  return <TopCodesCard title={title} query={topCodesQuery(params)} codes={data} periods={periods} range={range} grain={grain} hrefOf={hrefOf} drill={drill} updating={isPlaceholderData} />;
}
