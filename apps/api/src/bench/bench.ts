import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AggregateResponse } from '@caseload/contracts';
import { todayIn } from '@caseload/domain';
import { createApp } from '../app-factory.js';
import { CapacityRepository } from '../modules/capacity/capacity.repository.js';
import { CapacityWarmer } from '../modules/capacity/capacity-warmer.js';
import { seedDemoCapacity } from '../modules/ingest/demo-seed.js';
import { MemoryIndex } from '../modules/analytics/memory-index/memory-index.service.js';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/database-bootstrap.js';
import { runBaseline } from './bench-baseline.js';
import { runConcurrency } from './bench-concurrency.js';
import { runExports, type ExportBenchResult } from './bench-export.js';
import { BENCH_DATA_DIR, benchDatabaseUrl, ensureBenchDatabase, loadedData, openBenchServer, waitForDisconnect, type BenchServer } from './bench-database.js';
import { BenchClient } from './bench-http.js';
import { generateMainCsv, importCsv, writeDayCsv, type GenerationResult, type ImportResult } from './bench-load.js';
import { BenchLogger } from './bench-log.js';
import { machineInfo } from './bench-machine.js';
import { parseBenchOptions, type BenchOptions } from './bench-options.js';
import { aggregatePath, benchDates, benchQuestions, capacityQuestions, radiologyCodesQuestion, type BenchDates } from './bench-questions.js';
import { ms, renderExportReport, renderReport, writeReport, type QuestionReport, type RefreshResult } from './bench-report.js';
import { RssSampler } from './bench-stats.js';
import { runSuite } from './bench-suite.js';

const ADMIN_EMAIL = 'bench@caseload.invalid';
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

interface Context {
  options: BenchOptions;
  config: AppConfig;
  databaseUrl: string;
  logger: BenchLogger;
  rss: RssSampler;
}

/** An empty bench database to load into, unless --skip-load finds this run's lines there already. */
async function prepareDatabase(server: BenchServer, options: BenchOptions, config: AppConfig, mainName: string): Promise<{ url: string; reuse: boolean }> {
  const url = benchDatabaseUrl(server.serverUrl);
  await ensureBenchDatabase(server.serverUrl, options.fresh);
  await openDatabase({ ...config, databaseUrl: url });
  const found = await loadedData(url, mainName);
  if (options.skipLoad && found.mainImport !== null && found.mainLines === found.mainImport.rowsLoaded) {
    console.log(`Reusing the ${whole(found.totalLines)} lines already loaded (--skip-load).`);
    return { url, reuse: true };
  }
  if (options.skipLoad) console.log(`--skip-load: no complete load of ${whole(options.lines)} lines with seed ${options.seed} found; loading.`);
  if (found.totalLines > 0) {
    console.log(`The bench database holds ${whole(found.totalLines)} lines from an earlier run; re-creating it so the import starts empty.`);
    await ensureBenchDatabase(server.serverUrl, true);
    await openDatabase({ ...config, databaseUrl: url });
  }
  return { url, reuse: false };
}

async function ingestPhase(ctx: Context, app: NestExpressApplication, mainName: string, yesterday: string): Promise<{ generation: GenerationResult; ingest: ImportResult }> {
  const path = join(BENCH_DATA_DIR, 'bench-main.csv');
  try {
    ctx.rss.enter('generate');
    console.log(`\n[ingest] generating ${whole(ctx.options.lines)} lines (seed ${ctx.options.seed}, five years up to ${yesterday})…`);
    const generation = await generateMainCsv(path, { lines: ctx.options.lines, seed: ctx.options.seed, endDate: yesterday });
    console.log(`  generated ${whole(generation.lines)} lines, ${whole(generation.bytes / 2 ** 20)} MB in ${(generation.ms / 1000).toFixed(1)} s`);
    ctx.rss.enter('ingest');
    console.log('[ingest] importing through IngestService.run…');
    const ingest = await importCsv(app, ctx.logger, path, mainName);
    console.log(`  ${whole(ingest.rowsLoaded)} loaded, ${whole(ingest.rowsRejected)} rejected in ${(ingest.ms / 1000).toFixed(1)} s: ${whole(ingest.linesPerSecond)} lines/s`);
    if (ingest.stagingMs !== null) console.log(`  staging ${(ingest.stagingMs / 1000).toFixed(1)} s, load ${((ingest.loadMs ?? 0) / 1000).toFixed(1)} s (${ingest.loadSteps})`);
    return { generation, ingest };
  } finally {
    await rm(path, { force: true });
  }
}

async function linesOn(client: BenchClient, day: string): Promise<number> {
  const { body } = await client.json<AggregateResponse>(`/api/v1/aggregate?measures=lines&groupBy=period&grain=day&from=${day}&to=${day}`);
  return Number(body.totals['lines'] ?? 0);
}

async function refreshPhase(ctx: Context, app: NestExpressApplication, client: BenchClient, yesterday: string): Promise<RefreshResult> {
  ctx.rss.enter('refresh');
  const lines = Math.max(100, Math.round(ctx.options.lines / 1800));
  const path = join(BENCH_DATA_DIR, 'bench-day.csv');
  try {
    // A tag of this run: each run adds new encounters rather than replacing the last run's.
    await writeDayCsv(path, { lines, seed: ctx.options.seed + 7919, day: yesterday, tag: `R${Date.now().toString(36)}` });
    const before = await linesOn(client, yesterday);
    console.log(`\n[refresh] importing ${whole(lines)} more lines for ${yesterday}…`);
    const result = await importCsv(app, ctx.logger, path, `bench day (${yesterday})`, true);
    const visible = (await linesOn(client, yesterday)) - before === result.rowsLoaded;
    console.log(`  ${whole(result.rowsLoaded)} lines in ${ms(result.ms)} end to end; visible in the API right after: ${visible ? 'yes' : 'NO'}`);
    return { ...result, visible };
  } finally {
    await rm(path, { force: true });
  }
}

async function queryPhases(ctx: Context, client: BenchClient, dates: BenchDates): Promise<QuestionReport[]> {
  ctx.rss.enter('suite');
  const drill = await client.json<AggregateResponse>(aggregatePath(radiologyCodesQuestion(dates)));
  const code = drill.body.rows[0]?.['code'];
  if (typeof code !== 'string') throw new Error('No radiology line in the last 12 months: load more lines (--lines).');
  const questions = [...benchQuestions(dates, code), ...capacityQuestions(dates)];
  console.log(`\n[suite] ${questions.length} dashboard requests over HTTP, ${ctx.options.repeat} timed rounds computed afresh, then as asked (radiology drill-down: ${code})…`);
  const suite = await runSuite(client, questions, ctx.options.repeat);
  // The drill-down's first step was asked first above, to find its code.
  const drillStep = suite.find((s) => s.question.id === radiologyCodesQuestion(dates).id);
  if (drillStep) drillStep.firstMs = drill.ms;
  for (const s of suite) {
    const figures = `first ${ms(s.firstMs).padStart(8)}  afresh p50 ${ms(s.cold.p50).padStart(8)} p95 ${ms(s.cold.p95).padStart(8)}  as asked p50 ${ms(s.cached.p50).padStart(8)} p95 ${ms(s.cached.p95).padStart(8)}`;
    console.log(`  ${s.question.id.padEnd(30)} ${figures}  (${s.rows} rows)`);
  }
  ctx.rss.enter('baseline');
  console.log(`\n[baseline] the same questions as plain GROUP BY on procedure_line (pg, jit off), up to ${ctx.options.baselineRepeat} runs each…`);
  const withSql = questions.filter((question) => question.kind !== 'capacity');
  const raw = await runBaseline(ctx.databaseUrl, withSql, dates, code, ctx.options.baselineRepeat, (question, result) =>
    console.log(`  ${question.id.padEnd(30)} p50 ${ms(result.p50).padStart(9)}  (${result.runs.length} runs)`),
  );
  return suite.map((s) => {
    const baseline = raw.get(s.question.id);
    // A forecast has no SQL to compare with: no speed-up, nothing to agree on.
    if (baseline === undefined) return { ...s, raw: null, speedup: Number.NaN, agrees: null };
    return { ...s, raw: baseline, speedup: baseline.p50 / s.cold.p50, agrees: s.total === baseline.total };
  });
}

async function exportPhase(ctx: Context, client: BenchClient, port: number, dates: BenchDates): Promise<ExportBenchResult[]> {
  ctx.rss.enter('export');
  console.log('\n[export] a large answer through GET /api/v1/export, streamed, as CSV, XLSX and Arrow…');
  return runExports(port, client.accessToken, dates.yesterday, (line) => console.log(line));
}

async function measure(ctx: Context, server: BenchServer, reuse: boolean, mainName: string): Promise<number> {
  const startedAt = new Date().toISOString();
  const dates = benchDates(todayIn(ctx.config.timeZone));
  const app = await createApp(ctx.config, ctx.databaseUrl, { logLevels: ['error', 'warn', 'fatal'] });
  app.useLogger(ctx.logger);
  let client: BenchClient | null = null;
  try {
    await app.init();
    const loaded = reuse ? { generation: null, ingest: null } : await ingestPhase(ctx, app, mainName, dates.yesterday);
    // The Capacity page's requests need a resource model: the demo's, sized to the lines.
    await seedDemoCapacity(app, await app.get(CapacityRepository).lineCount());
    const indexFrom = Date.now();
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    client = new BenchClient(port, ctx.options.clients);
    await client.login(ADMIN_EMAIL, ctx.config.adminPassword!);
    // A server answers from its index once it has built it (until then, from the database):
    // the time to that state is a figure of its own, and the rest is measured in it.
    ctx.rss.enter('index');
    const memoryIndex = app.get(MemoryIndex);
    await memoryIndex.warm();
    const usage = process.memoryUsage();
    const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
    console.log(`\n[index] built with its distinct-count index ${ms(Date.now() - indexFrom)} after ${reuse ? 'the server started' : 'the import'}`);
    console.log(`  memory then: RSS ${mb(usage.rss)}, JS heap ${mb(usage.heapUsed)} of ${mb(usage.heapTotal)}, typed arrays ${mb(usage.arrayBuffers)}`);
    const index = { readyAfterMs: Date.now() - indexFrom, afterRefreshMs: 0 };
    // The server fits the Capacity page's forecasts in the background 30 s after it starts (~15 s
    // of work at 10M lines): fit them first, so that the refresh or the exports below measure
    // themselves rather than a race with that fit.
    await app.get(CapacityWarmer).warm();
    if (ctx.options.exportsOnly) {
      const exports = await exportPhase(ctx, client, port, dates);
      ctx.rss.stop();
      const machine = await machineInfo(ctx.databaseUrl, server.embedded);
      const head = `Caseload bench, export section only — ${whole(machine.factLines)} lines, ${machine.cores} cores, Node ${machine.node}, PostgreSQL ${machine.postgres}, commit ${machine.gitCommit ?? '?'}`;
      console.log(`\n${renderExportReport(exports, head)}`);
      return 0;
    }
    const refresh = await refreshPhase(ctx, app, client, dates.yesterday);
    // The import patched the index's days; its distinct-count index is rebuilt in the background.
    const rebuilding = Date.now();
    await memoryIndex.warm();
    index.afterRefreshMs = Date.now() - rebuilding;
    console.log(`  distinct-count index rebuilt ${ms(index.afterRefreshMs)} after the refresh (meanwhile distinct counts read the day blocks)`);
    const questions = await queryPhases(ctx, client, dates);
    ctx.rss.enter('concurrency');
    // The dashboards' requests: the Capacity page's answers are documents of hundreds of kilobytes, timed above.
    const dashboards = questions.map((q) => q.question).filter((question) => question.kind !== 'capacity');
    console.log(`\n[concurrency] ${ctx.options.clients} clients for ${ctx.options.duration} s over the dashboards' requests…`);
    const concurrency = await runConcurrency(client, dashboards, ctx.options.clients, ctx.options.duration);
    const exports = await exportPhase(ctx, client, port, dates);
    ctx.rss.stop();
    const machine = await machineInfo(ctx.databaseUrl, server.embedded);
    const memory = { peakBytes: ctx.rss.peak(), httpPeakBytes: ctx.rss.peak(['index', 'refresh', 'suite', 'baseline', 'concurrency']), byPhase: ctx.rss.byPhase() };
    const report = { startedAt, finishedAt: new Date().toISOString(), options: ctx.options, machine, ...loaded, refresh, index, questions, concurrency, memory, exports };
    console.log(`\n${renderReport(report)}`);
    console.log(`Results: ${await writeReport(report)}`);
    return 0;
  } finally {
    client?.close();
    await app.close().catch((error: unknown) => console.error('Closing the application failed:', error));
  }
}

/** `npm run bench -- …`: loads N lines through the real import, then measures the API against raw SQL. */
export async function runBench(args: string[]): Promise<number> {
  const options = parseBenchOptions(args);
  const env = { ...process.env, CASELOAD_DATA_DIR: BENCH_DATA_DIR, CASELOAD_ADMIN_EMAIL: ADMIN_EMAIL, CASELOAD_ADMIN_PASSWORD: randomBytes(18).toString('base64url'), CASELOAD_DEMO: '0' };
  const config = loadConfig(env);
  const rss = new RssSampler();
  const server = await openBenchServer(config.databaseUrl);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.error('\nInterrupted; stopping the bench database…');
    void server.stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    console.log(`Caseload bench: ${whole(options.lines)} lines, seed ${options.seed}; database ${server.embedded ? `embedded in ${BENCH_DATA_DIR}/` : 'caseload_bench on the DATABASE_URL server'}`);
    const mainName = `bench main (seed ${options.seed}, ${options.lines} lines)`;
    const { url, reuse } = await prepareDatabase(server, options, config, mainName);
    const ctx: Context = { options, config: { ...config, databaseUrl: url }, databaseUrl: url, logger: new BenchLogger(), rss };
    return await measure(ctx, server, reuse, mainName);
  } finally {
    rss.stop();
    if (!stopping && server.embedded) {
      await waitForDisconnect(server.serverUrl).catch(() => undefined);
      await server.stop();
    }
  }
}
