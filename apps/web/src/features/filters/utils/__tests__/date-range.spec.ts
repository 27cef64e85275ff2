import { resolveDateRange } from '../date-range';
import { FISCAL_YEAR_START_MONTH } from '../fiscal-year';

describe('resolveDateRange', () => {
  it('starts the fiscal year in July, as the API does by default', () => {
    expect(FISCAL_YEAR_START_MONTH).toBe(7);
  });

  it('takes the 12 whole months before this one for the last 12 months', () => {
    expect(resolveDateRange({ preset: 'last_12_months' }, '2026-11-27')).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(resolveDateRange({ preset: 'last_12_months' }, '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('runs from 1 January to today for the year to date', () => {
    expect(resolveDateRange({ preset: 'year_to_date' }, '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-11-27' });
    expect(resolveDateRange({ preset: 'year_to_date' }, '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('runs from the start of the fiscal year to today', () => {
    expect(resolveDateRange({ preset: 'fiscal_year_to_date' }, '2026-11-27', 7)).toEqual({ from: '2026-07-01', to: '2026-11-27' });
    // Before July, the fiscal year began the calendar year before.
    expect(resolveDateRange({ preset: 'fiscal_year_to_date' }, '2026-03-15', 7)).toEqual({ from: '2025-07-01', to: '2026-03-15' });
    expect(resolveDateRange({ preset: 'fiscal_year_to_date' }, '2026-03-15', 1)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(resolveDateRange({ preset: 'fiscal_year_to_date' }, '2026-10-01', 10)).toEqual({ from: '2026-10-01', to: '2026-10-01' });
  });

  it('takes the whole fiscal year before the current one', () => {
    expect(resolveDateRange({ preset: 'previous_fiscal_year' }, '2026-11-27', 7)).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(resolveDateRange({ preset: 'previous_fiscal_year' }, '2026-06-30', 7)).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(resolveDateRange({ preset: 'previous_fiscal_year' }, '2024-02-29', 1)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('uses the configured fiscal year when none is given', () => {
    expect(resolveDateRange({ preset: 'previous_fiscal_year' }, '2026-11-27')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
  });

  it('keeps custom dates as they are', () => {
    expect(resolveDateRange({ preset: 'custom', from: '2024-02-29', to: '2024-03-01' }, '2026-11-27')).toEqual({ from: '2024-02-29', to: '2024-03-01' });
  });
});
