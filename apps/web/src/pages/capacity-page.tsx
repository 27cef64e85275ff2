import { lazy, Suspense } from 'react';
import { CapacitySkeleton } from '../features/capacity/components/capacity-skeleton';

// The charts bring Recharts: the page's code loads on demand, its skeleton (in the main
// bundle) holds the page's shape while the chunk arrives.
const CapacityView = lazy(() => import('../features/capacity/components/capacity-view').then((module) => ({ default: module.CapacityView })));

export function CapacityPage() {
  return (
    <Suspense fallback={<CapacitySkeleton />}>
      <CapacityView />
    </Suspense>
  );
}
