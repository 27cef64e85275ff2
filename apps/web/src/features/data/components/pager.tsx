import type { RejectionPage } from '../utils/rejection-rows';

interface PagerProps {
  slice: RejectionPage;
  onPage: (page: number) => void;
  busy: boolean;
}

/** Previous / next through the rejected rows; the page lives in the address, so a reload keeps it. */
export function Pager({ slice, onPage, busy }: PagerProps) {
  if (slice.pageCount <= 1) return null;
  return (
    <nav className="data-pager" aria-label="Pages of rejected rows">
      <button type="button" className="button button-quiet button-small" disabled={!slice.hasPrevious || busy} onClick={() => onPage(slice.page - 1)}>
        Previous page
      </button>
      <p className="data-pager-position" aria-live="polite">
        Page {slice.page} of {slice.pageCount}
      </p>
      <button type="button" className="button button-quiet button-small" disabled={!slice.hasNext || busy} onClick={() => onPage(slice.page + 1)}>
        Next page
      </button>
    </nav>
  );
}
