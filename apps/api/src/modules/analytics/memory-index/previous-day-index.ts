import type { DayBlock } from './day-block.js';

/** How long the build holds the event loop before it lets requests through. */
const SLICE_MS = 10;

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
  /** Per distinct key of the group on that day: 1 + the index of the key's previous day in the group, or 0 (shifted above its class, if any); sorted per day. */
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

  /**
   * `classBits`: each entry also carries its key's class in its low bits (the previous day
   * above them), so entries still sort by previous day and a range's keys can be counted by
   * class (encounters by payer) from the same runs.
   */
  private constructor(
    readonly dayCount: number,
    private readonly classBits: number,
  ) {}

  /**
   * Builds the index of one key kind from the day blocks (in day order), yielding to the event
   * loop between groups of cells so that requests are served meanwhile.
   */
  static async build(
    blocks: readonly DayBlock[],
    which: 'patients' | 'encounters',
    largestKey: number,
    yieldNow: () => Promise<void>,
    classes?: Uint8Array,
  ): Promise<PreviousDayIndex> {
    const classBits = classes === undefined ? 0 : CLASS_BITS;
    const index = new PreviousDayIndex(blocks.length, classBits);
    const members = groupMembers(blocks);
    const lastDay = new Int32Array(largestKey + 1);
    const owner = new Int32Array(largestKey + 1);
    const Previous = (blocks.length + 1) << classBits < 0xffff ? Uint16Array : Uint32Array;
    const classOf = (key: number) => (classes === undefined ? 0 : Math.min(key < classes.length ? classes[key]! : 0, CLASS_MASK));
    let stamp = 0;
    let yieldAt = performance.now() + SLICE_MS;
    for (const [key, cells] of members) {
      stamp++;
      // At most one entry per key of each member cell; fewer when cells of a day share keys.
      let room = 0;
      for (const packed of cells) {
        const block = blocks[(packed / 65_536) | 0]!;
        const bounds = which === 'patients' ? block.patientOffsets : block.encounterOffsets;
        room += bounds[(packed & 0xffff) + 1]! - bounds[packed & 0xffff]!;
      }
      const entries = new Previous(room);
      let size = 0;
      const offsets = new Int32Array(blocks.length + 1);
      let day = -1;
      let dayStart = 0;
      const closeDay = (next: number) => {
        if (day >= 0 && size - dayStart > 1) entries.subarray(dayStart, size).sort();
        for (let d = day + 1; d <= next; d++) offsets[d] = size;
        day = next;
        dayStart = size;
      };
      for (const packed of cells) {
        // A slice of the event loop at a time, so requests are served during a rebuild.
        if (performance.now() > yieldAt) {
          await yieldNow();
          yieldAt = performance.now() + SLICE_MS;
        }
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
            entries[size++] = classOf(k);
          } else if (lastDay[k] !== d) {
            entries[size++] = ((lastDay[k]! + 1) << classBits) | classOf(k);
          } else {
            continue; // seen in another cell of the group on this day
          }
          lastDay[k] = d;
        }
      }
      closeDay(blocks.length);
      index.groups.set(key, { offsets, previous: size === room ? entries : entries.slice(0, size) });
    }
    return index;
  }

  /** Distinct keys of the group over days [from, to) (indexes into the days it was built from). */
  count(key: number, from: number, to: number): number {
    let total = 0;
    this.eachFirstSeen(key, from, to, (start, end) => (total += end - start));
    return total;
  }

  /**
   * Distinct keys of the group over days [from, to), by class: `counts[c - 1]` for class c.
   * False (the counts incomplete) when a key of the range has class 0 or CLASS_MASK: unknown,
   * or several. Only for an index built with classes.
   */
  countByClass(key: number, from: number, to: number, counts: Float64Array): boolean {
    if (this.classBits === 0) throw new Error('this index holds no classes');
    const runs = this.groups.get(key);
    let complete = true;
    this.eachFirstSeen(key, from, to, (start, end) => {
      const previous = runs!.previous;
      for (let i = start; i < end && complete; i++) {
        const kind = previous[i]! & CLASS_MASK;
        if (kind === 0 || kind === CLASS_MASK) complete = false;
        else counts[kind - 1]!++;
      }
    });
    return complete;
  }

  /** Per day of [from, to), the entries [start, end) of keys the group had not seen since before `from`. */
  private eachFirstSeen(key: number, from: number, to: number, run: (start: number, end: number) => void): void {
    const runs = this.groups.get(key);
    if (runs === undefined) return;
    const { offsets, previous } = runs;
    // Entries below this came to the group before `from` or never (class bits below it).
    const before = (from + 1) << this.classBits;
    for (let d = from; d < to; d++) {
      let low = offsets[d]!;
      const start = low;
      let high = offsets[d + 1]!;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (previous[middle]! < before) low = middle + 1;
        else high = middle;
      }
      run(start, low);
    }
  }
}

/** Bits of an entry that hold its key's class, and the class that stands for several (or too many). */
const CLASS_BITS = 3;
export const CLASS_MASK = (1 << CLASS_BITS) - 1;

/**
 * The cells of each group, in day order, packed as day × 65,536 + cell: every cell belongs to
 * its own group, its department's, its section's and the group of all cells.
 */
function groupMembers(blocks: readonly DayBlock[]): Map<number, Int32Array> {
  // Group keys get dense numbers, looked up once per (department, section) pair.
  const keys: number[] = [];
  const dense = new Map<number, number>();
  const pairs = new Map<number, Int32Array>();
  const groupsOf = (department: number, section: number): Int32Array => {
    const pair = department * 64 + section;
    let groups = pairs.get(pair);
    if (groups === undefined) {
      const own = [groupKey(department, section), groupKey(department, ANY_SECTION), groupKey(ANY_DEPARTMENT, section), groupKey(ANY_DEPARTMENT, ANY_SECTION)];
      groups = Int32Array.from(own, (key) => {
        let index = dense.get(key);
        if (index === undefined) {
          dense.set(key, (index = keys.length));
          keys.push(key);
        }
        return index;
      });
      pairs.set(pair, groups);
    }
    return groups;
  };
  // Two passes, counting then filling, so that the lists are typed arrays of their exact size.
  let sizes = new Int32Array(64);
  for (const block of blocks) {
    for (let c = 0; c < block.departments.length; c++) {
      for (const g of groupsOf(block.departments[c]!, block.sections[c]!)) {
        if (g >= sizes.length) {
          const grown = new Int32Array(sizes.length * 2);
          grown.set(sizes);
          sizes = grown;
        }
        sizes[g]!++;
      }
    }
  }
  const lists = keys.map((_, g) => new Int32Array(sizes[g]!));
  const filled = new Int32Array(keys.length);
  blocks.forEach((block, d) => {
    for (let c = 0; c < block.departments.length; c++) {
      for (const g of groupsOf(block.departments[c]!, block.sections[c]!)) lists[g]![filled[g]!++] = d * 65_536 + c;
    }
  });
  return new Map(keys.map((key, g) => [key, lists[g]!]));
}
