import { buildKpiTiles, changeBetween, describeChange, formatChange, relativeChange } from '../kpi-tiles';
import type { KpiTile } from '../kpi-tiles';
import { threeMonths } from './overview-fixture';

function tile(tiles: KpiTile[], measure: string): KpiTile {
  const found = tiles.find((t) => t.measure === measure);
  if (!found) throw new Error(`no tile ${measure}`);
  return found;
}

describe('relativeChange', () => {
  it('is (current − previous) ÷ previous', () => {
    expect(relativeChange(330, 300)).toBeCloseTo(0.1, 10);
    expect(relativeChange(1200, 1100)).toBeCloseTo(0.090909, 6);
    expect(relativeChange(9000, 10000)).toBeCloseTo(-0.1, 10);
  });

  it('is null when the previous value is 0 or either value is unknown', () => {
    expect(relativeChange(90, 0)).toBeNull();
    expect(relativeChange(null, 10)).toBeNull();
    expect(relativeChange(10, null)).toBeNull();
  });
});

describe('buildKpiTiles', () => {
  const tiles = buildKpiTiles(threeMonths);

  it('makes the six headline tiles in a fixed order', () => {
    expect(tiles.map((t) => t.measure)).toEqual(['lines', 'encounters', 'patients', 'charges', 'paid', 'denial_rate']);
    expect(tiles.map((t) => t.label)).toEqual(['Procedure lines', 'Encounters', 'Patients', 'Charges', 'Paid', 'Denial rate']);
  });

  it('takes the value and the comparison from the totals', () => {
    expect(tile(tiles, 'lines')).toMatchObject({ value: 330, previous: 300, unit: 'count' });
    expect(tile(tiles, 'charges')).toMatchObject({ value: 15230.5, previous: 12184.4, unit: 'money' });
    expect(tile(tiles, 'denial_rate')).toMatchObject({ value: 0.08, previous: 0.1, unit: 'rate' });
  });

  it('works out the change against a year earlier', () => {
    expect(formatChange(tile(tiles, 'lines').change)).toBe('+10.0\u00a0%');
    expect(formatChange(tile(tiles, 'encounters').change)).toBe('0.0\u00a0%');
    expect(formatChange(tile(tiles, 'charges').change)).toBe('+25.0\u00a0%');
    expect(formatChange(tile(tiles, 'paid').change)).toBe('\u221210.0\u00a0%');
  });

  it('gives no change when last year was zero, instead of dividing by it', () => {
    expect(tile(tiles, 'patients').change).toBeNull();
    expect(formatChange(tile(tiles, 'patients').change)).toBe('—');
  });

  it('changes a rate in percentage points', () => {
    const change = tile(tiles, 'denial_rate').change;
    expect(change?.unit).toBe('points');
    expect(change?.amount).toBeCloseTo(-0.02, 10);
    expect(formatChange(change)).toBe('\u22122.0\u00a0pts');
  });

  it('orders the sparkline by period and keeps unknown months as gaps', () => {
    expect(tile(tiles, 'lines').trend).toEqual([100, 110, 120]);
    expect(tile(tiles, 'denial_rate').trend).toEqual([0.1, null, 0.05]);
  });

  it('copes with missing totals and rows', () => {
    const empty = buildKpiTiles({ rows: [], totals: {} });
    expect(empty).toHaveLength(6);
    for (const t of empty) expect(t).toMatchObject({ value: null, previous: null, change: null, trend: [] });
  });
});

describe('changeBetween', () => {
  it('rounds 1,200 against 1,100 to +9.1 %', () => {
    expect(formatChange(changeBetween('count', 1200, 1100))).toBe('+9.1\u00a0%');
  });

  it('calls a change that rounds to 0.0 flat', () => {
    expect(changeBetween('count', 10_001, 10_000)?.direction).toBe('flat');
    expect(changeBetween('count', 10_010, 10_000)?.direction).toBe('up');
  });

  it('has no rate change when either rate is undefined', () => {
    expect(changeBetween('rate', null, 0.1)).toBeNull();
    expect(changeBetween('rate', 0.1, null)).toBeNull();
  });

  it('compares a rate with a zero rate (points need no division)', () => {
    expect(formatChange(changeBetween('rate', 0.041, 0))).toBe('+4.1\u00a0pts');
  });
});

describe('describeChange', () => {
  it('says the change in words', () => {
    expect(describeChange(changeBetween('count', 330, 300))).toBe('up 10.0 percent on a year earlier');
    expect(describeChange(changeBetween('rate', 0.08, 0.1))).toBe('down 2.0 percentage points on a year earlier');
    expect(describeChange(changeBetween('count', 5, 5))).toBe('unchanged on a year earlier');
    expect(describeChange(null)).toBe('no comparison with a year earlier');
  });
});
