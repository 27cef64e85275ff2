import {
  centsToDollars,
  formatCompactMoney,
  formatCompactNumber,
  formatInteger,
  formatMoney,
  formatPercent,
  parseMoney,
} from '../money.js';

describe('parseMoney', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['0', 0],
    ['$1,234.50', 123450],
    ['1234.5', 123450],
    ['1,234', 123400],
    [' 12 ', 1200],
    ['$ 12', 1200],
    ['0.07', 7],
    ['.5', 50],
    ['007.10', 710],
    // Values that float multiplication gets wrong (4.35 × 100 = 434.99999999999994).
    ['4.35', 435],
    ['19.99', 1999],
    ['1.15', 115],
    ['99,999,999.99', 9999999999],
    ['99999999.99', 9999999999],
  ])('reads %p as %i cents', (text, cents) => {
    expect(parseMoney(text)).toEqual({ ok: true, cents });
  });

  it('explains too many decimal places', () => {
    expect(parseMoney('12.345')).toEqual({
      ok: false,
      reason: 'must be an amount from 0 to 99,999,999.99 with at most 2 decimal places (got "12.345")',
    });
  });

  it.each(['-5', '-0.01', '$-5.00', '-$5.00', '(5.00)'])('refuses the negative %p', (text) => {
    expect(parseMoney(text)).toEqual({
      ok: false,
      reason: `must not be negative: use an amount from 0 to 99,999,999.99 with at most 2 decimal places (got "${text}")`,
    });
  });

  it.each(['100000000', '100,000,000.00', '123456789012345678901234567890'])('refuses %p as too large', (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, reason: `must be at most 99,999,999.99 (got "${text}")` });
  });

  it.each(['1,23.00', '1234,567', '12,34', ',123'])('refuses the misplaced commas of %p', (text) => {
    expect(parseMoney(text)).toEqual({
      ok: false,
      reason: `must use commas only between groups of three digits, e.g. 1,234.50 (got "${text}")`,
    });
  });

  it.each(['abc', '12.', '.', '$', '1e3', '12 34', '1.2.3', 'USD 12', '0x10', '12.5$'])('refuses %p as not a number', (text) => {
    expect(parseMoney(text)).toEqual({
      ok: false,
      reason: `must be an amount from 0 to 99,999,999.99 with at most 2 decimal places (got "${text}")`,
    });
  });
});

describe('centsToDollars', () => {
  it('gives the dollar amount a person would write', () => {
    expect(centsToDollars(1523050)).toBe(15230.5);
    expect(centsToDollars(1)).toBe(0.01);
    expect(centsToDollars(435)).toBe(4.35);
    expect(centsToDollars(0)).toBe(0);
    expect(centsToDollars(9999999999)).toBe(99999999.99);
    expect(centsToDollars(Number.MAX_SAFE_INTEGER)).toBe(90071992547409.91);
  });
});

describe('display formats', () => {
  it.each<[number | null, string]>([
    [950, '950'],
    [0, '0'],
    [12.34, '12.3'],
    [1000, '1k'],
    [1234, '1.2k'],
    [999.96, '1k'],
    [999_960, '1M'],
    [3_400_000, '3.4M'],
    [2_500_000_000, '2.5B'],
    [-1500, '-1.5k'],
    [-0.01, '0'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('writes the number %p compactly as %s', (n, text) => {
    expect(formatCompactNumber(n)).toBe(text);
  });

  it.each<[number | null, string]>([
    [3_400_000, '$3.4M'],
    [950, '$950'],
    [949.6, '$950'],
    [1234, '$1.2k'],
    [0, '$0'],
    [-1234, '-$1.2k'],
    [null, '—'],
  ])('writes the amount %p compactly as %s', (n, text) => {
    expect(formatCompactMoney(n)).toBe(text);
  });

  it('writes money to the cent', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(-12)).toBe('-$12.00');
    expect(formatMoney(null)).toBe('—');
  });

  it('writes rates as percentages with one decimal', () => {
    expect(formatPercent(0.041)).toBe('4.1%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('writes integers with thousands separators', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(1234.6)).toBe('1,235');
    expect(formatInteger(null)).toBe('—');
  });
});
