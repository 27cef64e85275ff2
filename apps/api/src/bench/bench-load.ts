import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import { csvHeader, csvRow, generateLines, writeDemoCsv } from '@caseload/synth';
import { IngestRepository } from '../modules/ingest/ingest.repository.js';
import { IngestService, type ImportProgress } from '../modules/ingest/ingest.service.js';
import type { BenchLogger, ImportSplit } from './bench-log.js';

const PROGRESS_EVERY_MS = 2_000;

export interface GenerationResult {
  lines: number;
  bytes: number;
  ms: number;
}

export interface ImportResult extends ImportSplit {
  importId: number;
  rowsLoaded: number;
  rowsRejected: number;
  ms: number;
  linesPerSecond: number;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** The main CSV: the project's generator, five years up to `endDate`, streamed to disk. */
export async function generateMainCsv(path: string, options: { lines: number; seed: number; endDate: string }): Promise<GenerationResult> {
  const started = performance.now();
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const ticker = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    console.log(`  generating… ${(out.bytesWritten / 1e6).toFixed(0)} MB written in ${seconds.toFixed(0)} s`);
  }, PROGRESS_EVERY_MS);
  try {
    const { lines } = await writeDemoCsv({ ...options, years: 5 }, out);
    return { lines, bytes: (await stat(path)).size, ms: performance.now() - started };
  } finally {
    clearInterval(ticker);
  }
}

/**
 * One more day of lines for `day`: the generator's rows (another seed, one year spread)
 * moved onto that day. Its encounter ids are per day and sequence (`E<date>-<seq>`), so
 * they would collide with the main file's; the run's tag makes them new encounters.
 */
export async function writeDayCsv(path: string, options: { lines: number; seed: number; day: string; tag: string }): Promise<number> {
  const out = createWriteStream(path);
  let buffer = csvHeader();
  let lines = 0;
  for (const row of generateLines({ lines: options.lines, seed: options.seed, endDate: options.day, years: 1 })) {
    row[0] = `${options.tag}-${row[0]}`;
    row[3] = options.day;
    buffer += csvRow(row);
    lines++;
    if (buffer.length >= 65_536) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return lines;
}

function progressPrinter(label: string): (progress: ImportProgress) => void {
  const started = performance.now();
  let last = 0;
  let loading = false;
  return (progress) => {
    const now = performance.now();
    if (progress.phase === 'loading' && !loading) {
      loading = true;
      console.log(`  ${label}: ${count(progress.rowsRead)} rows validated and staged; loading into the facts…`);
    } else if (progress.phase === 'reading' && now - last >= PROGRESS_EVERY_MS) {
      last = now;
      const rate = progress.rowsRead / ((now - started) / 1000);
      console.log(`  ${label}: ${count(progress.rowsRead)} rows read (${count(rate)} rows/s, ${((100 * progress.bytesRead) / Math.max(progress.fileBytes, 1)).toFixed(0)}%)`);
    }
  };
}

/** Imports a file through the real import path and times it from file to commit. */
export async function importCsv(app: INestApplicationContext, logger: BenchLogger, path: string, name: string, quiet = false): Promise<ImportResult> {
  const repository = app.get(IngestRepository);
  const importId = await repository.createImport(name, (await stat(path)).size, null, null);
  const started = performance.now();
  try {
    const outcome = await app.get(IngestService).run(importId, path, quiet ? undefined : progressPrinter(`import #${importId}`));
    const ms = performance.now() - started;
    const rows = outcome.rowsLoaded + outcome.rowsRejected;
    return { importId, rowsLoaded: outcome.rowsLoaded, rowsRejected: outcome.rowsRejected, ms, linesPerSecond: rows / (ms / 1000), ...logger.split(importId) };
  } catch (error) {
    await repository.markFailed(importId, 'The benchmark import failed.').catch(() => undefined);
    throw error;
  }
}
