import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { addDays, todayIn } from '@caseload/domain';
import { demoCapacityModel, writeDemoCsv } from '@caseload/synth';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { CapacityRepository } from '../capacity/capacity.repository.js';
import { IngestRepository, type LoadOutcome } from './ingest.repository.js';
import { IngestService, type ImportProgress } from './ingest.service.js';

export const DEMO_LINES = 300_000;

export interface DemoOptions {
  lines: number;
  seed: number;
  onProgress?: (progress: ImportProgress) => void;
  onGenerated?: (lines: number) => void;
}

/**
 * Writes the demo CSV (three years up to yesterday) and loads it through the same import
 * path as any user's file.
 */
export async function seedDemo(app: INestApplicationContext, options: DemoOptions): Promise<{ importId: number; outcome: LoadOutcome }> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const directory = join(config.dataDir, 'uploads');
  await mkdir(directory, { recursive: true });
  const path = join(directory, `demo-${options.seed}-${options.lines}.csv`);
  try {
    const endDate = addDays(todayIn(config.timeZone), -1);
    const { lines } = await writeDemoCsv({ lines: options.lines, seed: options.seed, endDate }, createWriteStream(path));
    options.onGenerated?.(lines);
    const repository = app.get(IngestRepository);
    const importId = await repository.createImport(`demo (seed ${options.seed}, ${lines} lines)`, 0, null, null);
    const outcome = await app.get(IngestService).run(importId, path, options.onProgress);
    await seedDemoCapacity(app, outcome.rowsLoaded);
    return { importId, outcome };
  } finally {
    await rm(path, { force: true });
  }
}

/** First start with demo data on: load the demo once, when nothing was ever imported. */
export async function seedDemoIfEmpty(app: INestApplicationContext): Promise<void> {
  const repository = app.get(IngestRepository);
  if ((await repository.listImports(1)).length > 0) {
    // A demo database from before the capacity model gets the demo's model, sized to its lines.
    await seedDemoCapacity(app, await app.get(CapacityRepository).lineCount());
    return;
  }
  const logger = new Logger('Demo');
  logger.log(`first start: loading ${DEMO_LINES.toLocaleString('en-US')} demo procedure lines…`);
  const { outcome } = await seedDemo(app, { lines: DEMO_LINES, seed: 1 });
  logger.log(`demo data loaded: ${outcome.rowsLoaded} lines`);
}

/**
 * Loads the demo's capacity model (resource types, inventories sized to `lines`, US federal
 * holidays, profiles of the demo's codes) unless a model is there already: a model an admin
 * entered is never overwritten.
 */
export async function seedDemoCapacity(app: INestApplicationContext, lines: number): Promise<boolean> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const model = demoCapacityModel({ lines, endDate: todayIn(config.timeZone) });
  const loaded = await app.get(CapacityRepository).loadModelIfEmpty(model);
  if (loaded) new Logger('Demo').log(`demo capacity model loaded: ${model.resourceTypes.length} resource types, ${model.inventories.length} inventories, ${model.profiles.length} profile rows`);
  return loaded;
}
