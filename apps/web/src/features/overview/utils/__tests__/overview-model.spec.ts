import { buildOverviewModel, linesChartSummary, sparklineSummary } from '../overview-model';
import { threeMonths } from './overview-fixture';

describe('buildOverviewModel', () => {
  const model = buildOverviewModel(threeMonths);

  it('names the range and the comparison range a year earlier', () => {
    expect(model.range).toBe('Jan 2025 – Mar 2025');
    expect(model.compareRange).toBe('Jan 2024 – Mar 2024');
  });

  it('orders the months', () => {
    expect(model.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(model.lines.map((p) => p.current)).toEqual([100, 110, 120]);
  });

  it('is empty only when there are no procedure lines', () => {
    expect(model.isEmpty).toBe(false);
    expect(buildOverviewModel({ ...threeMonths, totals: { ...threeMonths.totals, lines: 0 } }).isEmpty).toBe(true);
  });

  it('uses the comparison range the API names', () => {
    const named = buildOverviewModel({
      ...threeMonths,
      meta: { ...threeMonths.meta, compare: 'previous_year', compareFrom: '2024-01-01', compareTo: '2024-02-29' },
    });
    expect(named.compareRange).toBe('Jan 2024 – Feb 2024');
  });

  it('compares leap-day ranges with the 28th a year earlier', () => {
    const leap = buildOverviewModel({ ...threeMonths, meta: { ...threeMonths.meta, from: '2024-02-29', to: '2024-02-29' } });
    expect(leap.compareRange).toBe('28 Feb 2023 – 28 Feb 2023');
  });
});

describe('summaries by grain', () => {
  const quarters = buildOverviewModel({
    ...threeMonths,
    rows: [
      { period: '2025-Q1', lines: 330, lines_compare: 300 },
      { period: '2025-Q2', lines: 90, lines_compare: 100 },
    ],
    meta: { ...threeMonths.meta, grain: 'quarter', to: '2025-06-30' },
  });

  it('keeps the grain the API answered', () => {
    expect(quarters.grain).toBe('quarter');
    expect(quarters.periods).toEqual(['2025-Q1', '2025-Q2']);
  });

  it('names the periods by their grain', () => {
    expect(sparklineSummary(quarters.tiles[0], quarters.periods, quarters.grain)).toBe(
      'Procedure lines by quarter, from 330 in Q1 2025 to 90 in Q2 2025',
    );
    expect(linesChartSummary(quarters.lines, quarters.range, quarters.grain)).toBe(
      'Line chart of procedure lines by quarter, Jan 2025 – Jun 2025, with the same quarters a year earlier as a dashed line. ' +
        'Highest 330 in Q1 2025, lowest 90 in Q2 2025.',
    );
  });
});

describe('summaries', () => {
  const model = buildOverviewModel(threeMonths);

  it('describes a sparkline by its first and last month', () => {
    expect(sparklineSummary(model.tiles[0], model.periods)).toBe(
      'Procedure lines by month, from 100 in Jan 2025 to 120 in Mar 2025',
    );
    expect(sparklineSummary(model.tiles[5], model.periods)).toBe('Denial rate by month, from 10.0% in Jan 2025 to 5.0% in Mar 2025');
  });

  it('describes the line chart with its high and low months', () => {
    expect(linesChartSummary(model.lines, model.range)).toBe(
      'Line chart of procedure lines by month, Jan 2025 – Mar 2025, with the same months a year earlier as a dashed line. ' +
        'Highest 120 in Mar 2025, lowest 100 in Jan 2025.',
    );
    expect(linesChartSummary([], 'Jan 2025')).toBe('Line chart of procedure lines by month, Jan 2025: no values.');
  });
});
