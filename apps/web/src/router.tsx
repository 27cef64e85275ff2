import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './features/auth/components/require-auth';
import { OverviewSkeleton } from './features/overview/components/overview-skeleton';
import { AppLayout } from './features/shell/components/app-layout';
import { CapacityPage } from './pages/capacity-page';
import { DataPage } from './pages/data-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { ReimbursementPage } from './pages/reimbursement-page';
import { ReportsPage } from './pages/reports-page';
import { VolumePage } from './pages/volume-page';

// The Overview brings Recharts; loading it on demand keeps the first load small. Its
// skeleton is in the main bundle, so the page holds its shape while the chunk arrives.
const OverviewPage = lazy(() => import('./pages/overview-page').then((module) => ({ default: module.OverviewPage })));
// The admin pages are for a few users only: their code loads when one of them opens them.
const AdminUsersPage = lazy(() => import('./pages/admin-users-page').then((module) => ({ default: module.AdminUsersPage })));
const AdminAuditPage = lazy(() => import('./pages/admin-audit-page').then((module) => ({ default: module.AdminAuditPage })));

// Declarative routes: server state lives in the query cache, so the data router's
// loaders are not needed, and leaving it out keeps about 16 kB (gzip) off the first load.
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route
          index
          element={
            <Suspense fallback={<OverviewSkeleton />}>
              <OverviewPage />
            </Suspense>
          }
        />
        <Route path="volume" element={<VolumePage />} />
        <Route path="reimbursement" element={<ReimbursementPage />} />
        <Route path="capacity" element={<CapacityPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="data" element={<DataPage />} />
        <Route path="admin/users" element={<AdminUsersPage />} />
        <Route path="admin/audit" element={<AdminAuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
