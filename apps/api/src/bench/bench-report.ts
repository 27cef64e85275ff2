import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaselineResult } from './bench-baseline.js';
import type { ConcurrencyResult } from './bench-concurrency.js';
import { EXPORT_MEMORY_TARGET_BYTES, EXPORT_TARGETS, type ExportBenchResult } from './bench-export.js';
import type { GenerationResult, ImportResult } from './bench-load.js';
import type { MachineInfo } from './bench-machine.js';
import type { BenchOptions } from './bench-options.js';
import type { QuestionKind } from './bench-questions.js';
import type { SuiteResult } from './bench-suite.js';

export interface RefreshResult extends ImportResult {
  /** The one-day lines showed in the API's answer right after the import. */
  visible: boolean;
}

export interface QuestionReport extends SuiteResult {
  /** Null for a capacity request: no raw SQL answers a forecast. */
  raw: BaselineResult | null;
  speedup: number;
  agrees: boolean | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  machine: MachineInfo;
  generation: GenerationResult | null;
  ingest: ImportResult | null;
  refresh: RefreshResult;
  /** The in-memory index: ready this long after the server started (or the import ended), and its distinct-count index rebuilt this long after the refresh. */
  index: { readyAfterMs: number; afterRefreshMs: number };
  questions: QuestionReport[];
  concurrency: ConcurrencyResult;
  memory: { peakBytes: number; httpPeakBytes: number; byPhase: Record<string, number> };
  /** GET /api/v1/export of a large answer in each streamed format. */
  exports: ExportBenchResult[];
}

type Status = 'PASS' | 'MISS' | 'INFO' | 'SKIP';

export interface Figure {
  figure: string;
  measured: string;
  target: string;
  status: Status;
}

const MB = 2 ** 20;
const pass = (ok: boolean): Status => (ok ? 'PASS' : 'MISS');
export const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const times = (value: number) => `${value < 10 ? value.toFixed(1) : whole(value)}×`;

const QUERY_TARGETS: Record<QuestionKind, { text: string; ok(q: QuestionReport): boolean }> = {
  dashboard: { text: 'p95 ≤ 25 ms, ≥ 40×', ok: (q) => q.cold.p95 <= 25 && q.speedup >= 40 },
  patients: { text: 'p95 ≤ 25 ms', ok: (q) => q.cold.p95 <= 25 },
  uncovered: { text: 'p95 ≤ 1 s', ok: (q) => q.cold.p95 <= 1000 },
  capacity: { text: 'as asked p95 ≤ 25 ms', ok: (q) => q.cached.p95 <= 25 },
};

function worst(questions: QuestionReport[], kind: QuestionKind, by: (q: QuestionReport) => number, highest: boolean): QuestionReport | undefined {
  return questions.filter((q) => q.question.kind === kind).reduce<QuestionReport | undefined>((found, q) => (found === undefined || (highest ? by(q) > by(found) : by(q) < by(found)) ? q : found), undefined);
}

/** Every figure of the issue's targets table, with its target and PASS/MISS. */
export function figures(report: BenchReport): Figure[] {
  const { ingest, refresh, index, concurrency, questions, memory, generation } = report;
  const slowest = worst(questions, 'dashboard', (q) => q.cold.p95, true);
  const slowestCached = worst(questions, 'dashboard', (q) => q.cached.p95, true);
  const leastFaster = worst(questions, 'dashboard', (q) => q.speedup, false);
  const patients = worst(questions, 'patients', (q) => q.cold.p95, true);
  const uncovered = worst(questions, 'uncovered', (q) => q.cold.p95, true);
  const compared = questions.filter((q) => q.agrees !== null);
  const agreeing = compared.filter((q) => q.agrees === true).length;
  const capacity = worst(questions, 'capacity', (q) => q.cached.p95, true);
  const firstFit = worst(questions, 'capacity', (q) => q.firstMs, true);
  const list: Figure[] = [
    { figure: `dashboard request p95, HTTP in → JSON out, computed afresh (worst: ${slowest?.question.id ?? '—'})`, measured: ms(slowest?.cold.p95 ?? Number.NaN), target: '≤ 25 ms', status: pass((slowest?.cold.p95 ?? Infinity) <= 25) },
    { figure: `faster than the raw GROUP BY, raw p50 / afresh p50 (least: ${leastFaster?.question.id ?? '—'})`, measured: times(leastFaster?.speedup ?? 0), target: '≥ 40×', status: pass((leastFaster?.speedup ?? 0) >= 40) },
    { figure: 'exact distinct patients by month over 5 years, p95, computed afresh', measured: ms(patients?.cold.p95 ?? Number.NaN), target: '≤ 25 ms', status: pass((patients?.cold.p95 ?? Infinity) <= 25) },
    { figure: 'a filter the rollups do not cover, 1-year range, p95, computed afresh', measured: ms(uncovered?.cold.p95 ?? Number.NaN), target: '≤ 1 s', status: pass((uncovered?.cold.p95 ?? Infinity) <= 1000) },
    ingest === null
      ? { figure: 'import end to end (CSV → validated → committed)', measured: 'skipped (--skip-load)', target: '≥ 200k lines/s', status: 'SKIP' }
      : { figure: `import end to end (${whole(ingest.rowsLoaded + ingest.rowsRejected)} lines in ${(ingest.ms / 1000).toFixed(1)} s)`, measured: `${whole(ingest.linesPerSecond)} lines/s`, target: '≥ 200k lines/s', status: pass(ingest.linesPerSecond >= 200_000) },
    { figure: `refresh after a one-day import (${whole(refresh.rowsLoaded)} lines, end to end)`, measured: ms(refresh.ms), target: '≤ 1 s', status: pass(refresh.ms <= 1000) },
    { figure: 'the one-day lines show in the API right after', measured: refresh.visible ? 'yes' : 'no', target: 'yes', status: pass(refresh.visible) },
    { figure: `${concurrency.clients} concurrent clients, ${concurrency.seconds.toFixed(0)} s (${whole(concurrency.requests)} requests, ${concurrency.errors} errors)`, measured: `${whole(concurrency.requestsPerSecond)} req/s`, target: '≥ 1,000 req/s', status: pass(concurrency.requestsPerSecond >= 1000 && concurrency.errors === 0) },
    { figure: `${concurrency.clients} concurrent clients, p99 (p50 ${ms(concurrency.latency.p50)})`, measured: ms(concurrency.latency.p99), target: '≤ 50 ms', status: pass(concurrency.latency.p99 <= 50) },
    { figure: `API memory under the bench, peak RSS (HTTP phases: ${whole(memory.httpPeakBytes / MB)} MB)`, measured: `${whole(memory.peakBytes / MB)} MB`, target: '≤ 500 MB', status: pass(memory.peakBytes <= 500 * MB) },
    { figure: 'in-memory index ready after the server starts or the import ends (until then answers come from SQL)', measured: `${(index.readyAfterMs / 1000).toFixed(1)} s`, target: '—', status: 'INFO' },
    { figure: 'distinct-count index rebuilt after the refresh (meanwhile distinct counts read the day blocks)', measured: `${(index.afterRefreshMs / 1000).toFixed(1)} s`, target: '—', status: 'INFO' },
    { figure: `dashboard request p95 as the pages ask, cache allowed (worst: ${slowestCached?.question.id ?? '—'})`, measured: ms(slowestCached?.cached.p95 ?? Number.NaN), target: '—', status: 'INFO' },
    { figure: 'answers agree with the raw SQL (API totals = raw totals)', measured: `${agreeing}/${compared.length}`, target: 'all', status: pass(agreeing === compared.length) },
    ...(capacity === undefined
      ? []
      : [
          { figure: `Capacity page request p95 as the page asks, forecasts fitted ahead (worst: ${capacity.question.id})`, measured: ms(capacity.cached.p95), target: '≤ 25 ms', status: pass(capacity.cached.p95 <= 25) },
          { figure: `Capacity forecasts fitted by the first request after an import (worst: ${firstFit!.question.id})`, measured: ms(firstFit!.firstMs), target: '—', status: 'INFO' as const },
        ]),
  ];
  list.push(...exportFigures(report.exports));
  if (generation !== null) {
    list.push({ figure: `generation of the CSV (${whole(generation.lines)} lines, ${whole(generation.bytes / MB)} MB), not part of the import`, measured: `${(generation.ms / 1000).toFixed(1)} s`, target: '—', status: 'INFO' });
  }
  if (ingest !== null && ingest.stagingMs !== null && ingest.loadMs !== null) {
    list.push({ figure: 'import split: read, validate and COPY to staging / set-based load and commit', measured: `${(ingest.stagingMs / 1000).toFixed(1)} s / ${(ingest.loadMs / 1000).toFixed(1)} s`, target: '—', status: 'INFO' });
  }
  return list;
}

/** The export section's figures: rows/s against each format's target, and the server's memory growth. */
export function exportFigures(results: readonly ExportBenchResult[]): Figure[] {
  return results.flatMap((result): Figure[] => {
    const target = EXPORT_TARGETS[result.format];
    const size = `${whole(result.rows)} rows, ${whole(result.bytes / MB)} MB in ${(result.totalMs / 1000).toFixed(1)} s, first byte after ${(result.firstByteMs / 1000).toFixed(1)} s`;
    return [
      {
        figure: `export ${result.format.toUpperCase()} streamed (${size})`,
        measured: `${whole(result.rowsPerSecond)} rows/s`,
        target: target === null ? '—' : `≥ ${whole(target / 1000)}k rows/s`,
        status: target === null ? 'INFO' : pass(result.rowsPerSecond >= target),
      },
      {
        figure: `export ${result.format.toUpperCase()}: the same rows from the first byte to the last (the writer's pace once the database has answered)`,
        measured: `${whole(result.streamRowsPerSecond)} rows/s`,
        target: '—',
        status: 'INFO',
      },
      {
        figure: `export ${result.format.toUpperCase()}: server RSS growth during the export (${whole(result.rssBeforeBytes / MB)} → ${whole(result.rssPeakBytes / MB)} MB)`,
        measured: `${whole(result.rssGrowthBytes / MB)} MB`,
        target: '≤ 100 MB',
        status: pass(result.rssGrowthBytes <= EXPORT_MEMORY_TARGET_BYTES),
      },
    ];
  });
}

/** The export section alone (`--exports-only`). */
export function renderExportReport(results: readonly ExportBenchResult[], head: string): string {
  const rows = exportFigures(results).map((f) => [f.figure, f.measured, f.target, f.status]);
  return `${head}\n\n${table(['figure', 'measured', 'target', 'result'], rows, [1])}\n\nQuery: GET /api/v1/export?${results[0]?.query ?? ''}&format=…\n`;
}

function table(headers: string[], rows: string[][], right: number[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, i) => (right.includes(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}

export function renderReport(report: BenchReport): string {
  const { machine, options } = report;
  const head = `Caseload bench — ${whole(machine.factLines)} lines (seed ${options.seed}), ${machine.cores} cores, ${whole(machine.memoryBytes / MB / 1024)} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}${machine.postgresEmbedded ? ' (embedded)' : ''}, commit ${machine.gitCommit ?? '?'}`;
  const targets = table(['figure', 'measured', 'target', 'result'], figures(report).map((f) => [f.figure, f.measured, f.target, f.status]), [1]);
  const perQuery = table(
    ['request', 'first', 'afresh p50', 'afresh p95', 'as asked p50', 'as asked p95', 'raw p50 (runs)', 'speed-up', 'same total', 'target', 'result'],
    report.questions.map((q) => [
      q.question.id,
      ms(q.firstMs),
      ms(q.cold.p50),
      ms(q.cold.p95),
      ms(q.cached.p50),
      ms(q.cached.p95),
      q.raw === null ? '—' : `${ms(q.raw.p50)} (${q.raw.runs.length})`,
      q.raw === null ? '—' : times(q.speedup),
      q.raw === null ? 'n/a' : q.agrees ? 'yes' : `NO (${q.total} vs ${q.raw.total})`,
      QUERY_TARGETS[q.question.kind].text,
      pass(QUERY_TARGETS[q.question.kind].ok(q)),
    ]),
    [1, 2, 3, 4, 5, 6, 7],
  );
  return `${head}\n\n${targets}\n\nPer request, over HTTP: first = the first request after the refresh import; afresh = ${options.repeat} runs with Cache-Control: no-cache (the engine; the targets apply to these); as asked = ${options.repeat} runs as the pages ask (the API may answer from its cache); raw = the same question as a plain GROUP BY on procedure_line via pg (jit off); speed-up = raw p50 / afresh p50.\n\n${perQuery}\n`;
}

/** Writes bench/results/<timestamp>.json; answers its path. */
export async function writeReport(report: BenchReport): Promise<string> {
  const directory = join('bench', 'results');
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(path, `${JSON.stringify({ ...report, figures: figures(report) }, null, 2)}\n`);
  return path;
}
