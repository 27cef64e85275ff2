import { useSearchParams } from 'react-router';
import { AuditFiltersForm } from '../features/admin/components/audit-filters-form';
import { AuditLog } from '../features/admin/components/audit-log';
import { RequireAdmin } from '../features/admin/components/require-admin';
import { auditFiltersToSearch, NO_AUDIT_FILTERS, parseAuditFilters, type AuditFilters } from '../features/admin/utils/audit-filters';

export function AdminAuditPage() {
  return (
    <RequireAdmin title="Audit log">
      <AuditPageContent />
    </RequireAdmin>
  );
}

// The filters live in the query string, so a reload, the back button or a shared link keeps them.
function AuditPageContent() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseAuditFilters(searchParams);
  const search = auditFiltersToSearch(filters);
  const apply = (next: AuditFilters) => setSearchParams(new URLSearchParams(auditFiltersToSearch(next)));

  return (
    <div className="admin-page">
      <title>Audit log · Caseload</title>
      <header className="page-header">
        <h1 className="page-title">Audit log</h1>
        <p className="page-subtitle muted">Sign-ins, imports, exports and changes to users, newest first.</p>
      </header>
      <AuditFiltersForm key={search} filters={filters} onApply={apply} />
      <AuditLog filters={filters} onClearFilters={() => apply(NO_AUDIT_FILTERS)} />
    </div>
  );
}
