import type { LoggerService } from '@nestjs/common';

/** How an import spent its time, read from the ingest logs (absent when they change shape). */
export interface ImportSplit {
  stagingMs: number | null;
  loadMs: number | null;
  loadSteps: string | null;
}

/**
 * The application's logger during the bench: keeps the ingest timings, shows warnings and
 * errors, and stays quiet otherwise so the figures are readable (CASELOAD_LOG=verbose: all).
 */
export class BenchLogger implements LoggerService {
  private readonly staging = new Map<number, number>();
  private readonly load = new Map<number, string>();
  private readonly chatty = process.env['CASELOAD_LOG'] === 'verbose';

  log(message: unknown, ...rest: unknown[]): void {
    this.keep(message);
    if (this.chatty) console.log(`[${context(rest)}] ${String(message)}`);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    console.warn(`[${context(rest)}] warning: ${String(message)}`);
  }

  error(message: unknown, ...rest: unknown[]): void {
    console.error(`[${context(rest)}] error: ${String(message)}`, ...rest.filter((item) => typeof item === 'string' && item.includes('\n')));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.error(message, ...rest);
  }

  split(importId: number): ImportSplit {
    const steps = this.load.get(importId) ?? null;
    const loadMs = steps === null ? null : [...steps.matchAll(/(\d+)ms/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    return { stagingMs: this.staging.get(importId) ?? null, loadMs, loadSteps: steps };
  }

  private keep(message: unknown): void {
    if (typeof message !== 'string') return;
    const staged = /^import (\d+): \d+ rows read and staged in (\d+) ms/.exec(message);
    if (staged) this.staging.set(Number(staged[1]), Number(staged[2]));
    const loaded = /^import (\d+) load: (.*)$/.exec(message);
    if (loaded) this.load.set(Number(loaded[1]), loaded[2]!);
  }
}

function context(rest: unknown[]): string {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : 'app';
}
