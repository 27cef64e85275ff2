import 'reflect-metadata';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { join, basename, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import cliProgress from 'cli-progress';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { resolveSecret } from './config/secret-store.js';
import { openDatabase } from './database/database-bootstrap.js';
import { AppException } from './common/app.exception.js';
import { IngestRepository } from './modules/ingest/ingest.repository.js';
import { IngestService, type ImportProgress } from './modules/ingest/ingest.service.js';
import { DEMO_LINES, seedDemo } from './modules/ingest/demo-seed.js';
import { runBench } from './bench/bench.js';

const USAGE = `Usage:
  npm run import -- FILE.csv            import procedure lines (same checks as the API)
  npm run seed:demo -- [--lines N] [--seed S]   load realistic demo data (default ${DEMO_LINES} lines, seed 1)
  npm run bench -- [--lines N] [--seed S] [--duration S] [--repeat M] [--fresh | --skip-load]   the benchmark (bench/README.md)`;

function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {rows} rows | {phase}`, hideCursor: true, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { rows: 0, phase: 'reading' });
  return {
    update: (p: ImportProgress) =>
      bar.update(p.phase === 'loading' ? 95 : Math.floor((90 * p.bytesRead) / Math.max(p.fileBytes, 1)), { rows: p.rowsRead, phase: p.phase }),
    stop: () => {
      bar.update(100, { phase: 'done' });
      bar.stop();
    },
  };
}

async function withApp<T>(config: AppConfig, work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  const secret = resolveSecret(config.secret, config.dataDir);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: database.url, secret }), { logger: process.env['CASELOAD_LOG'] === 'verbose' ? ['log', 'debug', 'error', 'warn'] : ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
    await database.close();
  }
}

async function importFile(config: AppConfig, file: string): Promise<number> {
  const path = resolve(file);
  const size = (await stat(path).catch(() => null))?.size;
  if (size === undefined) throw new AppException('FILE_NOT_FOUND', `There is no file at ${path}.`);
  return withApp(config, async (app) => {
    const repository = app.get(IngestRepository);
    const id = await repository.createImport(basename(path), size, null, null);
    // The import reads its own copy, so the file may change or move while it runs.
    const directory = join(config.dataDir, 'uploads');
    await mkdir(directory, { recursive: true });
    const copy = join(directory, `cli-${randomUUID()}.csv`);
    await copyFile(path, copy);
    const bar = progressBar(`import #${id}`);
    try {
      const outcome = await app.get(IngestService).run(id, copy, bar.update);
      bar.stop();
      const record = await repository.findImport(id);
      console.log(`\nImport #${id} of ${basename(path)}: ${outcome.rowsLoaded} lines loaded, ${outcome.rowsRejected} rejected.`);
      if (outcome.departmentsCreated.length > 0) console.log(`New departments: ${outcome.departmentsCreated.join(', ')}`);
      if (record && record.unknownColumns.length > 0) console.log(`Columns ignored: ${record.unknownColumns.join(', ')}`);
      if (outcome.rowsRejected > 0) {
        console.log('\nRejected rows (row: column — reason):');
        for (const row of await repository.rejections(id, 20, 0)) console.log(`  ${row.rowNumber}: ${row.column ?? '(row)'} — ${row.reason}`);
        if (outcome.rowsRejected > 20) console.log(`  … and ${outcome.rowsRejected - 20} more: GET /api/v1/imports/${id}/rejections?format=csv`);
      }
      return 0;
    } catch (error) {
      bar.stop();
      const message = error instanceof AppException ? error.message : 'The import failed; nothing from it was loaded.';
      await repository.markFailed(id, message);
      throw error;
    } finally {
      await rm(copy, { force: true });
    }
  });
}

async function seed(config: AppConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { lines: { type: 'string' }, seed: { type: 'string' } } });
  const lines = values.lines === undefined ? DEMO_LINES : Number(values.lines);
  const seedValue = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(lines) || lines < 1) throw new AppException('BAD_ARGUMENT', `--lines must be a whole number above 0 (got "${values.lines}")`);
  if (!Number.isInteger(seedValue)) throw new AppException('BAD_ARGUMENT', `--seed must be a whole number (got "${values.seed}")`);
  return withApp(config, async (app) => {
    console.log(`Generating ${lines.toLocaleString('en-US')} demo lines (seed ${seedValue})…`);
    const bar = progressBar('demo');
    const { importId, outcome } = await seedDemo(app, { lines, seed: seedValue, onProgress: bar.update });
    bar.stop();
    console.log(`\nDemo import #${importId}: ${outcome.rowsLoaded} lines loaded, ${outcome.rowsRejected} rejected.`);
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (command === 'import' && rest.length === 1) return importFile(config, rest[0]!);
  if (command === 'seed-demo') return seed(config, rest);
  if (command === 'bench') return runBench(rest);
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof AppException;
    console.error(known ? `Error: ${(error as Error).message}` : error);
    process.exit(1);
  },
);
