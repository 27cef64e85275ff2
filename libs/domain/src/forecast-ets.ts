// Exponential smoothing in its state-space (ETS) form with additive errors, after
// Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", ch. 8:
//
//   forecast    ŷ = (ℓ + φb) + s            additive seasonality
//               ŷ = (ℓ + φb) · s            multiplicative seasonality
//   error       e = y − ŷ
//   level       ℓ ← ℓ + φb + α·e            (α·e / s when multiplicative)
//   trend       b ← φb + β·e                (β·e / s when multiplicative)
//   season      s ← s + γ·e                 (γ·e / (ℓ + φb) when multiplicative)
//
// φ = 1 for an undamped trend; no trend means b = 0 throughout.

import { nelderMead } from './forecast-optimize.js';
import { normalQuantile, quantileOfSorted, seededNormal } from './forecast-random.js';

export type TrendForm = 'none' | 'linear' | 'damped';
export type SeasonForm = 'none' | 'additive' | 'multiplicative';

export interface EtsSpec {
  trend: TrendForm;
  season: SeasonForm;
  /** Periods per season (12 for months, 52 for weeks); ignored without seasonality. */
  m: number;
}

export interface EtsParameters {
  alpha: number;
  beta: number | null;
  gamma: number | null;
  phi: number | null;
}

export interface EtsState {
  level: number;
  trend: number;
  /** Seasonal indices by position in the season; the one for observation t is at t mod m. */
  season: number[];
  /** Observations consumed so far: the next one has index t. */
  t: number;
}

export interface EtsFit {
  spec: EtsSpec;
  parameters: EtsParameters;
  /** One-step-ahead predictions of each observation. */
  fitted: number[];
  sse: number;
  /** The state after the last observation, from which forecasts start. */
  state: EtsState;
  /**
   * Number of estimated parameters: smoothing parameters, initial states (level, trend,
   * m − 1 free seasonal indices) and σ, counted as R's forecast::ets counts them.
   */
  k: number;
}

// Damping below 0.8 flattens a trend within a few periods; above 0.98 it is hard to tell
// from no damping (Hyndman's bounds).
const PHI_MIN = 0.8;
const PHI_MAX = 0.98;
const EDGE = 1e-4;

/** Starting states from the first two seasons (or the first points, without seasonality). */
export function initialState(y: readonly number[], spec: EtsSpec): EtsState {
  if (spec.season === 'none') {
    if (spec.trend === 'none' || y.length < 2) return { level: y[0] ?? 0, trend: 0, season: [], t: 0 };
    // Least-squares line through the first few points; the state sits one step before y[0].
    const k = Math.min(y.length, 10);
    let sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < k; i++) {
      sx += i;
      sy += y[i]!;
      sxx += i * i;
      sxy += i * y[i]!;
    }
    const slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
    const intercept = (sy - slope * sx) / k;
    return { level: intercept - slope, trend: slope, season: [], t: 0 };
  }
  // Classical decomposition of the first two seasons: their means give the level and the
  // slope; what is left of each position, averaged over both seasons, is its index.
  // For a series that is exactly level + slope·t + a fixed pattern this is exact.
  const m = spec.m;
  const mean = (from: number): number => {
    let s = 0;
    for (let i = from; i < from + m; i++) s += y[i]!;
    return s / m;
  };
  const first = mean(0);
  const second = mean(m);
  const slope = spec.trend === 'none' ? 0 : (second - first) / m;
  const centre = (m - 1) / 2;
  const level = (spec.trend === 'none' ? (first + second) / 2 : first - slope * centre) - slope;
  const multiplicative = spec.season === 'multiplicative';
  const season: number[] = [];
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (const [j, seasonMean] of [first, second].entries()) {
      const base = spec.trend === 'none' ? seasonMean : seasonMean + slope * (i - centre);
      const yi = y[j * m + i]!;
      sum += multiplicative ? yi / base : yi - base;
    }
    season.push(sum / 2);
  }
  // Indices sum to zero (additive) or average one (multiplicative), so the level is the level.
  const avg = season.reduce((a, b) => a + b, 0) / m;
  for (let i = 0; i < m; i++) season[i] = multiplicative ? season[i]! / avg : season[i]! - avg;
  return { level, trend: slope, season, t: 0 };
}

function phiOf(spec: EtsSpec, p: EtsParameters): number {
  return spec.trend === 'damped' ? (p.phi ?? 1) : 1;
}

/** Advances the state in place by one observation (or a simulated one); returns ŷ. */
function step(state: EtsState, spec: EtsSpec, p: EtsParameters, y: number): number {
  const damped = state.trend * phiOf(spec, p);
  const base = state.level + damped;
  const pos = spec.season === 'none' ? 0 : state.t % spec.m;
  const s = spec.season === 'none' ? 0 : state.season[pos]!;
  const multiplicative = spec.season === 'multiplicative';
  const prediction = multiplicative ? base * s : base + s;
  const e = y - prediction;
  const scaled = multiplicative ? e / s : e;
  state.level = base + p.alpha * scaled;
  state.trend = spec.trend === 'none' ? 0 : damped + (p.beta ?? 0) * scaled;
  if (spec.season !== 'none') state.season[pos] = s + (p.gamma ?? 0) * (multiplicative ? e / base : e);
  state.t++;
  return prediction;
}

const copyState = (s: EtsState): EtsState => ({ ...s, season: [...s.season] });

/** Runs the one-step-ahead filter over the series. */
export function filter(y: readonly number[], spec: EtsSpec, p: EtsParameters, init: EtsState): Omit<EtsFit, 'k'> {
  const state = copyState(init);
  let sse = 0;
  const fitted: number[] = [];
  for (const v of y) {
    const prediction = step(state, spec, p, v);
    fitted.push(prediction);
    sse += (v - prediction) ** 2;
  }
  return { spec, parameters: p, fitted, sse, state };
}

/** Point forecasts 1..h steps after the state. */
export function pointForecasts(state: EtsState, spec: EtsSpec, p: EtsParameters, h: number): number[] {
  const phi = phiOf(spec, p);
  const out: number[] = [];
  let damping = 0;
  let power = 1;
  for (let j = 1; j <= h; j++) {
    power *= phi;
    damping += power;
    const base = state.level + damping * state.trend;
    if (spec.season === 'none') out.push(base);
    else {
      const s = state.season[(state.t + j - 1) % spec.m]!;
      out.push(spec.season === 'multiplicative' ? base * s : base + s);
    }
  }
  return out;
}

/**
 * Variance of the h-step forecast error over σ², for the models with additive
 * seasonality or none (class 1 of Hyndman et al. 2008, table 6.1):
 * 1 + Σ_{j<h} c_j², with c_j = α + β·(φ + … + φ^j) + γ·[j divisible by m].
 */
export function varianceMultipliers(spec: EtsSpec, p: EtsParameters, h: number): number[] {
  const phi = phiOf(spec, p);
  const out = [1];
  let sum = 1;
  let damping = 0;
  let power = 1;
  for (let j = 1; j < h; j++) {
    power *= phi;
    damping += power;
    const trendPart = spec.trend === 'none' ? 0 : (p.beta ?? 0) * damping;
    const seasonPart = spec.season !== 'none' && j % spec.m === 0 ? (p.gamma ?? 0) : 0;
    sum += (p.alpha + trendPart + seasonPart) ** 2;
    out.push(sum);
  }
  return out;
}

/** Analytic intervals for additive models: ŷ ± z·σ·√multiplier. */
export function analyticIntervals(fit: EtsFit, sigma: number, level: number, h: number): { low: number; high: number }[] {
  const z = normalQuantile((1 + level) / 2);
  const mean = pointForecasts(fit.state, fit.spec, fit.parameters, h);
  return varianceMultipliers(fit.spec, fit.parameters, h).map((v, i) => {
    const half = z * sigma * Math.sqrt(v);
    return { low: mean[i]! - half, high: mean[i]! + half };
  });
}

/**
 * Simulated intervals (multiplicative seasonality has no closed form): `paths` futures
 * driven by normal errors of the in-sample σ, from a seeded generator, and their
 * (1 − level)/2 and (1 + level)/2 quantiles at each step.
 */
export function simulatedIntervals(
  fit: EtsFit,
  sigma: number,
  level: number,
  h: number,
  seed: number,
  paths = 2000,
): { low: number; high: number }[] {
  const draw = seededNormal(seed);
  const byStep: number[][] = Array.from({ length: h }, () => []);
  for (let n = 0; n < paths; n++) {
    const state = copyState(fit.state);
    for (let j = 0; j < h; j++) {
      const y = pointForecasts(state, fit.spec, fit.parameters, 1)[0]! + sigma * draw();
      byStep[j]!.push(y);
      step(state, fit.spec, fit.parameters, y);
    }
  }
  return byStep.map((values) => {
    values.sort((a, b) => a - b);
    return { low: quantileOfSorted(values, (1 - level) / 2), high: quantileOfSorted(values, (1 + level) / 2) };
  });
}

const logistic = (u: number): number => 1 / (1 + Math.exp(-u));
const between = (lo: number, hi: number, u: number): number => lo + (hi - lo) * logistic(u);

/**
 * Smoothing parameters from unconstrained coordinates, inside the usual region
 * 0 < β < α < 1, 0 < γ < 1 − α, φ_min ≤ φ ≤ φ_max, so the optimiser needs no bounds.
 */
function decode(u: readonly number[], spec: EtsSpec): EtsParameters {
  const coordinates = [...u];
  const next = (): number => coordinates.shift()!;
  const alpha = between(EDGE, 1 - EDGE, next());
  const beta = spec.trend === 'none' ? null : alpha * between(EDGE, 1 - EDGE, next());
  const gamma = spec.season === 'none' ? null : (1 - alpha) * between(EDGE, 1 - EDGE, next());
  const phi = spec.trend === 'damped' ? between(PHI_MIN, PHI_MAX, next()) : null;
  return { alpha, beta, gamma, phi };
}

function dimension(spec: EtsSpec): number {
  return 1 + (spec.trend === 'none' ? 0 : 1) + (spec.season === 'none' ? 0 : 1) + (spec.trend === 'damped' ? 1 : 0);
}

/**
 * Smoothing parameters that minimise the sum of squared one-step errors: Nelder–Mead
 * from a fixed start (α 0.5, β 0.1α, γ 0.1(1 − α), φ 0.89), then once more from the
 * best point, which cures most early stalls. Deterministic.
 */
export function fitEts(y: readonly number[], spec: EtsSpec): EtsFit {
  const init = initialState(y, spec);
  const sse = (u: readonly number[]): number => filter(y, spec, decode(u, spec), init).sse;
  const dim = dimension(spec);
  const start = new Array<number>(dim).fill(-2.2);
  start[0] = 0;
  if (spec.trend === 'damped') start[dim - 1] = 0;
  let best = nelderMead(sse, start, { step: 1 });
  best = nelderMead(sse, best.point, { step: 0.5 });
  const parameters = decode(best.point, spec);
  const states = 1 + (spec.trend === 'none' ? 0 : 1) + (spec.season === 'none' ? 0 : spec.m - 1);
  return { ...filter(y, spec, parameters, init), k: dim + states + 1 };
}

/**
 * Akaike information criterion of a fit with Gaussian errors, and its small-sample
 * correction (infinite when there are too few observations for it).
 */
export function informationCriteria(fit: EtsFit, n: number, sseFloor: number): { aic: number; aicc: number } {
  const k = fit.k;
  // An exact fit has SSE 0; the floor keeps the logarithm finite and lets ties fall to
  // the model with fewer parameters.
  const aic = n * Math.log(Math.max(fit.sse, sseFloor) / n) + 2 * k;
  return { aic, aicc: n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY };
}

/** Residual standard deviation with the degrees of freedom left after every estimate. */
export function residualSd(fit: EtsFit, n: number): number {
  return Math.sqrt(fit.sse / Math.max(n - fit.k, 1));
}
