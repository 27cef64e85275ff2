import { DayBlockBuilder } from '../day-block.js';
import { ANY_DEPARTMENT, ANY_SECTION, PreviousDayIndex, groupKey } from '../previous-day-index.js';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PreviousDayIndex', () => {
  // 40 days, 3 departments × 2 sections, keys 0..59 drawn at random: small enough to check
  // every range of every group against a plain set union.
  const random = mulberry32(7);
  const cells: Array<Array<{ department: number; section: number; keys: number[] }>> = [];
  const blocks = Array.from({ length: 40 }, (_, d) => {
    const builder = new DayBlockBuilder(`2025-01-${String(d + 1).padStart(2, '0')}`);
    const day: (typeof cells)[number] = [];
    for (let department = 1; department <= 3; department++) {
      for (let section = 0; section < 2; section++) {
        if (random() < 0.3) continue;
        const keys = [...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * 60)))].sort((a, b) => a - b);
        for (const key of keys) builder.addLine(department, section, key, key, 1, 0, 0, 0, 0);
        day.push({ department, section, keys });
      }
    }
    cells.push(day);
    return builder.build();
  });

  it('counts the distinct keys of every group over every range of days exactly', async () => {
    const index = await PreviousDayIndex.build(blocks, 'patients', 59, async () => undefined);
    const groups: Array<[number, number]> = [[ANY_DEPARTMENT, ANY_SECTION], [2, ANY_SECTION], [ANY_DEPARTMENT, 1], [3, 0], [1, 1]];
    let checked = 0;
    for (const [department, section] of groups) {
      for (let from = 0; from < 40; from++) {
        for (let to = from; to <= 40; to++) {
          const expected = new Set<number>();
          for (let d = from; d < to; d++) {
            for (const cell of cells[d]!) {
              if ((department === ANY_DEPARTMENT || cell.department === department) && (section === ANY_SECTION || cell.section === section)) cell.keys.forEach((key) => expected.add(key));
            }
          }
          expect([department, section, from, to, index.count(groupKey(department, section), from, to)]).toEqual([department, section, from, to, expected.size]);
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * 860); // 40 + 39 + … + 1 ranges starting on a day, plus one empty range each
  });

  it('counts the distinct keys by class, and refuses a range holding a key of no single class', async () => {
    // Keys 0..59 in classes 1..5 (key % 5 + 1); key 42 has several (255).
    const classes = Uint8Array.from({ length: 60 }, (_, key) => (key === 42 ? 255 : (key % 5) + 1));
    const index = await PreviousDayIndex.build(blocks, 'encounters', 59, async () => undefined, classes);
    let refused = 0;
    for (const [department, section] of [[ANY_DEPARTMENT, ANY_SECTION], [2, ANY_SECTION], [3, 0]] as Array<[number, number]>) {
      for (let from = 0; from < 40; from += 3) {
        for (let to = from; to <= 40; to += 2) {
          const seen = new Set<number>();
          for (let d = from; d < to; d++) {
            for (const cell of cells[d]!) {
              if ((department === ANY_DEPARTMENT || cell.department === department) && (section === ANY_SECTION || cell.section === section)) cell.keys.forEach((key) => seen.add(key));
            }
          }
          const counts = new Float64Array(5);
          const complete = index.countByClass(groupKey(department, section), from, to, counts);
          expect(complete).toBe(!seen.has(42));
          if (!complete) {
            refused++;
            continue;
          }
          const expected = new Float64Array(5);
          for (const key of seen) expected[key % 5]!++;
          expect([department, section, from, to, [...counts]]).toEqual([department, section, from, to, [...expected]]);
          // The classes do not change the plain count.
          expect(index.count(groupKey(department, section), from, to)).toBe(seen.size);
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('counts nothing for a group that has no cells', async () => {
    const index = await PreviousDayIndex.build(blocks, 'patients', 59, async () => undefined);
    expect(index.count(groupKey(9, ANY_SECTION), 0, 40)).toBe(0);
  });
});
