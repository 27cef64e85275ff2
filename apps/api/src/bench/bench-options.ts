import { parseArgs } from 'node:util';
import { AppException } from '../common/app.exception.js';

export interface BenchOptions {
  /** Procedure lines to generate and import. */
  lines: number;
  seed: number;
  /** Seconds of the concurrency phase. */
  duration: number;
  /** Timed runs of each suite request, after one warm-up. */
  repeat: number;
  /** Timed runs of each raw baseline query at most (fewer when they are slow). */
  baselineRepeat: number;
  clients: number;
  fresh: boolean;
  skipLoad: boolean;
  /** Only the export section, on the lines already loaded (with --skip-load). */
  exportsOnly: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]
  --lines N            procedure lines to generate and import (default 10,000,000)
  --seed S             generator seed (default 1)
  --duration S         seconds of the concurrency phase (default 20)
  --repeat M           timed runs of each dashboard request (default 30)
  --baseline-repeat K  timed runs of each raw GROUP BY at most (default 5)
  --clients C          concurrent clients (default 10)
  --fresh              drop and re-create the bench database first
  --skip-load          reuse the lines already loaded when their count matches
  --exports-only       only the export section (large CSV, XLSX and Arrow exports); needs --skip-load`;

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(value) || value < min) throw new AppException('BAD_ARGUMENT', `--${name} must be a whole number of at least ${min} (got "${raw}")\n${BENCH_USAGE}`);
  return value;
}

const OPTIONS = {
  lines: { type: 'string' },
  seed: { type: 'string' },
  duration: { type: 'string' },
  repeat: { type: 'string' },
  'baseline-repeat': { type: 'string' },
  clients: { type: 'string' },
  fresh: { type: 'boolean', default: false },
  'skip-load': { type: 'boolean', default: false },
  'exports-only': { type: 'boolean', default: false },
} as const;

function readArgs(args: string[]) {
  try {
    return parseArgs({ args, strict: true, options: OPTIONS }).values;
  } catch (error) {
    throw new AppException('BAD_ARGUMENT', `${(error as Error).message}\n${BENCH_USAGE}`);
  }
}

export function parseBenchOptions(args: string[]): BenchOptions {
  const values = readArgs(args);
  if (values['exports-only'] && !values['skip-load']) throw new AppException('BAD_ARGUMENT', '--exports-only measures the lines an earlier run loaded: give --skip-load too');
  if (values.fresh && values['skip-load']) throw new AppException('BAD_ARGUMENT', '--fresh and --skip-load contradict each other; give one of them');
  return {
    lines: whole('lines', values.lines, 10_000_000, 1_000),
    seed: whole('seed', values.seed, 1, 0),
    duration: whole('duration', values.duration, 20, 1),
    repeat: whole('repeat', values.repeat, 30, 1),
    baselineRepeat: whole('baseline-repeat', values['baseline-repeat'], 5, 1),
    clients: whole('clients', values.clients, 10, 1),
    fresh: values.fresh,
    skipLoad: values['skip-load'],
    exportsOnly: values['exports-only'],
  };
}
