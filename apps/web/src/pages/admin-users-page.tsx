import { RequireAdmin } from '../features/admin/components/require-admin';
import { UsersAdmin } from '../features/admin/components/users-admin';

export function AdminUsersPage() {
  return (
    <RequireAdmin title="Users">
      <div className="admin-page">
        <title>Users · Caseload</title>
        <header className="page-header">
          <h1 className="page-title">Users</h1>
          <p className="page-subtitle muted">Who can sign in, with which role, and which departments they see.</p>
        </header>
        <UsersAdmin />
      </div>
    </RequireAdmin>
  );
}
