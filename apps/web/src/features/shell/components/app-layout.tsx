import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../../ui/error-boundary';
import { FilterBar } from '../../filters/components/filter-bar';
import { isDashboardPath } from '../../filters/utils/dashboard-paths';
import { AppHeader } from './app-header';
import { SideNav } from './side-nav';

/** Header, navigation, the filter bar of the dashboard pages, and the routed page. */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // After a client-side navigation, move focus to the new page so screen readers and
  // keyboard users start there (a full page load does this by itself).
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <SideNav />
      {isDashboardPath(pathname) ? (
        <div className="app-filters">
          <FilterBar />
        </div>
      ) : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <ErrorBoundary key={pathname}>
          <Suspense fallback={null}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
