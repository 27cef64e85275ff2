import { sample } from './sample.js';

const dow = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('volume over time', () => {
  const lines = sample({ lines: 60_000, seed: 5, endDate: '2025-06-30' });
  const dates = lines.map((l) => l.service_date);

  it('orders rows by service date', () => {
    expect(dates.every((d, i) => i === 0 || dates[i - 1] <= d)).toBe(true);
  });

  it('spans the three years ending at endDate, never after it', () => {
    expect(dates[0]).toBe('2022-07-01');
    expect(dates[dates.length - 1]).toBe('2025-06-30');
    expect(dates.every((d) => d >= '2022-07-01' && d <= '2025-06-30')).toBe(true);
  });

  it('honours `years`', () => {
    const one = sample({ lines: 5_000, seed: 5, endDate: '2024-02-29', years: 1 }).map((l) => l.service_date);
    expect(one[0] >= '2023-03-01').toBe(true);
    expect(one[one.length - 1] <= '2024-02-29').toBe(true);
  });

  it('has much lower volume on weekends than on weekdays', () => {
    const perDay = new Array<number>(7).fill(0);
    for (const d of dates) perDay[dow(d)]++;
    const weekday = (perDay[1] + perDay[2] + perDay[3] + perDay[4] + perDay[5]) / 5;
    const weekend = (perDay[0] + perDay[6]) / 2;
    expect(weekend).toBeLessThan(weekday * 0.45);
  });

  it('keeps the emergency department busy on weekends', () => {
    const ed = lines.filter((l) => l.department === 'ED').map((l) => dow(l.service_date));
    const weekend = ed.filter((d) => d === 0 || d === 6).length / 2;
    const weekday = ed.filter((d) => d > 0 && d < 6).length / 5;
    expect(weekend).toBeGreaterThan(weekday * 0.8);
  });

  it('is quiet on federal holidays', () => {
    const count = (d: string): number => dates.filter((x) => x === d).length;
    // Thanksgiving 2024 against the Thursdays either side.
    expect(count('2024-11-28')).toBeLessThan(0.5 * Math.min(count('2024-11-21'), count('2024-12-05')));
  });

  it('grows year over year', () => {
    const first = dates.filter((d) => d < '2023-07-01').length;
    const last = dates.filter((d) => d >= '2024-07-01').length;
    expect(last / first).toBeGreaterThan(1.05);
    expect(last / first).toBeLessThan(1.15);
  });
});
