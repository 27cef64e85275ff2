import { resolveReportRange } from '../report-range.js';

describe('resolveReportRange', () => {
  it('resolves each preset on the day a report runs', () => {
    // Thursday 14 May 2026.
    expect(resolveReportRange('last_month', '2026-05-14')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(resolveReportRange('last_quarter', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(resolveReportRange('last_12_months', '2026-05-14')).toEqual({ from: '2025-05-01', to: '2026-04-30' });
    expect(resolveReportRange('year_to_date', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-05-13' });
    expect(resolveReportRange('previous_year', '2026-05-14')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('crosses year ends and leap days', () => {
    expect(resolveReportRange('last_month', '2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(resolveReportRange('last_month', '2024-03-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(resolveReportRange('last_quarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(resolveReportRange('year_to_date', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
});
