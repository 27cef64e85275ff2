import type { PayerCategory, SectionId } from '@caseload/domain';
import { MultiSelect } from '../../../ui/multi-select';
import { useDashboardFilters } from '../../filters/hooks/use-dashboard-filters';
import { useDepartmentOptions } from '../../filters/hooks/use-department-options';
import type { DashboardFilters } from '../../filters/utils/dashboard-filters';
import { PAYER_CATEGORY_OPTIONS, PLACE_OF_SERVICE_OPTIONS, SECTION_OPTIONS, withSelected } from '../../filters/utils/filter-options';
import { FILTER_KEYS } from '../utils/report-query';
import type { FilterKey, ReportFilters } from '../utils/report-query';
import { filterInWords } from '../utils/report-words';

/** The dashboard filters (in the address, as on every dashboard page) as a report's filters. */
export function reportFiltersOf(filters: DashboardFilters): ReportFilters {
  return { department: filters.departments, section: filters.sections, payer_category: filters.payerCategories, place_of_service: filters.placesOfService };
}

/** The dashboard filters with a report's filters in place of the lists. */
export function withReportFilters(filters: DashboardFilters, report: ReportFilters): DashboardFilters {
  return {
    ...filters,
    departments: [...report.department],
    sections: report.section as SectionId[],
    payerCategories: report.payer_category as PayerCategory[],
    placesOfService: [...report.place_of_service],
  };
}

const CLEARED: Record<FilterKey, Partial<DashboardFilters>> = {
  department: { departments: [] },
  section: { sections: [] },
  payer_category: { payerCategories: [] },
  place_of_service: { placesOfService: [] },
};

/**
 * The filters of the report: the same controls and the same address as the dashboard's
 * filter bar, so a report starts from the view it came from. The ones that apply show as
 * chips, each with a button that removes it.
 */
export function ReportFilters({ titleId }: { titleId: string }) {
  const { filters, setFilters } = useDashboardFilters();
  const departments = useDepartmentOptions();
  const set = (changes: Partial<DashboardFilters>, replace = false) => setFilters((current) => ({ ...current, ...changes }), { replace });
  const applied = reportFiltersOf(filters);
  const chips = FILTER_KEYS.filter((key) => applied[key].length > 0);
  return (
    <fieldset className="reports-fieldset reports-filters" aria-describedby={`${titleId}-filters-note`}>
      <legend>Filters</legend>
      <div className="reports-filter-controls">
        <MultiSelect
          label="Departments"
          options={withSelected(departments.data?.options ?? [], filters.departments)}
          selected={filters.departments}
          loading={departments.isPending}
          onChange={(next, { continued }) => set({ departments: next }, continued)}
        />
        <MultiSelect label="Sections" options={SECTION_OPTIONS} selected={filters.sections} onChange={(next, { continued }) => set({ sections: next }, continued)} />
        <MultiSelect label="Payers" options={PAYER_CATEGORY_OPTIONS} selected={filters.payerCategories} onChange={(next, { continued }) => set({ payerCategories: next }, continued)} />
        <MultiSelect
          label="Places of service"
          options={withSelected(PLACE_OF_SERVICE_OPTIONS, filters.placesOfService)}
          selected={filters.placesOfService}
          onChange={(next, { continued }) => set({ placesOfService: next }, continued)}
        />
      </div>
      <div id={`${titleId}-filters-note`} className="reports-chips-row">
        {chips.length === 0 ? (
          <p className="muted reports-chips-empty">No filters apply: the report covers every department, section, payer and place of service you may see.</p>
        ) : (
          <>
            <span className="reports-chips-label">Applies:</span>
            <ul className="reports-chips" aria-label="Filters that apply">
              {chips.map((key) => (
                <li key={key} className="reports-chip">
                  <span>{filterInWords(key, applied[key])}</span>
                  <button type="button" className="reports-chip-remove" aria-label={`Remove the filter ${filterInWords(key, applied[key])}`} onClick={() => set(CLEARED[key])}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </fieldset>
  );
}
