import { ReportsView } from '../features/reports/components/reports-view';

export function ReportsPage() {
  return <ReportsView />;
}
