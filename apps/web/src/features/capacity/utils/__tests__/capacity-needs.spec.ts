import { bottlenecks, buildHeadline, firstInventories, gapWords, idleCapacity, isShort, needsLines, resourceNames } from '../capacity-needs';
import { NEEDS, TYPES } from './capacity-fixture';

const names = resourceNames(TYPES);

describe('buildHeadline', () => {
  it('names the busiest resource above target and the units that close its gap', () => {
    expect(buildHeadline(NEEDS, names)).toEqual({
      tone: 'over',
      text: 'MRI scanner in RAD runs at 92% next quarter (Dec 2026 – Feb 2027) against an 80% target: 1 more unit closes the gap.',
      othersOver: 1,
    });
  });

  it('counts FTEs in tenths and says "close" for more than one', () => {
    const staffOnly = { ...NEEDS, rows: NEEDS.rows.filter((row) => row.resourceType === 'technologist').map((row) => ({ ...row, additionalUnitsNeeded: 1.5 })) };
    expect(buildHeadline(staffOnly, names)?.text).toBe('Technologist in RAD runs at 85% next quarter (Dec 2026 – Feb 2027) against an 80% target: 1.5 more FTEs close the gap.');
  });

  it('says when nothing runs above target, and which resource is busiest', () => {
    const within = { ...NEEDS, rows: NEEDS.rows.slice(2) };
    expect(buildHeadline(within, names)).toEqual({
      tone: 'within',
      text: 'No resource runs above the 80% target next quarter (Dec 2026 – Feb 2027). The busiest is Physician / APP in ED at 50%.',
      othersOver: 0,
    });
  });

  it('words other horizons and targets', () => {
    const answer = { ...NEEDS, meta: { ...NEEDS.meta, horizon: 6, forecastTo: '2027-05', targetUtilization: 0.75 } };
    expect(buildHeadline(answer, names)?.text).toMatch(/^MRI scanner in RAD runs at 92% over the next 6 months \(Dec 2026 – May 2027\) against a 75% target: /);
  });

  it('has nothing to say without rows', () => {
    expect(buildHeadline({ ...NEEDS, rows: [] }, names)).toBeNull();
  });
});

describe('bottlenecks and idle capacity', () => {
  it('ranks by utilization, with the months above target and the units to add', () => {
    // MRI: 95% and 90% are above 80%, 78% is not → 2 of 3. Technologist: 86, 84, 85 → 3 of 3.
    expect(bottlenecks(NEEDS, names, 2).map((item) => [item.name, item.department, Math.round(item.utilization * 100), item.monthsOver, item.units])).toEqual([
      ['MRI scanner', 'RAD', 92, 2, 1],
      ['Technologist', 'RAD', 85, 3, 0.3],
    ]);
  });

  it('ranks the least used first, with what could go at the target', () => {
    // Cath lab: 3 units at 40% need 3 × 0.4 / 0.8 = 1.5 → 1.5 spare → 1 whole unit.
    // Physician: 5.5 FTEs at 50% need 5.5 × 0.5 / 0.8 = 3.4375 → 2.0625 spare → 2.0 FTEs.
    expect(idleCapacity(NEEDS, names, 2).map((item) => [item.name, item.department, item.units])).toEqual([
      ['Cath / EP lab', 'CARD', 1],
      ['Physician / APP', 'ED', 2],
    ]);
  });
});

describe('needsLines', () => {
  it('lists every department × resource × month in the answer order', () => {
    const lines = needsLines(NEEDS, names);
    expect(lines).toHaveLength(12);
    const first = lines[0]!;
    // 2 units × 200 h = 400 h; demand 95% = 380 h; required 380 / 0.8 = 475 h (427.5–522.5); 475 / 200 = 2.375 units.
    expect(first).toMatchObject({ key: 'RAD/mri_scanner@2026-12', department: 'RAD', name: 'MRI scanner', period: '2026-12', available: 400, count: 2 });
    expect(first.required.expected).toBeCloseTo(475);
    expect(first.required.low).toBeCloseTo(427.5);
    expect(first.needed).toBeCloseTo(2.375);
    expect(first.gap).toBeCloseTo(0.375);
  });
});

describe('gapWords', () => {
  it('says a shortfall and a surplus in words', () => {
    expect(gapWords(0.375)).toBe('0.4 short');
    expect(gapWords(1)).toBe('1 short');
    expect(gapWords(-2.06)).toBe('2.1 spare');
    expect(gapWords(0.02)).toBe('even');
    expect(gapWords(null)).toBe('—');
  });
});

describe('firstInventories', () => {
  it('keeps the months of the first inventories in the answer order, and counts them all', () => {
    const lines = needsLines(NEEDS, names);
    const first = firstInventories(lines, 2);
    expect(first.inventories).toBe(4);
    expect(first.lines.map((line) => line.key)).toEqual([
      'RAD/mri_scanner@2026-12',
      'RAD/mri_scanner@2027-01',
      'RAD/mri_scanner@2027-02',
      'RAD/technologist@2026-12',
      'RAD/technologist@2027-01',
      'RAD/technologist@2027-02',
    ]);
  });

  it('counts a month short from a tenth of a unit', () => {
    // MRI: 95% → 0.375 short, 90% → 0.25 short, 78% → 0.05 spare; technologist: 86, 84, 85% → short.
    expect(needsLines(NEEDS, names).filter(isShort).map((line) => line.key)).toEqual([
      'RAD/mri_scanner@2026-12',
      'RAD/mri_scanner@2027-01',
      'RAD/technologist@2026-12',
      'RAD/technologist@2027-01',
      'RAD/technologist@2027-02',
    ]);
  });
});
