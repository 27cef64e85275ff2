import { lazy, Suspense } from 'react';
import { useDashboardFilters } from '../features/filters/hooks/use-dashboard-filters';
import { ReimbursementSkeleton } from '../features/reimbursement/components/reimbursement-skeleton';

// The charts bring Recharts: the page's code loads on demand, its skeleton (in the main
// bundle) holds the page's shape while the chunk arrives.
const ReimbursementView = lazy(() =>
  import('../features/reimbursement/components/reimbursement-view').then((module) => ({ default: module.ReimbursementView })),
);

export function ReimbursementPage() {
  const { filters } = useDashboardFilters();
  return (
    <Suspense fallback={<ReimbursementSkeleton grain={filters.grain} />}>
      <ReimbursementView />
    </Suspense>
  );
}
