import { ChartCardSkeleton, TableCardSkeleton } from '../../../ui/card-skeletons';
import { Skeleton } from '../../../ui/skeleton';
import { drillLevel } from '../utils/volume-drill';
import type { VolumeDrill } from '../utils/volume-drill';
import { VolumeBreadcrumb } from './volume-breadcrumb';
import { VolumeHeading } from './volume-heading';
import { departmentLinesTitle, heatMapTitle, PLACEHOLDER_ROWS, SECTIONS_TITLE, SECTIONS_HEIGHT, DEPARTMENT_LINES_HEIGHT, topCodesTitle, TREND_HEIGHT, trendTitle } from './volume-layout';

/** The Volume page's shape while its code or data loads: same boxes, same sizes. */
export function VolumeSkeleton({ drill, grain, hrefOf }: { drill: VolumeDrill; grain: string; hrefOf: (drill: VolumeDrill) => string }) {
  const level = drillLevel(drill);
  return (
    <div className="volume" aria-busy="true">
      <title>Volume · Caseload</title>
      <VolumeHeading range={<Skeleton width="22em" height={20} className="skeleton-text" />} />
      <VolumeBreadcrumb drill={drill} hrefOf={hrefOf} />
      <p className="visually-hidden" role="status">
        Loading the volume figures…
      </p>
      <ChartCardSkeleton title={trendTitle(drill, grain)} height={TREND_HEIGHT} />
      {level === 'all' ? <ChartCardSkeleton title={SECTIONS_TITLE} height={SECTIONS_HEIGHT} /> : null}
      {drill.code !== null ? <ChartCardSkeleton title={departmentLinesTitle(drill.code, grain)} height={DEPARTMENT_LINES_HEIGHT} /> : null}
      {level !== 'code' ? <TableCardSkeleton title={topCodesTitle(drill)} rows={PLACEHOLDER_ROWS} /> : null}
      <TableCardSkeleton title={heatMapTitle(grain)} rows={PLACEHOLDER_ROWS} />
    </div>
  );
}
