import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatePanel } from '../../../ui/state-panel';
import { useSessionUser } from '../../auth/hooks/use-session-user';
import { isAdmin } from '../../auth/utils/session-user';

/** Renders an admin page for admins; anyone else who opens the address gets a plain refusal. */
export function RequireAdmin({ title, children }: { title: string; children: ReactNode }) {
  const user = useSessionUser();
  if (isAdmin(user)) return children;
  return (
    <>
      <title>{`${title} · Caseload`}</title>
      <header className="page-header">
        <h1 className="page-title">{title}</h1>
      </header>
      <StatePanel title="You do not have access to this page">
        <p>
          This page is for administrators. Go to the <Link to="/">Overview</Link>, or ask an administrator if you need
          access.
        </p>
      </StatePanel>
    </>
  );
}
