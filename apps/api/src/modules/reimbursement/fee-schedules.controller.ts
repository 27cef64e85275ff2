import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { InvalidParameterException } from '../../common/app.exception.js';
import { rejectUnknownParameters } from '../../common/query-parameters.js';
import { AuditService } from '../audit/audit.service.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { spoolUpload } from '../ingest/upload-spool.js';
import { FeeScheduleRejectedException } from './fee-schedule.exception.js';
import type { FeeScheduleYearSummary } from './fee-schedule.repository.js';
import { FeeScheduleService, type GpciLoadResult, type RvuLoadResult } from './fee-schedule.service.js';

/** CMS's RVU file is about 3 MB a year; this leaves room for any future release. */
const MAX_FILE_BYTES = 64 * 1024 ** 2;
const FIRST_YEAR = 1992;
const LAST_YEAR = 2100;

/** The Medicare Physician Fee Schedule: loading a year (admins) and listing the years loaded. */
@Controller('fee-schedules')
export class FeeSchedulesController {
  constructor(
    private readonly service: FeeScheduleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>): Promise<{ years: FeeScheduleYearSummary[] }> {
    rejectUnknownParameters(query, []);
    return { years: await this.service.list() };
  }

  /** CMS's RVU file (PPRRVU…csv) as the body (text/csv) or the multipart field `file`; replaces the year's RVUs and conversion factor. */
  @Post(':year/rvu')
  @HttpCode(200)
  async loadRvu(@Param('year') year: string, @Req() request: Request, @CurrentUser() user: AuthUser): Promise<RvuLoadResult> {
    const checked = scheduleYear(year);
    const result = await this.service.loadRvuFile(checked, await this.readUpload(request));
    await this.audit.record({ action: 'fee_schedule.load', actor: user.email, address: request.ip ?? null, details: { file: 'rvu', ...result } });
    return result;
  }

  /** CMS's GPCI file (GPCI….csv); replaces the year's localities. */
  @Post(':year/gpci')
  @HttpCode(200)
  async loadGpci(@Param('year') year: string, @Req() request: Request, @CurrentUser() user: AuthUser): Promise<GpciLoadResult> {
    const checked = scheduleYear(year);
    const result = await this.service.loadGpciFile(checked, await this.readUpload(request));
    await this.audit.record({ action: 'fee_schedule.load', actor: user.email, address: request.ip ?? null, details: { file: 'gpci', ...result } });
    return result;
  }

  private async readUpload(request: Request): Promise<string> {
    if (request.is('application/json')) {
      throw new FeeScheduleRejectedException('Send the CSV file as the request body (Content-Type: text/csv) or as the multipart field "file".');
    }
    const file = await spoolUpload(request, join(this.config.dataDir, 'uploads'), Math.min(this.config.maxUploadBytes, MAX_FILE_BYTES));
    try {
      // Codes and numbers are ASCII; Latin-1 reads any byte of the descriptors, which are dropped.
      return await readFile(file.path, 'latin1');
    } finally {
      await rm(file.path, { force: true });
    }
  }
}

function scheduleYear(raw: string): number {
  if (!/^\d{4}$/.test(raw) || Number(raw) < FIRST_YEAR || Number(raw) > LAST_YEAR) {
    throw new InvalidParameterException('year', `must be a fee-schedule year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  return Number(raw);
}
