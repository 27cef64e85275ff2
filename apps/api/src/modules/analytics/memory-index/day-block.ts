/** The additive sums kept per cell, in this order (the measure components of the same names). */
export const SUM_COMPONENTS = ['lines', 'units', 'charge_cents', 'allowed_cents', 'paid_cents', 'denied_lines', 'adjudicated_lines'] as const;
export const SUM_WIDTH = SUM_COMPONENTS.length;

/**
 * One service date of the facts, as cells of (department, section) in that order: per cell the
 * additive sums and the sorted, distinct patient and encounter keys (CSR layout: the keys of
 * cell i are keys[offsets[i]] … keys[offsets[i + 1] - 1]).
 */
export interface DayBlock {
  day: string;
  departments: Int32Array;
  sections: Int16Array;
  sums: Float64Array;
  /** The sums of all its cells: what a slice without department or section needs. */
  total: Float64Array;
  patientOffsets: Int32Array;
  patients: Int32Array;
  encounterOffsets: Int32Array;
  encounters: Int32Array;
}

/** The keys of one kind for a day, as they stream in cell by cell, in a typed array that grows. */
class KeyRuns {
  private keys = new Int32Array(256);
  private size = 0;
  private readonly counts: number[] = [];
  private lastCell = 0;

  add(cell: number, key: number): void {
    if (cell < this.lastCell) throw new Error('keys must arrive in cell order');
    this.lastCell = cell;
    if (this.size === this.keys.length) {
      const grown = new Int32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.size++] = key;
    this.counts[cell] = (this.counts[cell] ?? 0) + 1;
  }

  csr(cells: number): { offsets: Int32Array; keys: Int32Array } {
    const offsets = new Int32Array(cells + 1);
    for (let i = 0; i < cells; i++) offsets[i + 1] = offsets[i]! + (this.counts[i] ?? 0);
    return { offsets, keys: this.keys.slice(0, this.size) };
  }
}

/**
 * Collects one day's cells as the build streams them: first every cell with its sums, in
 * (department, section) order, then the keys of each kind in the same cell order.
 */
export class DayBlockBuilder {
  readonly departments: number[] = [];
  readonly sections: number[] = [];
  readonly sums: number[] = [];
  private readonly cellIndex = new Map<number, number>();
  private readonly keys = { patients: new KeyRuns(), encounters: new KeyRuns() };

  constructor(readonly day: string) {}

  addCell(department: number, section: number, sums: readonly number[]): void {
    this.cellIndex.set(department * 64 + section, this.departments.length);
    this.departments.push(department);
    this.sections.push(section);
    this.sums.push(...sums);
  }

  /** Adds a key to a cell; keys come sorted and distinct within a cell, cells in order. */
  addKey(which: 'patients' | 'encounters', department: number, section: number, key: number): void {
    const cell = this.cellIndex.get(department * 64 + section);
    if (cell === undefined) throw new Error(`no cell for department ${department}, section ${section} on ${this.day}`);
    this.keys[which].add(cell, key);
  }

  build(): DayBlock {
    const patients = this.keys.patients.csr(this.departments.length);
    const encounters = this.keys.encounters.csr(this.departments.length);
    return {
      day: this.day,
      departments: Int32Array.from(this.departments),
      sections: Int16Array.from(this.sections),
      sums: Float64Array.from(this.sums),
      total: totalOf(this.sums),
      patientOffsets: patients.offsets,
      patients: patients.keys,
      encounterOffsets: encounters.offsets,
      encounters: encounters.keys,
    };
  }
}

/**
 * One block for several days (a month's): per (department, section) cell, the sums added. It
 * holds no keys: distinct counts over whole months come from the previous-day index, or from
 * the day blocks. `day` is the first day the block stands for.
 */
export function mergeDayBlocks(day: string, blocks: readonly DayBlock[]): DayBlock {
  const cells = new Map<number, Float64Array>();
  for (const block of blocks) {
    for (let c = 0; c < block.departments.length; c++) {
      const key = block.departments[c]! * 64 + block.sections[c]!;
      let sums = cells.get(key);
      if (sums === undefined) cells.set(key, (sums = new Float64Array(SUM_WIDTH)));
      for (let s = 0; s < SUM_WIDTH; s++) sums[s]! += block.sums[c * SUM_WIDTH + s]!;
    }
  }
  const ordered = [...cells.entries()].sort(([a], [b]) => a - b);
  const sums = new Float64Array(ordered.length * SUM_WIDTH);
  ordered.forEach(([, cell], i) => sums.set(cell, i * SUM_WIDTH));
  const noKeys = new Int32Array(ordered.length + 1);
  return {
    day,
    departments: Int32Array.from(ordered, ([key]) => Math.floor(key / 64)),
    sections: Int16Array.from(ordered, ([key]) => key % 64),
    sums,
    total: totalOf(sums),
    patientOffsets: noKeys,
    patients: new Int32Array(0),
    encounterOffsets: noKeys,
    encounters: new Int32Array(0),
  };
}

function totalOf(sums: ArrayLike<number>): Float64Array {
  const total = new Float64Array(SUM_WIDTH);
  for (let i = 0; i < sums.length; i++) total[i % SUM_WIDTH]! += sums[i]!;
  return total;
}
