import { formatInteger } from '@caseload/domain';
import { buildMovers, describeMover, formatMoverPercent, formatSignedInteger } from '../movers';

const rows = [
  { department: 'CARD', lines: 1200, lines_compare: 1000 }, // +200, +20 %
  { department: 'RAD', lines: 30, lines_compare: 10 }, // +20, +200 %
  { department: 'NEW', lines: 20, lines_compare: 0 }, // +20, new
  { department: 'ORTHO', lines: 500, lines_compare: 800 }, // −300
  { department: 'LAB', lines: 90, lines_compare: 100 }, // −10
  { department: 'FLAT', lines: 50, lines_compare: 50 },
  { department: 'GONE', lines: 0, lines_compare: '40' }, // −40, numeric string
  { department: null, lines: 5, lines_compare: 1 },
];

describe('buildMovers', () => {
  const movers = buildMovers(rows, 'department');

  it('ranks rises by absolute change, ties by the larger percentage (new first)', () => {
    expect(movers.up.map((m) => m.key)).toEqual(['CARD', 'NEW', 'RAD']);
    expect(movers.up[0]).toEqual({ key: 'CARD', detail: null, current: 1200, previous: 1000, change: 200, percent: 0.2 });
    expect(movers.up[1]?.percent).toBeNull();
  });

  it('ranks falls by absolute change and leaves unchanged rows out', () => {
    expect(movers.down.map((m) => [m.key, m.change])).toEqual([
      ['ORTHO', -300],
      ['GONE', -40],
      ['LAB', -10],
    ]);
    expect([...movers.up, ...movers.down].some((m) => m.key === 'FLAT')).toBe(false);
  });

  it('scales the bars to the largest change in either direction', () => {
    expect(movers.scale).toBe(300);
  });

  it('keeps the top N of each direction', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ code: `9921${i}`, lines: 100 + i * 10, lines_compare: 100 }));
    const top = buildMovers(many, 'code', 5);
    expect(top.up.map((m) => m.key)).toEqual(['99217', '99216', '99215', '99214', '99213']);
    expect(top.down).toEqual([]);
  });

  it('names the section of a code', () => {
    expect(buildMovers([{ code: '70450', lines: 5, lines_compare: 1 }], 'code').up[0]?.detail).toBe('Radiology');
  });

  it('copes with no rows', () => {
    expect(buildMovers([], 'code')).toEqual({ up: [], down: [], scale: 0 });
  });
});

describe('mover formatting', () => {
  it('writes percentages with a sign, and "new" without a base', () => {
    expect(formatMoverPercent({ percent: 0.2 })).toBe('+20.0\u00a0%');
    expect(formatMoverPercent({ percent: -0.375 })).toBe('\u221237.5\u00a0%');
    expect(formatMoverPercent({ percent: null })).toBe('new');
  });

  it('writes signed counts', () => {
    expect(formatSignedInteger(1234, formatInteger)).toBe('+1,234');
    expect(formatSignedInteger(-56, formatInteger)).toBe('\u221256');
  });

  it('says a mover in words', () => {
    const [card] = buildMovers(rows, 'department').up;
    expect(describeMover(card!, formatInteger)).toBe('CARD: 1,200 lines, up 200 on 1,000 a year earlier (20.0 percent)');
    const [ortho] = buildMovers(rows, 'department').down;
    expect(describeMover(ortho!, formatInteger)).toBe('ORTHO: 500 lines, down 300 on 800 a year earlier (37.5 percent)');
  });
});
