import type { CapacityForecastSeries, CapacityUtilizationResponse } from '@caseload/contracts';
import { backtestWords, forecastChartRows, forecastOptions, heatCell, utilizationGrid } from '../capacity-charts';
import { resourceNames } from '../capacity-needs';
import { TYPES } from './capacity-fixture';

function pooled(period: string, from: string, resourceType: string, utilization: number | null) {
  return { period, from, to: from, resourceType, kind: 'equipment' as const, departments: ['RAD'], usedMinutes: 0, count: 1, availableHours: 0, utilization };
}

const UTILIZATION: CapacityUtilizationResponse = {
  rows: [],
  pooled: [
    pooled('2026-W46', '2026-11-09', 'mri_scanner', 0.9),
    pooled('2026-W47', '2026-11-16', 'mri_scanner', 0.7),
    pooled('2026-W48', '2026-11-23', 'mri_scanner', 1.1),
    pooled('2026-W46', '2026-11-09', 'cath_lab', 0.3),
    pooled('2026-W48', '2026-11-23', 'cath_lab', null),
  ],
  meta: { grain: 'week', from: '2026-11-09', to: '2026-11-29', rowCount: 0, unprofiledLines: 0 },
};

describe('utilizationGrid', () => {
  it('lays resource types against weeks, busiest first, blanks where a week has no hours', () => {
    const grid = utilizationGrid(UTILIZATION, resourceNames(TYPES), 2);
    expect(grid.columns).toEqual([
      { key: '2026-W47', label: '16 Nov', fullLabel: 'week of 16 Nov 2026' },
      { key: '2026-W48', label: '23 Nov', fullLabel: 'week of 23 Nov 2026' },
    ]);
    expect(grid.hiddenWeeks).toBe(1);
    // MRI: mean of 0.7 and 1.1 = 0.9; cath lab: no week with hours in the two shown → last.
    expect(grid.rows.map((row) => [row.name, row.values])).toEqual([
      ['MRI scanner', [0.7, 1.1]],
      ['Cath / EP lab', [null, null]],
    ]);
    expect([heatCell(1.1), heatCell(0.704), heatCell(null)]).toEqual(['110%', '70%', '']);
  });
});

const SERIES: CapacityForecastSeries = {
  department: 'RAD',
  section: 'radiology',
  code: null,
  status: 'ok',
  message: null,
  history: [
    { period: '2026-09', value: 100 },
    { period: '2026-10', value: 110 },
    { period: '2026-11', value: 120 },
  ],
  points: [
    { period: '2026-12', value: 125, low: 105, high: 145 },
    { period: '2027-01', value: 130, low: 100, high: 160 },
  ],
  method: 'Holt-Winters, additive seasonality, damped trend',
  model: 'ETS(A,Ad,A)',
  backtest: { holdout: 12, mape: 0.062, mase: 0.714, coverage: 0.8333 },
  backtestNote: null,
};

describe('forecast shaping', () => {
  it('puts the actuals, then the forecast with its band, joined at the last actual', () => {
    expect(forecastChartRows(SERIES, 2)).toEqual([
      { period: '2026-10', actual: 110, forecast: null, band: null },
      { period: '2026-11', actual: 120, forecast: 120, band: [120, 120] },
      { period: '2026-12', actual: null, forecast: 125, band: [105, 145] },
      { period: '2027-01', actual: null, forecast: 130, band: [100, 160] },
    ]);
  });

  it('offers the department × section series, the largest first', () => {
    const small = { ...SERIES, department: 'CARD', section: 'medicine', history: [{ period: '2026-11', value: 5 }] };
    const code = { ...SERIES, code: '70450' };
    expect(forecastOptions([small, code, SERIES]).map((option) => option.label)).toEqual(['RAD · Radiology', 'CARD · Medicine']);
  });

  it('says the backtest, or why there is none', () => {
    expect(backtestWords(SERIES)).toBe('MAPE 6.2% · MASE 0.71 · 83% of actuals inside the interval, on the last 12 months held out.');
    expect(backtestWords({ ...SERIES, backtest: null, backtestNote: 'Shorter than 24 months: no backtest' })).toBe('Shorter than 24 months: no backtest');
    expect(backtestWords({ ...SERIES, status: 'too_little_history', points: [], message: 'Fewer than 6 months of history' })).toBe('Fewer than 6 months of history');
  });
});
