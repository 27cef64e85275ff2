import { sparklinePath } from '../sparkline-path';

describe('sparklinePath', () => {
  const box = { width: 100, height: 20 };

  it('scales the lowest value to the bottom and the highest to the top', () => {
    expect(sparklinePath([0, 5, 10], box)).toBe('M0 20L50 10L100 0');
  });

  it('keeps an inset at top and bottom', () => {
    expect(sparklinePath([0, 10], { width: 100, height: 20, inset: 2 })).toBe('M0 18L100 2');
  });

  it('breaks the line at unknown values', () => {
    expect(sparklinePath([0, null, 10, 5], { width: 90, height: 20 })).toBe('M0 20M60 0L90 10');
  });

  it('draws a flat series at mid-height', () => {
    expect(sparklinePath([7, 7, 7], box)).toBe('M0 10L50 10L100 10');
  });

  it('draws nothing for no values', () => {
    expect(sparklinePath([], box)).toBe('');
    expect(sparklinePath([null, null], box)).toBe('');
  });

  it('rounds coordinates to two decimals', () => {
    expect(sparklinePath([1, 2, 3, 4], { width: 100, height: 30 })).toBe('M0 30L33.33 20L66.67 10L100 0');
  });
});
