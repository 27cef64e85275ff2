#!/usr/bin/env node
/**
 * Generation speed of @caseload/synth, best of a few runs per path.
 *
 *   npx tsc -p libs/synth/tsconfig.lib.json      # builds libs/synth/dist
 *   node tools/synth/bench-synth.mjs [LINES=1000000] [RUNS=3]
 *
 * Paths: `rows` = generateLines (string[] per row); `csv text` = generateLines + csvRow
 * gathered into ~64 KB strings; `writeDemoCsv` = the streaming writer into a sink that
 * discards its input. Prints rows per second for each.
 */
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { csvRow, generateLines, writeDemoCsv } from '../../libs/synth/dist/index.js';

const lines = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const opts = { lines, seed: 42, endDate: '2025-12-31' };

const paths = {
  rows: async () => {
    let fields = 0;
    for (const row of generateLines(opts)) fields += row.length;
    return fields;
  },
  'csv text': async () => {
    let chunk = '';
    let bytes = 0;
    for (const row of generateLines(opts)) {
      chunk += csvRow(row);
      if (chunk.length >= 65_536) {
        bytes += Buffer.byteLength(chunk);
        chunk = '';
      }
    }
    return bytes + Buffer.byteLength(chunk);
  },
  writeDemoCsv: async () => {
    let bytes = 0;
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    });
    await writeDemoCsv(opts, sink);
    return bytes;
  },
};

for (const [name, run] of Object.entries(paths)) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  const rate = lines / (best / 1000);
  console.log(`${name.padEnd(13)} ${lines} rows in ${(best / 1000).toFixed(2)} s = ${(rate / 1e6).toFixed(2)} M rows/s`);
}
