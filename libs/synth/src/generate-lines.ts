import { SYNTH_COLUMNS } from './csv.js';
import { LineEngine } from './line-engine.js';
import { RowFormatter } from './row-strings.js';
import type { SynthOptions } from './synth-options.js';

/**
 * Demo procedure lines, one string[] per CSV row in SYNTH_COLUMNS order, by service date.
 * Options are checked at the call, not at the first `next()`.
 */
export function generateLines(opts: SynthOptions): Generator<string[]> {
  return run(new LineEngine(opts));
}

function* run(engine: LineEngine): Generator<string[]> {
  const formatter = new RowFormatter(engine);
  while (engine.next()) {
    const row = new Array<string>(SYNTH_COLUMNS.length);
    formatter.fill(row);
    yield row;
  }
}
