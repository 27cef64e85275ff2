import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  isIsoDate,
  isoWeekday,
  isValidTimeZone,
  maxDate,
  minDate,
  parseServiceDate,
  todayIn,
} from '../dates.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '1990-01-01'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', ' 2025-01-01', '2025/01/01', ''])(
    'refuses %p',
    (s) => {
      expect(isIsoDate(s)).toBe(false);
    },
  );
});

describe('parseServiceDate', () => {
  it.each([
    [' 2025-03-07 ', '2025-03-07'],
    ['03/07/2025', '2025-03-07'],
    ['3/7/2025', '2025-03-07'],
    ['12/31/2024', '2024-12-31'],
    ['2/29/2024', '2024-02-29'],
  ])('reads %p as %s', (text, expected) => {
    expect(parseServiceDate(text)).toBe(expected);
  });

  it.each(['', '02/30/2025', '2/29/2025', '2025-02-30', '13/01/2025', '2025/03/07', '03-07-2025', '3/7/25', '2025-3-7', '7 March 2025'])(
    'returns null for %p',
    (text) => {
      expect(parseServiceDate(text)).toBeNull();
    },
  );
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
  });

  it('clamps to the last day of the month when adding months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
  });

  it('turns 29 February into 28 February when adding years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-03-07', -1)).toBe('2024-03-07');
  });

  it('counts the days from a to b', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
    // 35 years, 9 of them leap years (1992 … 2024).
    expect(daysBetween('1990-01-01', '2025-01-01')).toBe(35 * 365 + 9);
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(isoWeekday('2024-12-30')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2025-03-07')).toBe(5);
    expect(isoWeekday('2000-01-01')).toBe(6);
    expect(isoWeekday('2025-03-09')).toBe(7);
  });

  it('picks the earlier and the later date', () => {
    expect(minDate('2025-01-02', '2024-12-31')).toBe('2024-12-31');
    expect(maxDate('2025-01-02', '2024-12-31')).toBe('2025-01-02');
  });

  it('refuses to compute with something that is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => isoWeekday('yesterday')).toThrow(RangeError);
  });
});

describe('todayIn', () => {
  const instant = new Date('2025-03-07T03:30:00Z');

  it('gives the calendar date on the wall in that zone', () => {
    expect(todayIn('America/New_York', instant)).toBe('2025-03-06');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2025-03-07');
    expect(todayIn('UTC', new Date('2025-12-31T23:59:59Z'))).toBe('2025-12-31');
    expect(todayIn('Pacific/Kiritimati', new Date('2025-12-31T12:00:00Z'))).toBe('2026-01-01');
  });

  it('tells a real zone from a made-up one', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
