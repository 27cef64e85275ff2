// Volume forecasts for capacity planning: exponential smoothing (Holt-Winters / ETS)
// fitted by least squares on one-step-ahead errors, with prediction intervals, and a
// backtest that scores the method on the last year the history already knows.

import {
  analyticIntervals,
  fitEts,
  informationCriteria,
  pointForecasts,
  residualSd,
  simulatedIntervals,
  type EtsFit,
  type EtsSpec,
  type SeasonForm,
  type TrendForm,
} from './forecast-ets.js';

export type { SeasonForm, TrendForm } from './forecast-ets.js';

export const FORECAST_MAX_HORIZON = 18;
export const DEFAULT_FORECAST_HORIZON = 12;
export const DEFAULT_INTERVAL_LEVEL = 0.8;
export const DEFAULT_BACKTEST_HOLDOUT = 12;

export const FORECAST_METHODS = ['holt_winters', 'holt', 'simple_exponential_smoothing', 'naive', 'zero'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export interface ForecastOptions {
  /** Steps ahead, 1..18; default 12. */
  horizon?: number;
  /** Periods per season: 12 for a monthly series (default), 52 for a weekly one. */
  seasonLength?: number;
  /** `auto` (default) picks by AICc; multiplicative is tried only on a series above zero throughout. */
  seasonality?: 'auto' | 'additive' | 'multiplicative';
  /** `auto` (default) picks none, linear or damped by AICc. */
  trend?: 'auto' | TrendForm;
  /** Coverage of the prediction interval, 0..1 exclusive; default 0.8. */
  level?: number;
  /** Seed of the simulated intervals (multiplicative seasonality); default 1. */
  seed?: number;
}

export interface ForecastParameters {
  /** Level smoothing. */
  alpha: number | null;
  /** Trend smoothing (error-correction form: b ← φb + β·e). */
  beta: number | null;
  /** Seasonal smoothing. */
  gamma: number | null;
  /** Trend damping. */
  phi: number | null;
}

export interface ForecastPoint {
  /** 1 = the period right after the history. */
  step: number;
  value: number;
  low: number;
  high: number;
}

export interface ForecastResult {
  method: ForecastMethod;
  /** For display, e.g. "Holt-Winters, additive seasonality, damped trend". */
  label: string;
  /** ETS notation (error, trend, season), e.g. "ETS(A,Ad,A)"; null for the naive and zero forecasts. */
  model: string | null;
  trend: TrendForm;
  seasonality: SeasonForm;
  seasonLength: number | null;
  parameters: ForecastParameters;
  /** Why a simpler model than asked for was used; null when none was needed. */
  fallback: string | null;
  /** How the interval was obtained: ETS variance formulas, seeded simulation, or none (too little history). */
  intervalMethod: 'analytic' | 'simulation' | 'none';
  level: number;
  /** Standard deviation of the in-sample one-step errors. */
  residualSd: number;
  /** Length of the history, missing periods counted as zeros. */
  observations: number;
  /** One-step-ahead predictions of the history. */
  fitted: number[];
  points: ForecastPoint[];
}

/**
 * Forecasts a regular series (one value per month or week, oldest first). Missing
 * periods — `null`, `undefined` or not a number — count as zero volume. Values and
 * interval bounds are never below zero: volumes cannot be negative.
 */
export function forecast(series: readonly (number | null | undefined)[], options: ForecastOptions = {}): ForecastResult {
  const horizon = options.horizon ?? DEFAULT_FORECAST_HORIZON;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > FORECAST_MAX_HORIZON) {
    throw new RangeError(`horizon must be a whole number from 1 to ${FORECAST_MAX_HORIZON} (got ${horizon})`);
  }
  return forecastSteps(cleanSeries(series), options, horizon);
}

export interface BacktestOptions extends Omit<ForecastOptions, 'horizon'> {
  /** Periods held out at the end and forecast from the rest; default 12. */
  holdout?: number;
}

export interface BacktestPoint extends ForecastPoint {
  actual: number;
}

export interface BacktestResult {
  holdout: number;
  /** The forecast fitted on the history without the holdout. */
  forecast: ForecastResult;
  points: BacktestPoint[];
  /** Mean absolute percentage error as a fraction (0.05 = 5%), over non-zero actuals; null if all are zero. */
  mape: number | null;
  /** Mean absolute error over the in-sample mean absolute error of the scale's naive forecast; null if that is zero. */
  mase: number | null;
  /** Seasonal naive (same period last season) when the training part is longer than a season, else last value. */
  maseScale: 'seasonal_naive' | 'naive' | null;
  /** Share of held-out actuals inside the prediction interval. */
  coverage: number;
}

/** Holds out the last `holdout` periods, forecasts them from the rest, and scores the forecast. */
export function backtest(series: readonly (number | null | undefined)[], options: BacktestOptions = {}): BacktestResult {
  const values = cleanSeries(series);
  const holdout = options.holdout ?? DEFAULT_BACKTEST_HOLDOUT;
  if (!Number.isInteger(holdout) || holdout < 1 || holdout >= values.length) {
    throw new RangeError(
      `holdout must be a whole number from 1 to ${values.length - 1}, less than the series' length (got ${holdout})`,
    );
  }
  const train = values.slice(0, values.length - holdout);
  const actuals = values.slice(values.length - holdout);
  const result = forecastSteps(train, options, holdout);
  const points = result.points.map((p, i) => ({ ...p, actual: actuals[i]! }));

  const nonZero = points.filter((p) => p.actual !== 0);
  const mape = nonZero.length === 0 ? null : mean(nonZero.map((p) => Math.abs(p.actual - p.value) / Math.abs(p.actual)));

  const m = seasonLengthOf(options);
  const lag = train.length > m ? m : 1;
  let mase: number | null = null;
  let maseScale: BacktestResult['maseScale'] = null;
  if (train.length > lag) {
    const scale = mean(train.slice(lag).map((v, i) => Math.abs(v - train[i]!)));
    if (scale > 0) {
      mase = mean(points.map((p) => Math.abs(p.actual - p.value))) / scale;
      maseScale = lag === m && m > 1 ? 'seasonal_naive' : 'naive';
    }
  }
  const coverage = points.filter((p) => p.actual >= p.low && p.actual <= p.high).length / points.length;
  return { holdout, forecast: result, points, mape, mase, maseScale, coverage };
}

function cleanSeries(series: readonly (number | null | undefined)[]): number[] {
  if (series.length === 0) throw new RangeError('an empty series cannot be forecast');
  return series.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0));
}

function seasonLengthOf(options: ForecastOptions): number {
  const m = options.seasonLength ?? 12;
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`seasonLength must be a whole number of at least 2 (got ${m})`);
  return m;
}

// Below this many points a fitted trend says more about noise than about direction.
const MIN_POINTS_FOR_TREND = 8;

interface Plan {
  specs: EtsSpec[];
  fallback: string | null;
}

function plan(y: readonly number[], options: ForecastOptions, m: number): Plan {
  const n = y.length;
  const notes: string[] = [];
  const trendAsked = options.trend ?? 'auto';
  let trends: TrendForm[] = trendAsked === 'auto' ? ['none', 'linear', 'damped'] : [trendAsked];
  let seasons: SeasonForm[];
  if (n < 2 * m) {
    seasons = ['none'];
    notes.push(`fewer than two full seasons (${n} of ${2 * m} periods), so no seasonality`);
    if (n < MIN_POINTS_FOR_TREND && trends.some((t) => t !== 'none')) {
      trends = ['none'];
      notes.push(`fewer than ${MIN_POINTS_FOR_TREND} periods, so no trend`);
    }
  } else {
    const positive = y.every((v) => v > 0);
    const asked = options.seasonality ?? 'auto';
    if (asked === 'multiplicative' && !positive) {
      notes.push('multiplicative seasonality needs volume above zero in every period, so additive');
    }
    seasons =
      asked === 'additive' || !positive ? ['additive'] : asked === 'multiplicative' ? ['multiplicative'] : ['additive', 'multiplicative'];
  }
  const specs = seasons.flatMap((season) => trends.map((trend) => ({ trend, season, m })));
  return { specs, fallback: notes.length === 0 ? null : capitalise(notes.join('; ')) };
}

function forecastSteps(values: number[], options: ForecastOptions, h: number): ForecastResult {
  const level = options.level ?? DEFAULT_INTERVAL_LEVEL;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1 (got ${level})`);
  const m = seasonLengthOf(options);
  const n = values.length;
  const base = { level, observations: n };

  const scale = mean(values.map(Math.abs));
  if (scale === 0) {
    return {
      ...base,
      ...simple('zero', 'Zero (no volume in the history)', 'No volume in the history'),
      residualSd: 0,
      fitted: values.map(() => 0),
      points: steps(h, () => ({ value: 0, low: 0, high: 0 })),
    };
  }
  if (n === 1) {
    const v = Math.max(0, values[0]!);
    return {
      ...base,
      ...simple('naive', 'Naive (last value)', 'A single period of history: its value is carried forward, without an interval'),
      residualSd: 0,
      fitted: [values[0]!],
      points: steps(h, () => ({ value: v, low: v, high: v })),
    };
  }

  // Fitting on values of order one keeps the optimiser's tolerances meaningful for a
  // series of a few procedures and for one of thousands alike.
  const y = values.map((v) => v / scale);
  const { specs, fallback } = plan(y, options, m);
  const fits = specs.map((spec) => fitEts(y, spec));
  const fit = choose(fits, n);
  const sigma = residualSd(fit, n);
  const multiplicative = fit.spec.season === 'multiplicative';
  const intervals = multiplicative
    ? simulatedIntervals(fit, sigma, level, h, options.seed ?? 1)
    : analyticIntervals(fit, sigma, level, h);
  const expected = pointForecasts(fit.state, fit.spec, fit.parameters, h);
  const clamp = (v: number): number => Math.max(0, v * scale);
  const method: ForecastMethod =
    fit.spec.season !== 'none' ? 'holt_winters' : fit.spec.trend !== 'none' ? 'holt' : 'simple_exponential_smoothing';
  return {
    ...base,
    method,
    label: labelOf(method, fit.spec),
    model: `ETS(A,${{ none: 'N', linear: 'A', damped: 'Ad' }[fit.spec.trend]},${{ none: 'N', additive: 'A', multiplicative: 'M' }[fit.spec.season]})`,
    trend: fit.spec.trend,
    seasonality: fit.spec.season,
    seasonLength: fit.spec.season === 'none' ? null : m,
    parameters: fit.parameters,
    fallback,
    intervalMethod: multiplicative ? 'simulation' : 'analytic',
    residualSd: sigma * scale,
    fitted: fit.fitted.map((v) => v * scale),
    points: steps(h, (i) => ({ value: clamp(expected[i]!), low: clamp(intervals[i]!.low), high: clamp(intervals[i]!.high) })),
  };
}

/**
 * The fit with the lowest AICc; by plain AIC when the history is too short for the
 * correction in some candidate (AICc would then rule that candidate out unheard).
 * Ties go to the earlier, simpler candidate.
 */
function choose(fits: readonly EtsFit[], n: number): EtsFit {
  const scores = fits.map((f) => informationCriteria(f, n, n * 1e-20));
  const corrected = scores.every((s) => Number.isFinite(s.aicc));
  let best = 0;
  for (let i = 1; i < fits.length; i++) {
    const score = (j: number): number => (corrected ? scores[j]!.aicc : scores[j]!.aic);
    if (score(i) < score(best)) best = i;
  }
  return fits[best]!;
}

function simple(method: 'zero' | 'naive', label: string, fallback: string) {
  return {
    method,
    label,
    model: null,
    trend: 'none' as const,
    seasonality: 'none' as const,
    seasonLength: null,
    parameters: { alpha: null, beta: null, gamma: null, phi: null },
    fallback,
    intervalMethod: 'none' as const,
  };
}

function labelOf(method: ForecastMethod, spec: EtsSpec): string {
  const trend = { none: 'no trend', linear: 'linear trend', damped: 'damped trend' }[spec.trend];
  switch (method) {
    case 'holt_winters':
      return `Holt-Winters, ${spec.season} seasonality, ${trend}`;
    case 'holt':
      return `Holt, ${trend}`;
    default:
      return 'Simple exponential smoothing';
  }
}

function steps(h: number, at: (i: number) => Omit<ForecastPoint, 'step'>): ForecastPoint[] {
  return Array.from({ length: h }, (_, i) => ({ step: i + 1, ...at(i) }));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
