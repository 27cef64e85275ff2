/** The additive sums kept per cell, in this order (the measure components of the same names). */
export const SUM_COMPONENTS = [
  'lines',
  'units',
  'charge_cents',
  'allowed_cents',
  'paid_cents',
  'denied_lines',
  'adjudicated_lines',
  'wrvu_hundredths',
  'expected_cents',
  'unpriced_lines',
] as const;
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

interface CellLines {
  department: number;
  section: number;
  sums: Float64Array;
  patients: number[];
  encounters: number[];
}

/** Claim status codes (CLAIM_STATUSES): paid 0, denied 1; others are not adjudicated yet. */
const DENIED = 1;

/**
 * Collects one day's fact lines in any order, then freezes them into a block: cells in
 * (department, section) order, each with its sums and its sorted, distinct keys.
 */
export class DayBlockBuilder {
  private readonly cells = new Map<number, CellLines>();

  constructor(readonly day: string) {}

  addLine(
    department: number,
    section: number,
    patient: number,
    encounter: number,
    units: number,
    chargeCents: number,
    allowedCents: number,
    paidCents: number,
    claimStatus: number,
    wrvuHundredths = 0,
    expectedCents = 0,
    priced = false,
  ): void {
    const key = department * 64 + section;
    let cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, (cell = { department, section, sums: new Float64Array(SUM_WIDTH), patients: [], encounters: [] }));
    const sums = cell.sums;
    sums[0]!++;
    sums[1]! += units;
    sums[2]! += chargeCents;
    sums[3]! += allowedCents;
    sums[4]! += paidCents;
    if (claimStatus === DENIED) sums[5]!++;
    if (claimStatus === 0 || claimStatus === DENIED) sums[6]!++;
    sums[7]! += wrvuHundredths;
    sums[8]! += expectedCents;
    if (!priced) sums[9]!++;
    cell.patients.push(patient);
    cell.encounters.push(encounter);
  }

  build(): DayBlock {
    const ordered = [...this.cells.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell);
    const csr = (lists: number[][]) => {
      const runs = lists.map(distinctSorted);
      const offsets = new Int32Array(runs.length + 1);
      runs.forEach((run, i) => (offsets[i + 1] = offsets[i]! + run.length));
      const keys = new Int32Array(offsets[runs.length]!);
      runs.forEach((run, i) => keys.set(run, offsets[i]));
      return { offsets, keys };
    };
    const patients = csr(ordered.map((cell) => cell.patients));
    const encounters = csr(ordered.map((cell) => cell.encounters));
    const sums = new Float64Array(ordered.length * SUM_WIDTH);
    ordered.forEach((cell, i) => sums.set(cell.sums, i * SUM_WIDTH));
    return {
      day: this.day,
      departments: Int32Array.from(ordered, (cell) => cell.department),
      sections: Int16Array.from(ordered, (cell) => cell.section),
      sums,
      total: totalOf(sums),
      patientOffsets: patients.offsets,
      patients: patients.keys,
      encounterOffsets: encounters.offsets,
      encounters: encounters.keys,
    };
  }
}

/** The distinct values, sorted. */
function distinctSorted(values: readonly number[]): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i]!;
  return sorted.subarray(0, kept);
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
