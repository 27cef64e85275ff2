// Nelder–Mead downhill simplex: enough for the four smoothing parameters of a
// Holt-Winters model, needs no gradient, and is deterministic for a given start.

export interface Minimum {
  point: number[];
  value: number;
  evaluations: number;
}

export interface SimplexOptions {
  /** Edge of the starting simplex along each axis. */
  step?: number;
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this (relative to their size). */
  tolerance?: number;
}

export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], opts: SimplexOptions = {}): Minimum {
  const dim = start.length;
  const step = opts.step ?? 1;
  const maxEvaluations = opts.maxEvaluations ?? 300 * Math.max(dim, 1);
  const tolerance = opts.tolerance ?? 1e-10;
  let evaluations = 0;
  // A failed evaluation (NaN) must lose every comparison.
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const simplex: { x: number[]; v: number }[] = [{ x: [...start], v: value([...start]) }];
  for (let i = 0; i < dim; i++) {
    const x = [...start];
    x[i] = x[i]! + step;
    simplex.push({ x, v: value(x) });
  }
  if (dim === 0) return { point: [], value: simplex[0]!.v, evaluations };

  const along = (from: number[], to: number[], t: number): number[] => from.map((a, i) => a + t * (to[i]! - a));

  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    const spread = Math.abs(worst.v - best.v);
    if (spread <= tolerance * (Math.abs(best.v) + tolerance)) break;

    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j]! += simplex[i]!.x[j]! / dim;

    const reflected = along(centroid, worst.x, -1);
    const vr = value(reflected);
    if (vr < best.v) {
      const expanded = along(centroid, worst.x, -2);
      const ve = value(expanded);
      simplex[dim] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
      continue;
    }
    if (vr < simplex[dim - 1]!.v) {
      simplex[dim] = { x: reflected, v: vr };
      continue;
    }
    const outside = vr < worst.v;
    const contracted = along(centroid, outside ? reflected : worst.x, 0.5);
    const vc = value(contracted);
    if (vc < (outside ? vr : worst.v)) {
      simplex[dim] = { x: contracted, v: vc };
      continue;
    }
    for (let i = 1; i <= dim; i++) {
      const x = along(best.x, simplex[i]!.x, 0.5);
      simplex[i] = { x, v: value(x) };
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { point: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
