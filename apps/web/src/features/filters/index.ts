// The dashboard filters: the filter bar, the filters in the URL, and the query parameters
// they give every chart. A page uses `useDashboardFilters()` and `aggregateParams(filters)`.
export { FilterBar } from './components/filter-bar';
export { useDashboardFilters } from './hooks/use-dashboard-filters';
export type { DashboardFiltersState, UpdateOptions } from './hooks/use-dashboard-filters';
export { useDepartmentOptions } from './hooks/use-department-options';
export { aggregateParams } from './utils/aggregate-params';
export type { AggregateFilterParams } from './utils/aggregate-params';
export { DASHBOARD_PATHS, isDashboardPath } from './utils/dashboard-paths';
export {
  DEFAULT_DASHBOARD_FILTERS,
  RANGE_PRESET_LABELS,
  RANGE_PRESETS,
  dashboardFiltersToSearch,
  filterSearchOf,
  parseDashboardFilters,
} from './utils/dashboard-filters';
export type { DashboardFilters, RangeFilter, RangePreset } from './utils/dashboard-filters';
export { resolveDateRange } from './utils/date-range';
export type { DateRange } from './utils/date-range';
export { FISCAL_YEAR_START_MONTH } from './utils/fiscal-year';
