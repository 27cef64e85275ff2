import { CODE_MIX, type CodeMixRow } from './code-mix.generated.js';
import { CodeKind, codeKind, isVisitCode } from './code-kind.js';
import type { DepartmentProfile } from './departments.js';
import { EXTRA_CODES } from './extra-codes.js';
import { cumulative, hashUnit, mix32 } from './prng.js';

/** One department's codes as parallel typed arrays, so drawing a line allocates nothing. */
export interface CodeTable {
  readonly codes: readonly string[];
  readonly cum: Float64Array;
  /** Cumulative weights without E/M codes: an encounter's second and later lines. */
  readonly cumAncillary: Float64Array;
  readonly kind: Uint8Array;
  /** Mean units per line; 1 means always one unit. */
  readonly units: Float64Array;
  /** Per unit, in PUF (2012) dollars: the department's chargemaster price. */
  readonly charge: Float64Array;
  /** Medicare allowed per unit and Medicare's paid ÷ allowed. */
  readonly allowed: Float64Array;
  readonly paidRatio: Float64Array;
  /** Typical minutes (0 = not recorded) and the chance the line records them. */
  readonly minutes: Float64Array;
  readonly minutesShare: Float64Array;
  /** 1 for timed therapy codes: minutes follow units × 15. */
  readonly timed: Uint8Array;
}

const PSYCHOTHERAPY_MINUTES: Readonly<Record<string, number>> = {
  '90832': 30, '90833': 30, '90834': 45, '90836': 45, '90837': 60, '90838': 60, '90791': 60, '90792': 60,
  '99291': 55, '99292': 30,
};

function minutesOf(code: string, kind: CodeKind, allowed: number, dept: DepartmentProfile): [number, number, number] {
  const n = Number(code);
  if (n >= 97110 && n <= 97546) return [15, 0.65, 1];
  const fixed = PSYCHOTHERAPY_MINUTES[code];
  if (fixed !== undefined) return [fixed, 0.7, 0];
  switch (kind) {
    case CodeKind.Anesthesia:
      return [30 + 40 * Math.log1p(allowed / 60), 0.9, 0];
    case CodeKind.Surgery:
      return [10 + 20 * Math.log1p(allowed / 50), dept.surgical ? 0.55 : 0.2, 0];
    case CodeKind.Radiology:
      return [8 + 10 * Math.log1p(allowed / 5), dept.imaging ? 0.45 : 0.15, 0];
    default:
      return [0, 0, 0];
  }
}

export function buildCodeTable(dept: DepartmentProfile, deptIndex: number, seedKey: number): CodeTable {
  const mix = CODE_MIX.find((m) => m.specialty === dept.specialty);
  if (!mix) throw new Error(`no code mix for specialty ${dept.specialty} (department ${dept.code})`);
  const extras = EXTRA_CODES[dept.code] ?? [];
  const extraShare = extras.reduce((s, e) => s + e.share, 0);
  const rows: CodeMixRow[] = [
    ...mix.codes.map(([c, w, u, ch, al, pd]): CodeMixRow => [c, w * (1 - extraShare), u, ch, al, pd]),
    ...extras.map((e): CodeMixRow => [e.code, e.share, 1, e.charge, e.allowed, e.paid]),
  ];
  const n = rows.length;
  const table = {
    codes: rows.map((r) => r[0]),
    cum: cumulative(rows.map((r) => r[1])),
    cumAncillary: cumulative(rows.map(([code, weight]) => (isVisitCode(code) ? 0 : weight))),
    kind: new Uint8Array(n),
    units: new Float64Array(n),
    charge: new Float64Array(n),
    allowed: new Float64Array(n),
    paidRatio: new Float64Array(n),
    minutes: new Float64Array(n),
    minutesShare: new Float64Array(n),
    timed: new Uint8Array(n),
  };
  rows.forEach(([code, , units, charge, allowed, paid], i) => {
    const kind = codeKind(code);
    const perCase = isVisitCode(code) || kind === CodeKind.Anesthesia;
    const priceNoise = 0.82 + 0.36 * hashUnit(seedKey, deptIndex, mix32(Number.parseInt(code, 36)));
    table.kind[i] = kind;
    table.units[i] = perCase || units < 1.05 ? 1 : units;
    table.charge[i] = Math.max(charge, allowed) * priceNoise;
    table.allowed[i] = allowed;
    table.paidRatio[i] = allowed > 0 ? Math.min(1, paid / allowed) : 0;
    [table.minutes[i], table.minutesShare[i], table.timed[i]] = minutesOf(code, kind, allowed, dept);
  });
  return table;
}
