import { memoryUsage } from 'node:process';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of the samples (ms); NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function latency(samples: readonly number[]): Latency {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/**
 * Samples this process's resident memory every 200 ms: the API server runs in it, so its
 * peak is the server's under the bench (generator, import and the HTTP clients included).
 */
export class RssSampler {
  private readonly peaks = new Map<string, number>();
  private phase = 'start';
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 200) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  enter(phase: string): void {
    this.sample();
    this.phase = phase;
    this.sample();
  }

  /** Peak RSS in bytes, over the named phases or over the whole run. */
  peak(phases?: readonly string[]): number {
    const picked = [...this.peaks.entries()].filter(([phase]) => phases === undefined || phases.includes(phase));
    return Math.max(0, ...picked.map(([, bytes]) => bytes));
  }

  byPhase(): Record<string, number> {
    return Object.fromEntries(this.peaks);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  private sample(): void {
    const rss = memoryUsage.rss();
    if (rss > (this.peaks.get(this.phase) ?? 0)) this.peaks.set(this.phase, rss);
  }
}
