import type { ExportColumn } from '../../export-table.js';
import { chartData, niceStep } from '../pdf-chart.js';

const PERIOD: ExportColumn = { key: 'period', label: 'Period', unit: 'label' };
const DEPARTMENT: ExportColumn = { key: 'department', label: 'Department', unit: 'label' };
const LINES: ExportColumn = { key: 'lines', label: 'Procedure lines', unit: 'count' };

describe('chartData', () => {
  it('draws one line per department over the periods, a suppressed value as a gap', () => {
    const chart = chartData(
      [PERIOD, DEPARTMENT, LINES],
      [
        ['2025-02', 'RAD', 5],
        ['2025-01', 'CARD', 10],
        ['2025-01', 'RAD', null],
        ['2025-02', 'CARD', 12],
      ],
      'month',
    );
    // CARD 22 before RAD 5; periods oldest first.
    expect(chart).toEqual({
      kind: 'line',
      title: 'Procedure lines by month, by department',
      unit: 'count',
      categories: ['2025-01', '2025-02'],
      series: [
        { name: 'CARD', values: [10, 12] },
        { name: 'RAD', values: [null, 5] },
      ],
    });
  });

  it('draws bars of the largest categories without a period, and says how many it kept', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`D${String(i).padStart(2, '0')}`, i + 1]);
    const chart = chartData([DEPARTMENT, LINES], rows, 'month')!;
    expect(chart.kind).toBe('bar');
    expect(chart.title).toBe('Procedure lines by department (the 15 largest of 20)');
    expect(chart.categories.slice(0, 3)).toEqual(['D19', 'D18', 'D17']);
    expect(chart.series[0]!.values.slice(0, 3)).toEqual([20, 19, 18]);
  });

  it('draws nothing without a label or a row', () => {
    expect(chartData([LINES], [[44]], 'month')).toBeNull();
    expect(chartData([DEPARTMENT, LINES], [], 'month')).toBeNull();
  });
});

describe('niceStep', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(2300)).toBe(500);
    expect(niceStep(9)).toBe(2);
    expect(niceStep(0.42)).toBe(0.1);
    expect(niceStep(0)).toBe(1);
  });
});
