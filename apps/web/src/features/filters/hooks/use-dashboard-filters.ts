import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { DEFAULT_DASHBOARD_FILTERS, isDefaultFilters, mergeFiltersIntoSearch, parseDashboardFilters } from '../utils/dashboard-filters';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { resolveDateRange } from '../utils/date-range';
import type { DateRange } from '../utils/date-range';
import { localToday } from '../utils/today';

export interface UpdateOptions {
  /**
   * Replace the current history entry instead of adding one: for follow-up changes of the
   * same edit (ticking a second box in an open list), so Back returns to the view before it.
   */
  replace?: boolean;
}

export interface DashboardFiltersState {
  /** The filters in the address bar (invalid values already dropped to their defaults). */
  filters: DashboardFilters;
  /** The concrete dates the date filter covers today. */
  range: DateRange;
  /** The viewer's calendar date the presets were worked out from. */
  today: string;
  isDefault: boolean;
  /** Sets the filters; a new history entry unless `replace`. Other query parameters are kept. */
  setFilters: (next: DashboardFilters | ((current: DashboardFilters) => DashboardFilters), options?: UpdateOptions) => void;
  /** Back to the defaults (a new history entry). */
  resetFilters: () => void;
}

/**
 * The dashboard filters, read from and written to the URL query string, so that a reload or
 * a pasted link shows the same view and Back/Forward step through the changes. Use it in any
 * page or component under the router; pass `filters` to `aggregateParams` for each query:
 *
 * ```tsx
 * const { filters } = useDashboardFilters();
 * const query = { measures: ['lines'], groupBy: ['period'], ...aggregateParams(filters) };
 * ```
 */
export function useDashboardFilters(): DashboardFiltersState {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const filters = useMemo(() => parseDashboardFilters(search), [search]);
  const today = localToday();
  const range = useMemo(() => resolveDateRange(filters.range, today), [filters.range, today]);

  // Two changes before the next render (a quick second click) must build on each other.
  const latest = useRef({ pathname, search });
  latest.current = { pathname, search };

  const setFilters = useCallback<DashboardFiltersState['setFilters']>(
    (next, options = {}) => {
      const current = new URLSearchParams(latest.current.search);
      const value = typeof next === 'function' ? next(parseDashboardFilters(current)) : next;
      // Written by hand rather than through URLSearchParams, which would escape the commas
      // of the lists: the address stays as readable as the API's own parameters.
      const query = mergeFiltersIntoSearch(current, value);
      latest.current = { ...latest.current, search: query === '' ? '' : `?${query}` };
      navigate({ pathname: latest.current.pathname, search: latest.current.search }, { replace: options.replace ?? false });
    },
    [navigate],
  );
  const resetFilters = useCallback(() => setFilters(DEFAULT_DASHBOARD_FILTERS), [setFilters]);

  return { filters, range, today, isDefault: isDefaultFilters(filters), setFilters, resetFilters };
}
