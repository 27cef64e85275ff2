import { formatPercentChange, formatSignedCount } from '../change';
import { buildDepartmentGrid, buildDepartmentLines, OTHER_DEPARTMENTS } from '../department-grid';
import { buildSectionStack, sectionStackSummary } from '../section-stack';
import { buildVolumeTrend, volumeTrendSummary } from '../volume-trend';

describe('buildVolumeTrend', () => {
  it('puts the periods in order with the year-earlier figure beside each', () => {
    const points = buildVolumeTrend([
      { period: '2025-02', lines: 110, lines_compare: 100 },
      { period: '2025-01', lines: 90, lines_compare: null },
    ]);
    expect(points).toEqual([
      { period: '2025-01', label: 'Jan 2025', tick: 'Jan ’25', current: 90, previous: null },
      { period: '2025-02', label: 'Feb 2025', tick: 'Feb ’25', current: 110, previous: 100 },
    ]);
    expect(volumeTrendSummary(points, 'Radiology', 'Jan 2025 – Feb 2025', 'month')).toBe(
      'Line chart of procedure lines by month for Radiology, Jan 2025 – Feb 2025, with the same months a year earlier as a dashed line. Highest 110 in Feb 2025, lowest 90 in Jan 2025.',
    );
  });
});

describe('buildSectionStack', () => {
  // Jan: em 60 + radiology 40 = 100; Feb: radiology 50 (no em row) = 50. Totals em 60, radiology 90, all 150.
  const rows = [
    { period: '2025-02', section: 'radiology', lines: 50 },
    { period: '2025-01', section: 'radiology', lines: 40 },
    { period: '2025-01', section: 'em', lines: 60 },
    { period: '2025-01', section: 'surgery', lines: 0 },
  ];

  it('stacks the sections in the code set order, leaving out those without lines', () => {
    const stack = buildSectionStack(rows);
    expect(stack.sections.map((section) => [section.id, section.name, section.lines, section.share])).toEqual([
      ['em', 'Evaluation & management', 60, 0.4],
      ['radiology', 'Radiology', 90, 0.6],
    ]);
    expect(stack.points.map((point) => [point.period, point.lines, point.total])).toEqual([
      ['2025-01', { em: 60, radiology: 40, surgery: 0 }, 100],
      ['2025-02', { radiology: 50 }, 50],
    ]);
    expect(stack.total).toBe(150);
  });

  it('names the largest sections in its summary', () => {
    expect(sectionStackSummary(buildSectionStack(rows), 'Jan 2025 – Feb 2025', 'month')).toBe(
      'Stacked bar chart of procedure lines by month and section, Jan 2025 – Feb 2025. 2 sections; the largest: Radiology 90 (60%), Evaluation & management 60 (40%).',
    );
    expect(sectionStackSummary(buildSectionStack([]), 'Jan 2025', 'month')).toMatch(/: no values\.$/);
  });
});

describe('buildDepartmentGrid', () => {
  // CARD 10 + 30 = 40, RAD 0 + 40 = 40, ED 5 + 0 = 5. CARD and RAD tie on 40: by code.
  const rows = [
    { period: '2025-02', department: 'RAD', lines: 40 },
    { period: '2025-01', department: 'CARD', lines: 10 },
    { period: '2025-02', department: 'CARD', lines: 30 },
    { period: '2025-01', department: 'ED', lines: 5 },
  ];

  it('lays the departments out by period, busiest first, with zeros where there were none', () => {
    expect(buildDepartmentGrid(rows)).toEqual({
      periods: ['2025-01', '2025-02'],
      rows: [
        { department: 'CARD', values: [10, 30], total: 40 },
        { department: 'RAD', values: [0, 40], total: 40 },
        { department: 'ED', values: [5, 0], total: 5 },
      ],
      max: 40,
    });
  });

  it('draws the busiest departments as lines and sums the rest', () => {
    const lines = buildDepartmentLines(buildDepartmentGrid([...rows, { period: '2025-01', department: 'ORTH', lines: 1 }]), 2);
    expect(lines.series).toEqual([
      { id: 'CARD', name: 'CARD' },
      { id: 'RAD', name: 'RAD' },
      { id: OTHER_DEPARTMENTS, name: '2 other departments' },
    ]);
    expect(lines.points).toEqual([
      { period: '2025-01', lines: { CARD: 10, RAD: 0, [OTHER_DEPARTMENTS]: 6 } },
      { period: '2025-02', lines: { CARD: 30, RAD: 40, [OTHER_DEPARTMENTS]: 0 } },
    ]);
  });

  it('adds no other line when every department has its own', () => {
    expect(buildDepartmentLines(buildDepartmentGrid(rows), 5).series.map((series) => series.id)).toEqual(['CARD', 'RAD', 'ED']);
  });
});

describe('change formats', () => {
  it('write a year-on-year change for people', () => {
    expect(formatPercentChange(110, 100)).toBe('+10.0\u00a0%');
    expect(formatPercentChange(96, 100)).toBe('\u22124.0\u00a0%');
    expect(formatPercentChange(100, 100)).toBe('0.0\u00a0%');
    expect(formatPercentChange(5, 0)).toBe('new');
    expect(formatPercentChange(0, 0)).toBe('—');
    expect(formatSignedCount(-1234, (n) => n.toLocaleString('en-US'))).toBe('\u22121,234');
  });
});
