import { buildCodeTable, type CodeTable } from './code-tables.js';
import type { DepartmentProfile } from './departments.js';
import { randomNpi } from './npi.js';
import { cumulative, type Sfc32 } from './prng.js';

/** A department ready for drawing: its code table and cumulative weight tables. */
export interface DeptRuntime {
  readonly index: number;
  readonly profile: DepartmentProfile;
  readonly code: string;
  readonly table: CodeTable;
  readonly codeTotal: number;
  /** Weight total of cumAncillary; 0 when the department has only E/M codes. */
  readonly ancillaryTotal: number;
  readonly pos: readonly string[];
  readonly posCum: Float64Array;
  readonly bandCum: Float64Array;
  readonly encounterCum: Float64Array;
  readonly npis: readonly string[];
  readonly npiCum: Float64Array;
  /** Share of encounters billed without a rendering provider (facility-only lab work). */
  readonly noNpiShare: number;
}

const last = (cum: Float64Array): number => cum[cum.length - 1] ?? 0;

export function buildDepartments(profiles: readonly DepartmentProfile[], rng: Sfc32, seedKey: number): DeptRuntime[] {
  const taken = new Set<string>();
  return profiles.map((profile, k) => {
    const table = buildCodeTable(profile, k, seedKey);
    const npis = Array.from({ length: profile.providers }, () => randomNpi(rng, taken));
    return {
      index: k,
      profile,
      code: profile.code,
      table,
      codeTotal: last(table.cum),
      ancillaryTotal: last(table.cumAncillary),
      pos: profile.pos.map(([code]) => code),
      posCum: cumulative(profile.pos.map(([, w]) => w)),
      bandCum: cumulative([...profile.bands]),
      encounterCum: cumulative([...profile.encounter]),
      npis,
      // A few busy providers and a tail of part-timers.
      npiCum: cumulative(npis.map((_, i) => 1 / (1 + 0.35 * i))),
      noNpiShare: profile.code === 'LAB' ? 0.25 : 0,
    };
  });
}

export function total(cum: Float64Array): number {
  return last(cum);
}
