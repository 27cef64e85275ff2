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
  patientOffsets: Int32Array;
  patients: Int32Array;
  encounterOffsets: Int32Array;
  encounters: Int32Array;
}

/** Collects one day's cells as the build streams them, then freezes them into typed arrays. */
export class DayBlockBuilder {
  readonly departments: number[] = [];
  readonly sections: number[] = [];
  readonly sums: number[] = [];
  private readonly cellIndex = new Map<number, number>();
  readonly patients: number[][] = [];
  readonly encounters: number[][] = [];

  constructor(readonly day: string) {}

  addCell(department: number, section: number, sums: readonly number[]): void {
    this.cellIndex.set(department * 64 + section, this.departments.length);
    this.departments.push(department);
    this.sections.push(section);
    this.sums.push(...sums);
    this.patients.push([]);
    this.encounters.push([]);
  }

  cellOf(department: number, section: number): number {
    const index = this.cellIndex.get(department * 64 + section);
    if (index === undefined) throw new Error(`no cell for department ${department}, section ${section} on ${this.day}`);
    return index;
  }

  build(): DayBlock {
    const csr = (lists: number[][]) => {
      const offsets = new Int32Array(lists.length + 1);
      let total = 0;
      lists.forEach((list, i) => {
        offsets[i] = total;
        total += list.length;
      });
      offsets[lists.length] = total;
      const keys = new Int32Array(total);
      lists.forEach((list, i) => keys.set(list, offsets[i]));
      return { offsets, keys };
    };
    const patients = csr(this.patients);
    const encounters = csr(this.encounters);
    return {
      day: this.day,
      departments: Int32Array.from(this.departments),
      sections: Int16Array.from(this.sections),
      sums: Float64Array.from(this.sums),
      patientOffsets: patients.offsets,
      patients: patients.keys,
      encounterOffsets: encounters.offsets,
      encounters: encounters.keys,
    };
  }
}

/**
 * One block for several days (a month's): per (department, section) cell, the sums added and
 * the keys merged into one sorted, distinct run. `day` is the first day the block stands for.
 */
export function mergeDayBlocks(day: string, blocks: readonly DayBlock[]): DayBlock {
  interface Cell {
    department: number;
    section: number;
    sums: Float64Array;
    patients: Int32Array[];
    encounters: Int32Array[];
  }
  const cells = new Map<number, Cell>();
  for (const block of blocks) {
    for (let c = 0; c < block.departments.length; c++) {
      const key = block.departments[c]! * 64 + block.sections[c]!;
      let cell = cells.get(key);
      if (cell === undefined) {
        cells.set(key, (cell = { department: block.departments[c]!, section: block.sections[c]!, sums: new Float64Array(SUM_WIDTH), patients: [], encounters: [] }));
      }
      for (let s = 0; s < SUM_WIDTH; s++) cell.sums[s]! += block.sums[c * SUM_WIDTH + s]!;
      cell.patients.push(block.patients.subarray(block.patientOffsets[c]!, block.patientOffsets[c + 1]!));
      cell.encounters.push(block.encounters.subarray(block.encounterOffsets[c]!, block.encounterOffsets[c + 1]!));
    }
  }
  const ordered = [...cells.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell);
  const csr = (runs: Int32Array[][]) => {
    const merged = runs.map(distinctSorted);
    const offsets = new Int32Array(merged.length + 1);
    merged.forEach((keys, i) => (offsets[i + 1] = offsets[i]! + keys.length));
    const keys = new Int32Array(offsets[merged.length]!);
    merged.forEach((run, i) => keys.set(run, offsets[i]));
    return { offsets, keys };
  };
  const patients = csr(ordered.map((cell) => cell.patients));
  const encounters = csr(ordered.map((cell) => cell.encounters));
  const sums = new Float64Array(ordered.length * SUM_WIDTH);
  ordered.forEach((cell, i) => sums.set(cell.sums, i * SUM_WIDTH));
  return {
    day,
    departments: Int32Array.from(ordered, (cell) => cell.department),
    sections: Int16Array.from(ordered, (cell) => cell.section),
    sums,
    patientOffsets: patients.offsets,
    patients: patients.keys,
    encounterOffsets: encounters.offsets,
    encounters: encounters.keys,
  };
}

/** The distinct keys of several sorted runs, sorted. */
function distinctSorted(runs: readonly Int32Array[]): Int32Array {
  if (runs.length === 1) return runs[0]!;
  const all = new Int32Array(runs.reduce((total, run) => total + run.length, 0));
  let at = 0;
  for (const run of runs) {
    all.set(run, at);
    at += run.length;
  }
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i]!;
  return all.slice(0, kept);
}
