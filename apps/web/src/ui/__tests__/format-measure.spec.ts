import { formatCompact, formatExact } from '../format-measure';

describe('formatExact', () => {
  it('writes counts with thousands separators, money to the cent, rates as percent', () => {
    expect(formatExact('lines', 1234567)).toBe('1,234,567');
    expect(formatExact('charges', 15230.5)).toBe('$15,230.50');
    expect(formatExact('denial_rate', 0.08)).toBe('8.0%');
  });

  it('writes a dash for unknown values', () => {
    expect(formatExact('denial_rate', null)).toBe('—');
    expect(formatExact('paid', null)).toBe('—');
  });
});

describe('formatCompact', () => {
  it('uses the short forms of the domain', () => {
    expect(formatCompact('lines', 1200)).toBe('1.2k');
    expect(formatCompact('charges', 3_400_000)).toBe('$3.4M');
    expect(formatCompact('denial_rate', 0.041)).toBe('4.1%');
  });
});
