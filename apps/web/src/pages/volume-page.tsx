import { lazy, Suspense } from 'react';
import { useDashboardFilters } from '../features/filters/hooks/use-dashboard-filters';
import { useVolumeDrill } from '../features/volume/hooks/use-volume-drill';
import { VolumeSkeleton } from '../features/volume/components/volume-skeleton';

// The charts bring Recharts: the page's code loads on demand, its skeleton (in the main
// bundle) holds the page's shape while the chunk arrives.
const VolumeView = lazy(() => import('../features/volume/components/volume-view').then((module) => ({ default: module.VolumeView })));

export function VolumePage() {
  const { filters } = useDashboardFilters();
  const { drill, hrefOf } = useVolumeDrill();
  return (
    <Suspense fallback={<VolumeSkeleton drill={drill} grain={filters.grain} hrefOf={hrefOf} />}>
      <VolumeView />
    </Suspense>
  );
}
