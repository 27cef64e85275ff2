import { readFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { FeeScheduleFileError, parseGpciFile, parseRvuFile, type FeeSchedule } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { FeeScheduleRejectedException } from './fee-schedule.exception.js';
import { FeeScheduleRepository, type FeeScheduleYearSummary } from './fee-schedule.repository.js';
import { SHIPPED_YEAR, shippedScheduleFiles } from './shipped-schedule.js';

export interface RvuLoadResult {
  year: number;
  rvuRows: number;
  conversionFactor: number;
  /** Procedure lines whose wRVUs or expected payment changed with this year. */
  linesRepriced: number;
}

export interface GpciLoadResult {
  year: number;
  gpciLocalities: number;
  linesRepriced: number;
}

/**
 * Loads fee-schedule years from CMS's files: the whole file is read and checked before the
 * database is touched, and a year is replaced in one transaction, so a bad file changes
 * nothing. At the first start on a database, the shipped 2025 schedule is loaded.
 *
 * Lines are priced when they are loaded, so loading a year also prices the lines again, in
 * the same transaction: cached answers and the in-memory index follow the data version.
 */
@Injectable()
export class FeeScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FeeScheduleService.name);

  constructor(
    private readonly repository: FeeScheduleRepository,
    private readonly dataVersion: DataVersionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loadShippedYear();
    await this.ensurePriced();
  }

  /** Prices every line unless they are priced for this locality already (an upgraded database, a new CASELOAD_LOCALITY). */
  async ensurePriced(): Promise<void> {
    if (await this.repository.pricedFor(this.config.locality)) return;
    const lines = await this.repository.repriceAll(this.config.locality);
    this.dataVersion.invalidate();
    this.logger.log(`priced the procedure lines for ${this.config.locality ?? 'the national average'}: ${lines} changed`);
  }

  /** Loads the shipped year unless that year is already there (shipped, or loaded by an admin). */
  async loadShippedYear(): Promise<'loaded' | 'present' | 'missing'> {
    if (await this.repository.hasYear(SHIPPED_YEAR)) return 'present';
    const files = shippedScheduleFiles();
    if (files === null) {
      this.logger.warn(`The shipped ${SHIPPED_YEAR} fee schedule was not found; load one with POST /api/v1/fee-schedules/${SHIPPED_YEAR}/rvu and /gpci.`);
      return 'missing';
    }
    const rvu = parseRvuFile(await readFile(files.rvu, 'latin1'), SHIPPED_YEAR);
    const gpcis = parseGpciFile(await readFile(files.gpci, 'latin1'), SHIPPED_YEAR);
    const loaded = await this.repository.loadYearIfAbsent(SHIPPED_YEAR, rvu.rows, rvu.conversionFactor, gpcis, this.config.locality);
    if (loaded) this.dataVersion.invalidate();
    if (loaded) this.logger.log(`loaded the shipped ${SHIPPED_YEAR} fee schedule: ${rvu.rows.length} RVU rows, ${gpcis.length} localities`);
    return loaded ? 'loaded' : 'present';
  }

  async loadRvuFile(year: number, text: string): Promise<RvuLoadResult> {
    const file = readOrReject(() => parseRvuFile(text, year), 'RVU');
    const linesRepriced = await this.repository.replaceRvus(year, file.rows, file.conversionFactor, this.config.locality);
    this.dataVersion.invalidate();
    return { year, rvuRows: file.rows.length, conversionFactor: file.conversionFactor, linesRepriced };
  }

  async loadGpciFile(year: number, text: string): Promise<GpciLoadResult> {
    const rows = readOrReject(() => parseGpciFile(text, year), 'GPCI');
    const linesRepriced = await this.repository.replaceGpcis(year, rows, this.config.locality);
    this.dataVersion.invalidate();
    return { year, gpciLocalities: rows.length, linesRepriced };
  }

  list(): Promise<FeeScheduleYearSummary[]> {
    return this.repository.summaries();
  }

  schedule(): Promise<FeeSchedule> {
    return this.repository.readSchedule();
  }
}

function readOrReject<T>(read: () => T, kind: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FeeScheduleFileError) {
      throw new FeeScheduleRejectedException(`The ${kind} file was not loaded, and nothing changed. ${error.message}`);
    }
    throw error;
  }
}
