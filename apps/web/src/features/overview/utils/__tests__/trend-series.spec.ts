import { buildTrendSeries, hasPreviousValues } from '../trend-series';
import { threeMonths } from './overview-fixture';

describe('buildTrendSeries', () => {
  it('gives one point per month, oldest first, with last year beside it', () => {
    expect(buildTrendSeries(threeMonths.rows, 'lines')).toEqual([
      { period: '2025-01', label: 'Jan 2025', tick: 'Jan ’25', current: 100, previous: 90 },
      { period: '2025-02', label: 'Feb 2025', tick: 'Feb ’25', current: 110, previous: 110 },
      { period: '2025-03', label: 'Mar 2025', tick: 'Mar ’25', current: 120, previous: 100 },
    ]);
  });

  it('keeps null where a value is undefined or missing', () => {
    const series = buildTrendSeries([{ period: '2025-01', denial_rate: null }], 'denial_rate');
    expect(series).toEqual([{ period: '2025-01', label: 'Jan 2025', tick: 'Jan ’25', current: null, previous: null }]);
    expect(hasPreviousValues(series)).toBe(false);
  });

  it('skips rows without a period', () => {
    expect(buildTrendSeries([{ lines: 5 }], 'lines')).toEqual([]);
  });

  it('reads numeric strings as numbers', () => {
    expect(buildTrendSeries([{ period: '2025-01', charges: '15230.50', charges_compare: 'n/a' }], 'charges')[0]).toMatchObject({
      current: 15230.5,
      previous: null,
    });
  });
});
