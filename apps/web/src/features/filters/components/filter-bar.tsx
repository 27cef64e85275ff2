import { useId } from 'react';
import { isGrain, isIsoDate } from '@caseload/domain';
import { MultiSelect } from '../../../ui/multi-select';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { useDepartmentOptions } from '../hooks/use-department-options';
import { isRangePreset, RANGE_PRESET_LABELS, RANGE_PRESETS } from '../utils/dashboard-filters';
import type { DashboardFilters, RangeFilter } from '../utils/dashboard-filters';
import { GRAIN_OPTIONS, PAYER_CATEGORY_OPTIONS, PLACE_OF_SERVICE_OPTIONS, SECTION_OPTIONS, withSelected } from '../utils/filter-options';

/** The global filters of the dashboard pages, kept in the address bar. */
export function FilterBar() {
  const { filters, range, isDefault, setFilters, resetFilters } = useDashboardFilters();
  const departments = useDepartmentOptions();
  const id = useId();
  const set = (changes: Partial<DashboardFilters>, replace = false) => setFilters((current) => ({ ...current, ...changes }), { replace });

  const choosePreset = (value: string) => {
    if (!isRangePreset(value)) return;
    // Custom starts from the dates on show, so the view does not change until a date does.
    const next: RangeFilter = value === 'custom' ? { preset: 'custom', from: range.from, to: range.to } : { preset: value };
    set({ range: next });
  };
  const setDate = (end: 'from' | 'to', value: string) => {
    if (!isIsoDate(value)) return; // a half-typed date waits until it is whole
    const dates = { from: range.from, to: range.to, [end]: value };
    if (dates.from > dates.to) return;
    set({ range: { preset: 'custom', ...dates } });
  };

  return (
    <div className="filter-bar" role="search" aria-label="Dashboard filters">
      <div className="filter-field">
        <label className="filter-label" htmlFor={`${id}-range`}>
          Dates
        </label>
        <select id={`${id}-range`} className="filter-control" value={filters.range.preset} onChange={(event) => choosePreset(event.target.value)}>
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_PRESET_LABELS[preset]}
            </option>
          ))}
        </select>
      </div>
      {filters.range.preset === 'custom' ? (
        <>
          <div className="filter-field">
            <label className="filter-label" htmlFor={`${id}-from`}>
              From
            </label>
            <input
              id={`${id}-from`}
              className="filter-control filter-date"
              type="date"
              value={range.from}
              max={range.to}
              required
              onChange={(event) => setDate('from', event.target.value)}
            />
          </div>
          <div className="filter-field">
            <label className="filter-label" htmlFor={`${id}-to`}>
              To
            </label>
            <input
              id={`${id}-to`}
              className="filter-control filter-date"
              type="date"
              value={range.to}
              min={range.from}
              required
              onChange={(event) => setDate('to', event.target.value)}
            />
          </div>
        </>
      ) : null}
      <div className="filter-field">
        <label className="filter-label" htmlFor={`${id}-grain`}>
          By
        </label>
        <select
          id={`${id}-grain`}
          className="filter-control"
          value={filters.grain}
          onChange={(event) => {
            if (isGrain(event.target.value)) set({ grain: event.target.value });
          }}
        >
          {GRAIN_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <MultiSelect
        label="Departments"
        options={withSelected(departments.data?.options ?? [], filters.departments)}
        selected={filters.departments}
        loading={departments.isPending}
        onChange={(next, { continued }) => set({ departments: next }, continued)}
      />
      <MultiSelect
        label="Sections"
        options={SECTION_OPTIONS}
        selected={filters.sections}
        onChange={(next, { continued }) => set({ sections: next }, continued)}
      />
      <MultiSelect
        label="Payers"
        options={PAYER_CATEGORY_OPTIONS}
        selected={filters.payerCategories}
        onChange={(next, { continued }) => set({ payerCategories: next }, continued)}
      />
      <MultiSelect
        label="Places of service"
        options={withSelected(PLACE_OF_SERVICE_OPTIONS, filters.placesOfService)}
        selected={filters.placesOfService}
        onChange={(next, { continued }) => set({ placesOfService: next }, continued)}
      />
      <button type="button" className="button button-quiet filter-reset" onClick={resetFilters} disabled={isDefault}>
        Reset
      </button>
    </div>
  );
}
