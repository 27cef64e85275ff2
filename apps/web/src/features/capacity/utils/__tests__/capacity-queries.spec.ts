import { capacityFiltersNote } from '../capacity-format';
import { DEFAULT_WHAT_IF, forecastUrl, lastWeeks, needsUrl, parseHorizon, utilizationUrl } from '../capacity-queries';

describe('capacity queries', () => {
  it('asks for the needs with only the what-ifs that change something', () => {
    expect(needsUrl([], 3, DEFAULT_WHAT_IF)).toBe('/api/v1/capacity/needs?horizon=3');
    expect(needsUrl(['RAD', 'CARD'], 6, { growthPercent: 10, extraHours: 2, target: 0.85, add: { 'RAD/mri_scanner': 1, 'ED/physician': -0.5, 'RAD/ct_scanner': 0 } })).toBe(
      '/api/v1/capacity/needs?horizon=6&department=RAD,CARD&target=0.85&growth=10&extraHours=2&add=ED/physician:-0.5,RAD/mri_scanner:1',
    );
  });

  it('asks for weekly utilization and section forecasts in the departments', () => {
    expect(utilizationUrl('2026-06-01', '2026-11-30', ['RAD'])).toBe('/api/v1/capacity/utilization?from=2026-06-01&to=2026-11-30&grain=week&department=RAD');
    expect(forecastUrl([], [], 12)).toBe('/api/v1/capacity/forecast?horizon=12&topCodes=0');
    expect(forecastUrl(['RAD'], ['radiology'], 3)).toBe('/api/v1/capacity/forecast?horizon=3&topCodes=0&department=RAD&section=radiology');
  });

  it('reads the horizon from the address, else the next quarter', () => {
    expect([parseHorizon('1'), parseHorizon('18'), parseHorizon('19'), parseHorizon('0'), parseHorizon('x'), parseHorizon(null)]).toEqual([1, 18, 3, 3, 3, 3]);
  });

  it('takes the last whole weeks of a range, cut to the range', () => {
    // 2026-11-30 is a Monday: its week and the 2 before start on 2026-11-16.
    expect(lastWeeks('2025-12-01', '2026-11-30', 3)).toEqual({ from: '2026-11-16', to: '2026-11-30' });
    // 2026-11-29 is a Sunday: its week starts on 2026-11-23, two weeks earlier 2026-11-09.
    expect(lastWeeks('2025-12-01', '2026-11-29', 3)).toEqual({ from: '2026-11-09', to: '2026-11-29' });
    expect(lastWeeks('2026-11-20', '2026-11-29', 3)).toEqual({ from: '2026-11-20', to: '2026-11-29' });
  });
});

describe('capacityFiltersNote', () => {
  it('says which filters of the bar capacity does not follow', () => {
    expect(capacityFiltersNote({ sections: [], payerCategories: [], placesOfService: [] })).toBeNull();
    expect(capacityFiltersNote({ sections: ['radiology'], payerCategories: ['medicare'], placesOfService: [] })).toBe(
      'The sections filter narrows the volume forecast only; needs and utilization count every section. Payers and places of service do not apply to capacity: every line counts.',
    );
  });
});
