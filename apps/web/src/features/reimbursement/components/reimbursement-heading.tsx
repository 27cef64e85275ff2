import type { ReactNode } from 'react';

/** The page title and the date range the figures cover. */
export function ReimbursementHeading({ range }: { range: ReactNode }) {
  return (
    <header className="page-header">
      <h1 className="page-title">Reimbursement</h1>
      <p className="page-subtitle">{range}</p>
    </header>
  );
}
