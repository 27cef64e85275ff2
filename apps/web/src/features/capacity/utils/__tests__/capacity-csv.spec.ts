import type { CapacityForecastResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { forecastCsv, needsCsv, utilizationCsv } from '../capacity-csv';
import type { NeedsLine } from '../capacity-needs';

describe('capacity CSV files', () => {
  it('writes the needs table a row per department, resource and month', () => {
    const line: NeedsLine = {
      key: 'RAD/mri_scanner@2027-01',
      inventory: 'RAD/mri_scanner',
      department: 'RAD',
      name: 'MRI scanner',
      kind: 'equipment',
      period: '2027-01',
      required: { expected: 150, low: 120, high: 180 },
      available: 168,
      count: 1,
      needed: 0.892857,
      gap: -0.107143,
      utilization: 0.714286,
    };
    expect(needsCsv([line])).toBe(
      'department,resource,kind,month,required_hours,required_hours_low,required_hours_high,available_hours,utilization,units_or_ftes,needed,gap\r\n' +
        'RAD,MRI scanner,equipment,2027-01,150,120,180,168,0.714286,1,0.892857,-0.107143\r\n',
    );
  });

  it('writes utilization rows as the API answers them, an undefined rate empty', () => {
    const answer = {
      rows: [{ period: '2026-W10', from: '2026-03-02', to: '2026-03-08', department: 'ED', resourceType: 'ct_scanner', kind: 'equipment', usedMinutes: 600, count: 0, availableHours: 0, utilization: null }],
      pooled: [],
      meta: { grain: 'week', from: '2026-03-02', to: '2026-03-08', rowCount: 1, unprofiledLines: 0 },
    } as unknown as CapacityUtilizationResponse;
    expect(utilizationCsv(answer).split('\r\n')[1]).toBe('2026-W10,2026-03-02,2026-03-08,ED,ct_scanner,equipment,600,0,0,');
  });

  it('writes the actuals of each series, then its forecast with the interval and the backtest scores', () => {
    const answer = {
      series: [
        {
          department: 'RAD',
          section: 'radiology',
          code: null,
          status: 'ok',
          message: null,
          history: [{ period: '2026-10', value: 100 }],
          points: [{ period: '2026-11', value: 110, low: 90, high: 130 }],
          method: 'Holt',
          model: 'ETS(A,A,N)',
          backtest: { holdout: 12, mape: 0.05, mase: 0.8, coverage: 0.75 },
          backtestNote: null,
        },
      ],
    } as unknown as CapacityForecastResponse;
    expect(forecastCsv(answer).split('\r\n').slice(1, 3)).toEqual(['RAD,radiology,,2026-10,actual,100,,,0.05,0.8', 'RAD,radiology,,2026-11,forecast,110,90,130,0.05,0.8']);
  });
});
