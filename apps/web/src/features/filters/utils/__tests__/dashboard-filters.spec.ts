import {
  DEFAULT_DASHBOARD_FILTERS,
  dashboardFiltersToSearch,
  filterSearchOf,
  isDefaultFilters,
  mergeFiltersIntoSearch,
  parseDashboardFilters,
} from '../dashboard-filters';
import type { DashboardFilters } from '../dashboard-filters';

const everything: DashboardFilters = {
  range: { preset: 'custom', from: '2025-01-01', to: '2025-06-30' },
  grain: 'week',
  departments: ['CARD', 'R&D'],
  sections: ['radiology', 'em'],
  payerCategories: ['medicare'],
  placesOfService: ['11', '22'],
};

describe('parseDashboardFilters', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parseDashboardFilters('')).toEqual(DEFAULT_DASHBOARD_FILTERS);
  });

  it('reads every filter, lists with commas, as the API names them', () => {
    expect(
      parseDashboardFilters('range=custom&from=2025-01-01&to=2025-06-30&grain=week&department=CARD,R%26D&section=radiology,em&payer_category=medicare&place_of_service=11,22'),
    ).toEqual(everything);
  });

  it('reads a preset', () => {
    expect(parseDashboardFilters('?range=fiscal_year_to_date').range).toEqual({ preset: 'fiscal_year_to_date' });
    expect(parseDashboardFilters('range=previous_fiscal_year').range).toEqual({ preset: 'previous_fiscal_year' });
  });

  it('takes dates without a preset as a custom range', () => {
    expect(parseDashboardFilters('from=2024-02-01&to=2024-02-29').range).toEqual({ preset: 'custom', from: '2024-02-01', to: '2024-02-29' });
  });

  it('drops what it cannot use to the defaults, without throwing', () => {
    const filters = parseDashboardFilters(
      'range=next_decade&grain=fortnight&department=,%00bad,' + 'X'.repeat(33) + ',ok&section=cardiology,surgery&payer_category=cash&place_of_service=00,7,123,23',
    );
    expect(filters).toEqual({ ...DEFAULT_DASHBOARD_FILTERS, departments: ['ok'], sections: ['surgery'], placesOfService: ['23'] });
  });

  it.each([
    ['a date that does not exist', 'range=custom&from=2025-02-30&to=2025-03-31'],
    ['a range that ends before it starts', 'range=custom&from=2025-03-01&to=2025-02-01'],
    ['a custom range without its end', 'range=custom&from=2025-03-01'],
    ['a date beyond what the API accepts', 'from=0999-01-01&to=2025-01-01'],
    ['a date in another shape', 'from=03/01/2025&to=2025-04-01'],
  ])('falls back to the last 12 months for %s', (_, search) => {
    expect(parseDashboardFilters(search).range).toEqual({ preset: 'last_12_months' });
  });

  it('removes repeated values and reads a parameter given twice', () => {
    expect(parseDashboardFilters('department=CARD,CARD&department=RAD').departments).toEqual(['CARD', 'RAD']);
  });
});

describe('dashboardFiltersToSearch', () => {
  it('writes nothing for the defaults', () => {
    expect(dashboardFiltersToSearch(DEFAULT_DASHBOARD_FILTERS)).toBe('');
    expect(isDefaultFilters(DEFAULT_DASHBOARD_FILTERS)).toBe(true);
  });

  it('writes only what differs, in a fixed order, with literal commas', () => {
    expect(dashboardFiltersToSearch(everything)).toBe(
      'range=custom&from=2025-01-01&to=2025-06-30&grain=week&department=CARD,R%26D&section=radiology,em&payer_category=medicare&place_of_service=11,22',
    );
    expect(dashboardFiltersToSearch({ ...DEFAULT_DASHBOARD_FILTERS, range: { preset: 'year_to_date' } })).toBe('range=year_to_date');
    expect(isDefaultFilters({ ...DEFAULT_DASHBOARD_FILTERS, grain: 'quarter' })).toBe(false);
  });

  it('reads back what it wrote', () => {
    expect(parseDashboardFilters(dashboardFiltersToSearch(everything))).toEqual(everything);
  });
});

describe('mergeFiltersIntoSearch', () => {
  it('replaces the filter keys and keeps the page’s own parameters', () => {
    const current = new URLSearchParams('tab=codes&range=year_to_date&department=RAD');
    expect(mergeFiltersIntoSearch(current, { ...DEFAULT_DASHBOARD_FILTERS, grain: 'quarter' })).toBe('grain=quarter&tab=codes');
  });
});

describe('filterSearchOf', () => {
  it('keeps only valid filters from a query string', () => {
    expect(filterSearchOf('?tab=codes&range=year_to_date&grain=nope')).toBe('range=year_to_date');
  });
});
