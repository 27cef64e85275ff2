import { isoOf, parseIsoDay, spanStart } from './calendar.js';

export interface SynthOptions {
  /** Exactly this many CSV rows (procedure lines), header not counted. */
  lines: number;
  /** Same seed → byte-identical output. */
  seed: number;
  /** 'YYYY-MM-DD', last day included, normally yesterday. */
  endDate: string;
  /** Whole years of history ending at endDate; default 3. */
  years?: number;
}

export interface ResolvedOptions {
  lines: number;
  seed: number;
  startDay: number;
  endDay: number;
}

const EARLIEST = parseIsoDay('1990-01-01') ?? 0;

/** Checks the options and turns the dates into day numbers; throws RangeError naming the bad one. */
export function resolveOptions(opts: SynthOptions): ResolvedOptions {
  const { lines, seed, endDate, years = 3 } = opts;
  if (!Number.isSafeInteger(lines) || lines < 0) throw new RangeError(`lines must be a non-negative integer, got ${lines}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new RangeError(`years must be an integer 1..30, got ${years}`);
  const endDay = parseIsoDay(endDate);
  if (endDay === undefined) throw new RangeError(`endDate must be a real date YYYY-MM-DD, got ${endDate}`);
  const startDay = spanStart(endDay, years);
  if (startDay < EARLIEST) throw new RangeError(`the span starts ${isoOf(startDay)}, before 1990-01-01`);
  return { lines, seed, startDay, endDay };
}
