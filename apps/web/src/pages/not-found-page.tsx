import { Link } from 'react-router';
import { StatePanel } from '../ui/state-panel';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Caseload</title>
      <header className="page-header">
        <h1 className="page-title">Page not found</h1>
      </header>
      <StatePanel title="There is no page at this address.">
        <p>
          Go to the <Link to="/">Overview</Link>, or pick a page on the left.
        </p>
      </StatePanel>
    </>
  );
}
