import type { DayBlock } from './day-block.js';

/** A department or section that a group does not pin: every one of them. */
export const ANY_DEPARTMENT = 0xfff;
export const ANY_SECTION = 63;

/** The key of a group of cells: one department or any, one section or any. */
export function groupKey(department: number, section: number): number {
  return department * 64 + section;
}

interface GroupRuns {
  /** Entries of day d (index into the index's days) are previous[offsets[d]] … previous[offsets[d + 1] - 1]. */
  offsets: Int32Array;
  /** Per distinct key of the group on that day: 1 + the index of the key's previous day in the group, or 0; sorted per day. */
  previous: Uint16Array | Uint32Array;
}

/**
 * Exact distinct counts over any range of days in a few binary searches per day. For every key
 * (patient or encounter) seen on a day within a group of cells, the index keeps the day on which
 * the group last saw that key before. The distinct keys of days a…b are then the entries of those
 * days whose previous day comes before a: each key is counted once, on its first day in the range.
 * Groups are every department × every section, each department, each section and all cells, so
 * a query grouped by, or filtered to one of, department and section finds its groups here.
 */
export class PreviousDayIndex {
  private readonly groups = new Map<number, GroupRuns>();

  private constructor(readonly dayCount: number) {}

  /**
   * Builds the index of one key kind from the day blocks (in day order), yielding to the event
   * loop between groups of cells so that requests are served meanwhile.
   */
  static async build(blocks: readonly DayBlock[], which: 'patients' | 'encounters', largestKey: number, yieldNow: () => Promise<void>): Promise<PreviousDayIndex> {
    const index = new PreviousDayIndex(blocks.length);
    // Cells by group, in day order: packed day × 65,536 + cell.
    const members = new Map<number, number[]>();
    const add = (key: number, packed: number) => {
      let list = members.get(key);
      if (list === undefined) members.set(key, (list = []));
      list.push(packed);
    };
    blocks.forEach((block, d) => {
      for (let c = 0; c < block.departments.length; c++) {
        const department = block.departments[c]!;
        const section = block.sections[c]!;
        const packed = d * 65_536 + c;
        add(groupKey(department, section), packed);
        add(groupKey(department, ANY_SECTION), packed);
        add(groupKey(ANY_DEPARTMENT, section), packed);
        add(groupKey(ANY_DEPARTMENT, ANY_SECTION), packed);
      }
    });
    const lastDay = new Int32Array(largestKey + 1);
    const owner = new Int32Array(largestKey + 1);
    const Previous = blocks.length < 0xffff ? Uint16Array : Uint32Array;
    let stamp = 0;
    for (const [key, cells] of members) {
      stamp++;
      const offsets = new Int32Array(blocks.length + 1);
      const entries: number[] = [];
      let day = -1;
      let dayStart = 0;
      const closeDay = (next: number) => {
        if (day >= 0) sortRange(entries, dayStart, entries.length);
        for (let d = day + 1; d <= next; d++) offsets[d] = entries.length;
        day = next;
        dayStart = entries.length;
      };
      for (const packed of cells) {
        const d = (packed / 65_536) | 0;
        if (d !== day) closeDay(d);
        const block = blocks[d]!;
        const c = packed & 0xffff;
        const keys = which === 'patients' ? block.patients : block.encounters;
        const bounds = which === 'patients' ? block.patientOffsets : block.encounterOffsets;
        for (let i = bounds[c]!; i < bounds[c + 1]!; i++) {
          const k = keys[i]!;
          if (owner[k] !== stamp) {
            owner[k] = stamp;
            entries.push(0);
          } else if (lastDay[k] === d) {
            continue; // seen in another cell of the group on this day
          } else {
            entries.push(lastDay[k]! + 1);
          }
          lastDay[k] = d;
        }
      }
      closeDay(blocks.length);
      index.groups.set(key, { offsets, previous: Previous.from(entries) });
      if (stamp % 16 === 0) await yieldNow();
    }
    return index;
  }

  /** Distinct keys of the group over days [from, to) (indexes into the days it was built from). */
  count(key: number, from: number, to: number): number {
    const runs = this.groups.get(key);
    if (runs === undefined) return 0;
    const { offsets, previous } = runs;
    const before = from + 1; // entries below this came to the group before `from` or never
    let total = 0;
    for (let d = from; d < to; d++) {
      let low = offsets[d]!;
      const start = low;
      let high = offsets[d + 1]!;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (previous[middle]! < before) low = middle + 1;
        else high = middle;
      }
      total += low - start;
    }
    return total;
  }
}

function sortRange(values: number[], from: number, to: number): void {
  if (to - from < 2) return;
  const sorted = values.slice(from, to).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) values[from + i] = sorted[i]!;
}
