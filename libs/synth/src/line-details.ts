import { CodeKind } from './code-kind.js';
import type { DepartmentProfile } from './departments.js';
import type { Sfc32 } from './prng.js';
import { MOD_25, MOD_26, MOD_59, MOD_59_RT, MOD_LT, MOD_RT, MOD_TC } from './vocabulary.js';

// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { floor, round } = Math;

/** Modifier index, as a coder would add them: 26/TC on imaging, 25 on E/M with a procedure, laterality, 59. */
export function drawModifier(rng: Sfc32, kind: CodeKind, dept: DepartmentProfile, lineNo: number, lines: number): number {
  const x = rng.next();
  switch (kind) {
    case CodeKind.Radiology:
      if (dept.imaging) return x < 0.5 ? MOD_26 : x < 0.58 ? MOD_TC : 0;
      return x < 0.2 ? MOD_26 : 0;
    case CodeKind.EvaluationManagement:
      return lines > 1 && x < 0.45 ? MOD_25 : 0;
    case CodeKind.Surgery:
      if (dept.lateral) {
        if (x < 0.17) return MOD_LT;
        if (x < 0.34) return MOD_RT;
        if (lineNo > 1 && x < 0.37) return MOD_59_RT;
      }
      return lineNo > 1 && x > 0.94 ? MOD_59 : 0;
    case CodeKind.CategoryII:
      return 0;
    default:
      return lineNo > 1 && x < 0.03 ? MOD_59 : 0;
  }
}

/** Units per line around the code's mean (E/M and anesthesia have mean 1: always 1). */
export function drawUnits(rng: Sfc32, mean: number): number {
  if (mean <= 1) return 1;
  const units = round(mean * (0.5 + rng.next()));
  return units < 1 ? 1 : units > 999 ? 999 : units;
}

/** Actual minutes (-1 = not recorded), for some surgical, anesthesia, imaging and timed codes. */
export function drawMinutes(rng: Sfc32, base: number, share: number, timed: number, units: number): number {
  if (base === 0 || rng.next() >= share) return -1;
  const m = timed ? units * 15 - floor(rng.next() * 8) : round(base * (0.75 + 0.5 * rng.next()));
  return m < 1 ? 1 : m > 1440 ? 1440 : m;
}
