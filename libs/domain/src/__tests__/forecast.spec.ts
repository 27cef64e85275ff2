import { backtest, forecast, FORECAST_MAX_HORIZON } from '../forecast.js';
import { normalQuantile, seededRandom } from '../forecast-random.js';
import { completeSeries, followingPeriods, seasonLengthOf } from '../forecast-series.js';
import * as domain from '../index.js';

// A year's pattern that sums to zero, so it moves nothing but the season.
const PATTERN = [5, 3, 8, -2, -6, 4, 9, -1, -7, -3, 2, -12];

/** level + slope·t + pattern: what an exact additive Holt-Winters model describes. */
const additive = (t: number): number => 100 + 2 * t + PATTERN[t % 12]!;
const history = (n: number, f: (t: number) => number): number[] => Array.from({ length: n }, (_, t) => f(t));

// Mulberry32 and Box–Muller, so that the noisy series are the same on every run.
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const widths = (r: { points: { low: number; high: number }[] }): number[] => r.points.map((p) => p.high - p.low);

describe('forecast', () => {
  it('continues a series of known level, trend and additive seasonality exactly', () => {
    const result = forecast(history(48, additive), { horizon: 18 });
    expect(result).toMatchObject({
      method: 'holt_winters',
      model: 'ETS(A,A,A)',
      trend: 'linear',
      seasonality: 'additive',
      seasonLength: 12,
      fallback: null,
      intervalMethod: 'analytic',
      observations: 48,
    });
    expect(result.label).toBe('Holt-Winters, additive seasonality, linear trend');
    expect(result.points).toHaveLength(18);
    result.points.forEach((p, i) => expect(p.value).toBeCloseTo(additive(48 + i), 6));
    expect(result.residualSd).toBeLessThan(1e-6);
  });

  it('carries the fitted parameters for display, inside their bounds', () => {
    const { parameters } = forecast(history(48, additive));
    expect(parameters.alpha).toBeGreaterThan(0);
    expect(parameters.alpha).toBeLessThan(1);
    expect(parameters.beta).toBeGreaterThan(0);
    expect(parameters.beta).toBeLessThan(parameters.alpha!);
    expect(parameters.gamma).toBeGreaterThan(0);
    expect(parameters.gamma).toBeLessThan(1 - parameters.alpha!);
    expect(parameters.phi).toBeNull();
  });

  it('repeats a pure seasonal pattern without inventing a trend', () => {
    const pure = (t: number): number => 50 + PATTERN[t % 12]!;
    const result = forecast(history(36, pure), { horizon: 12 });
    expect(result.trend).toBe('none');
    expect(result.seasonality).toBe('additive');
    result.points.forEach((p, i) => expect(p.value).toBeCloseTo(pure(36 + i), 6));
  });

  it('fits multiplicative seasonality where the swing grows with the level', () => {
    const growing = (t: number): number => (100 + 3 * t) * (1 + PATTERN[t % 12]! / 20);
    const result = forecast(history(48, growing), { horizon: 12 });
    expect(result.seasonality).toBe('multiplicative');
    expect(result.intervalMethod).toBe('simulation');
    result.points.forEach((p, i) => expect(Math.abs(p.value / growing(48 + i) - 1)).toBeLessThan(0.01));
  });

  it('gives a flat forecast, with no width, for a flat series', () => {
    const result = forecast(new Array(30).fill(7), { horizon: 6 });
    expect(result.trend).toBe('none');
    for (const p of result.points) {
      expect(p.value).toBeCloseTo(7, 9);
      expect(p.high - p.low).toBeCloseTo(0, 9);
    }
  });

  it('forecasts a weekly series with a 52-week season', () => {
    const weekly = (t: number): number => 300 + 0.5 * t + 40 * Math.sin((2 * Math.PI * t) / 52);
    const result = forecast(history(156, weekly), { seasonLength: 52, horizon: 18 });
    expect(result.seasonLength).toBe(52);
    result.points.forEach((p, i) => expect(p.value).toBeCloseTo(weekly(156 + i), 5));
  });

  it('gives the same answer for a near-zero series, scaled', () => {
    const tiny = forecast(history(48, (t) => additive(t) * 1e-6), { horizon: 6 });
    tiny.points.forEach((p, i) => expect(p.value / 1e-6).toBeCloseTo(additive(48 + i), 4));
  });

  it('counts missing periods as zero volume', () => {
    const gappy: (number | null | undefined)[] = history(36, additive);
    gappy[5] = null;
    gappy[17] = undefined;
    gappy[20] = Number.NaN;
    const zeros = gappy.map((v) => (typeof v === 'number' && !Number.isNaN(v) ? v : 0));
    expect(forecast(gappy)).toEqual(forecast(zeros));
  });

  it('forecasts zero, with no interval, when the history has no volume', () => {
    const result = forecast([0, null, 0, 0], { horizon: 3 });
    expect(result.method).toBe('zero');
    expect(result.points).toEqual([
      { step: 1, value: 0, low: 0, high: 0 },
      { step: 2, value: 0, low: 0, high: 0 },
      { step: 3, value: 0, low: 0, high: 0 },
    ]);
  });

  it('never forecasts below zero for a sparse series', () => {
    const sparse = history(36, (t) => (t % 5 === 0 ? 1 : 0));
    for (const p of forecast(sparse, { horizon: 18 }).points) {
      expect(p.low).toBeGreaterThanOrEqual(0);
      expect(p.value).toBeGreaterThanOrEqual(p.low);
      expect(p.high).toBeGreaterThanOrEqual(p.value);
    }
  });

  describe('prediction intervals', () => {
    const noisy = (seed: number, n: number): number[] => {
      const z = normals(seed);
      return history(n, (t) => 200 + 1.5 * t + 3 * PATTERN[t % 12]! + 8 * z());
    };

    it('widen with the horizon', () => {
      const result = forecast(noisy(7, 48), { horizon: 18, seasonality: 'additive' });
      expect(result.intervalMethod).toBe('analytic');
      const w = widths(result);
      for (let i = 1; i < w.length; i++) expect(w[i]!).toBeGreaterThanOrEqual(w[i - 1]! - 1e-9);
      expect(w[17]!).toBeGreaterThan(w[0]!);
      for (const p of result.points) expect(p.low < p.value && p.value < p.high).toBe(true);
    });

    it('widen with the horizon when simulated, and are the same for the same seed', () => {
      const z = normals(3);
      const series = history(48, (t) => (100 + 2 * t) * (1 + PATTERN[t % 12]! / 20) + 2 * z());
      const a = forecast(series, { seasonality: 'multiplicative', horizon: 18, seed: 42 });
      expect(a.intervalMethod).toBe('simulation');
      expect(forecast(series, { seasonality: 'multiplicative', horizon: 18, seed: 42 })).toEqual(a);
      // The seasonal swing moves the width from month to month, so compare each month
      // with the same month a season later.
      const w = widths(a);
      for (let i = 0; i < 6; i++) expect(w[i + 12]!).toBeGreaterThan(w[i]!);
    });

    it('hold the truth at about the nominal 80% over 200 seeded series', () => {
      const steps = [1, 6, 12];
      const hits = steps.map(() => 0);
      for (let k = 0; k < 200; k++) {
        const all = noisy(1000 + k, 60);
        const result = forecast(all.slice(0, 48), { horizon: 12, seasonality: 'additive' });
        steps.forEach((h, j) => {
          const p = result.points[h - 1]!;
          const actual = all[47 + h]!;
          if (actual >= p.low && actual <= p.high) hits[j]!++;
        });
      }
      for (const hit of hits) {
        expect(hit / 200).toBeGreaterThanOrEqual(0.65);
        expect(hit / 200).toBeLessThanOrEqual(0.95);
      }
    });

    it('follow the requested level', () => {
      const series = noisy(11, 48);
      const narrow = widths(forecast(series, { level: 0.5 }));
      const wide = widths(forecast(series, { level: 0.95 }));
      narrow.forEach((w, i) => expect(wide[i]!).toBeGreaterThan(w));
    });
  });

  describe('short histories', () => {
    it('drops the seasonality below two full seasons, and says so', () => {
      const result = forecast([30, 32, 31, 35, 36, 38, 37, 40, 41, 43], { horizon: 3 });
      expect(result.seasonality).toBe('none');
      expect(['holt', 'simple_exponential_smoothing']).toContain(result.method);
      expect(result.fallback).toBe('Fewer than two full seasons (10 of 24 periods), so no seasonality');
    });

    it('drops the trend too below eight periods', () => {
      const result = forecast([30, 32, 31], { horizon: 2 });
      expect(result.method).toBe('simple_exponential_smoothing');
      expect(result.label).toBe('Simple exponential smoothing');
      expect(result.fallback).toBe('Fewer than two full seasons (3 of 24 periods), so no seasonality; fewer than 8 periods, so no trend');
    });

    it('carries a single value forward', () => {
      const result = forecast([12], { horizon: 2 });
      expect(result.method).toBe('naive');
      expect(result.intervalMethod).toBe('none');
      expect(result.points).toEqual([
        { step: 1, value: 12, low: 12, high: 12 },
        { step: 2, value: 12, low: 12, high: 12 },
      ]);
    });

    it('uses additive seasonality where multiplicative cannot work', () => {
      const withZero = history(36, additive);
      withZero[4] = 0;
      const result = forecast(withZero, { seasonality: 'multiplicative' });
      expect(result.seasonality).toBe('additive');
      expect(result.fallback).toMatch(/^Multiplicative seasonality needs volume above zero/);
    });
  });

  it('refuses a horizon outside 1..18, an empty series and a bad level', () => {
    for (const horizon of [0, FORECAST_MAX_HORIZON + 1, 1.5]) {
      expect(() => forecast([1, 2, 3], { horizon })).toThrow(/horizon must be a whole number from 1 to 18/);
    }
    expect(() => forecast([])).toThrow(/empty series/);
    expect(() => forecast([1, 2], { level: 1 })).toThrow(/level/);
  });
});

describe('backtest', () => {
  // Training part: 10 + 2t ± 1 with a two-period season (m = 2), which the model fits
  // exactly, so the forecast of t = 8..11 is 27, 27, 31, 31.
  // Actuals 30, 24, 31, 0: absolute errors 3, 3, 0, 31.
  // MAPE skips the zero actual: (3/30 + 3/24 + 0/31) / 3 = (0.1 + 0.125 + 0) / 3 = 0.075.
  // MASE scale: in-sample seasonal naive |y_t − y_{t−2}| = 4 for every t, so
  // MASE = mean(3, 3, 0, 31) / 4 = 9.25 / 4 = 2.3125.
  const series = [11, 11, 15, 15, 19, 19, 23, 23, 30, 24, 31, 0];

  it('scores the held-out periods by MAPE and MASE', () => {
    const result = backtest(series, { seasonLength: 2, holdout: 4 });
    expect(result.points.map((p) => p.value)).toEqual([27, 27, 31, 31].map((v) => expect.closeTo(v, 9)));
    expect(result.points.map((p) => p.actual)).toEqual([30, 24, 31, 0]);
    expect(result.mape).toBeCloseTo(0.075, 9);
    expect(result.mase).toBeCloseTo(2.3125, 9);
    expect(result.maseScale).toBe('seasonal_naive');
    expect(result.forecast.observations).toBe(8);
  });

  it('holds out the last 12 periods by default', () => {
    const z = normals(9);
    const series60 = history(60, (t) => 200 + 1.5 * t + 3 * PATTERN[t % 12]! + 8 * z());
    const result = backtest(series60);
    expect(result.holdout).toBe(12);
    expect(result.forecast.observations).toBe(48);
    expect(result.points.map((p) => p.actual)).toEqual(series60.slice(48));
    expect(result.mape).toBeGreaterThan(0);
    expect(result.mape).toBeLessThan(0.1);
    // Better than last year's same month would have done.
    expect(result.mase).toBeLessThan(1);
    expect(result.coverage).toBeGreaterThan(0.5);
  });

  it('has no MAPE when every actual is zero, and no MASE when the history never moves', () => {
    const result = backtest([5, 5, 5, 5, 0, 0], { holdout: 2 });
    expect(result.mape).toBeNull();
    expect(result.mase).toBeNull();
    expect(result.maseScale).toBeNull();
  });

  it('falls back to the last-value scale when the training part is a season or less', () => {
    // Training 10, 12, 11, 13 (m = 12): naive scale = (2 + 1 + 2) / 3 = 5/3.
    const result = backtest([10, 12, 11, 13, 14], { holdout: 1 });
    expect(result.maseScale).toBe('naive');
    expect(result.mase).toBeCloseTo(Math.abs(14 - result.points[0]!.value) / (5 / 3), 9);
  });

  it('refuses a holdout that leaves no history', () => {
    expect(() => backtest([1, 2, 3], { holdout: 3 })).toThrow(/holdout must be a whole number from 1 to 2/);
  });
});

describe('series helpers', () => {
  it('fills the months without rows with zeros and adds up repeated months', () => {
    const rows = [
      { period: '2025-01', value: 4 },
      { period: '2025-03', value: 5 },
      { period: '2025-03', value: 1 },
      { period: '2024-12', value: 99 },
    ];
    expect(completeSeries(rows, '2025-01-15', '2025-04-02', 'month')).toEqual({
      periods: ['2025-01', '2025-02', '2025-03', '2025-04'],
      values: [4, 0, 6, 0],
    });
  });

  it('names the periods a forecast covers, across a year end', () => {
    expect(followingPeriods('2025-11', 'month', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(followingPeriods('2020-W52', 'week', 2)).toEqual(['2020-W53', '2021-W01']);
    expect(() => followingPeriods('2025-13', 'month', 1)).toThrow(/not a month label/);
  });

  it('knows the season length of each grain', () => {
    expect(seasonLengthOf('month')).toBe(12);
    expect(seasonLengthOf('week')).toBe(52);
  });
});

describe('interval arithmetic', () => {
  it('knows the normal quantiles of the usual levels', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('draws the same uniform numbers for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    for (const u of draws) expect(u >= 0 && u < 1).toBe(true);
  });
});

it('is part of the package entry point', () => {
  for (const name of ['forecast', 'backtest', 'completeSeries', 'followingPeriods', 'openHours', 'availableHours', 'resourceUtilization', 'planCapacity', 'capacityNeeds']) {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  }
});
