import { formatDate, formatDateRange, periodName, periodTick } from '../format-period';

describe('periodName', () => {
  it('names months, quarters, weeks and days', () => {
    expect(periodName('2025-03')).toBe('Mar 2025');
    expect(periodName('2025-12')).toBe('Dec 2025');
    expect(periodName('2025-Q1')).toBe('Q1 2025');
    expect(periodName('2025-W07')).toBe('Week 7, 2025');
    expect(periodName('2025-03-07')).toBe('7 Mar 2025');
  });

  it('leaves years and fiscal years as they are', () => {
    expect(periodName('2025')).toBe('2025');
    expect(periodName('FY2025')).toBe('FY2025');
  });
});

describe('periodTick', () => {
  it('shortens months to name and two-digit year', () => {
    expect(periodTick('2026-01')).toBe('Jan ’26');
  });
});

describe('formatDate', () => {
  it('writes day, month name and year without shifting the date', () => {
    expect(formatDate('2025-01-01')).toBe('1 Jan 2025');
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024');
  });
});

describe('formatDateRange', () => {
  it('reads whole months as months', () => {
    expect(formatDateRange('2025-03-01', '2026-02-28')).toBe('Mar 2025 – Feb 2026');
    expect(formatDateRange('2025-01-01', '2025-12-31')).toBe('Jan 2025 – Dec 2025');
    expect(formatDateRange('2024-02-01', '2024-02-29')).toBe('Feb 2024');
  });

  it('writes full dates for partial months', () => {
    expect(formatDateRange('2025-01-15', '2025-02-28')).toBe('15 Jan 2025 – 28 Feb 2025');
    expect(formatDateRange('2025-02-01', '2025-02-27')).toBe('1 Feb 2025 – 27 Feb 2025');
  });
});
