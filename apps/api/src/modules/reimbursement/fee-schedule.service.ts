import { readFile } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { FeeScheduleFileError, parseGpciFile, parseRvuFile, type FeeSchedule } from '@caseload/domain';
import { FeeScheduleRejectedException } from './fee-schedule.exception.js';
import { FeeScheduleRepository, type FeeScheduleYearSummary } from './fee-schedule.repository.js';
import { SHIPPED_YEAR, shippedScheduleFiles } from './shipped-schedule.js';

export interface RvuLoadResult {
  year: number;
  rvuRows: number;
  conversionFactor: number;
}

export interface GpciLoadResult {
  year: number;
  gpciLocalities: number;
}

/**
 * Loads fee-schedule years from CMS's files: the whole file is read and checked before the
 * database is touched, and a year is replaced in one transaction, so a bad file changes
 * nothing. At the first start on a database, the shipped 2025 schedule is loaded.
 */
@Injectable()
export class FeeScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FeeScheduleService.name);

  constructor(private readonly repository: FeeScheduleRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loadShippedYear();
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
    const loaded = await this.repository.loadYearIfAbsent(SHIPPED_YEAR, rvu.rows, rvu.conversionFactor, gpcis);
    if (loaded) this.logger.log(`loaded the shipped ${SHIPPED_YEAR} fee schedule: ${rvu.rows.length} RVU rows, ${gpcis.length} localities`);
    return loaded ? 'loaded' : 'present';
  }

  async loadRvuFile(year: number, text: string): Promise<RvuLoadResult> {
    const file = readOrReject(() => parseRvuFile(text, year), 'RVU');
    await this.repository.replaceRvus(year, file.rows, file.conversionFactor);
    return { year, rvuRows: file.rows.length, conversionFactor: file.conversionFactor };
  }

  async loadGpciFile(year: number, text: string): Promise<GpciLoadResult> {
    const rows = readOrReject(() => parseGpciFile(text, year), 'GPCI');
    await this.repository.replaceGpcis(year, rows);
    return { year, gpciLocalities: rows.length };
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
