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
