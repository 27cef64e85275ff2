import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Headers, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { todayIn } from '@caseload/domain';
import type { DenialCodesLoadResult, DenialReasonsResponse, WhatIfResponse } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { AuditService } from '../audit/audit.service.js';
import { spoolUpload } from '../ingest/upload-spool.js';
import { FeeScheduleRejectedException } from './fee-schedule.exception.js';
import { parseDenialReasonsQuery, parseWhatIfQuery } from './reimbursement-query.js';
import { ReimbursementAnalysisService } from './reimbursement-analysis.service.js';

/** X12's CARC list is about 50 kB. */
const MAX_CODES_BYTES = 4 * 1024 ** 2;

/** The reimbursement page's views beyond the aggregate query: what-ifs and denial reasons. */
@Controller('reimbursement')
export class ReimbursementController {
  constructor(
    private readonly service: ReimbursementAnalysisService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Expected payment by department and section, as loaded and under `conversion_factor` / `work_rvu_percent`. */
  @Get('what-if')
  whatIf(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Headers('cache-control') cacheControl?: string): Promise<WhatIfResponse> {
    return this.service.whatIf(parseWhatIfQuery(query, todayIn(this.config.timeZone)), user.departments, { fresh: wantsFresh(cacheControl) });
  }

  /** The top CARC reasons among the denied lines, with the descriptions the user loaded. */
  @Get('denial-reasons')
  denialReasons(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Headers('cache-control') cacheControl?: string): Promise<DenialReasonsResponse> {
    return this.service.denialReasons(parseDenialReasonsQuery(query, todayIn(this.config.timeZone)), user.departments, { fresh: wantsFresh(cacheControl) });
  }

  /** The CARC list (CSV with code and description) as the body or the multipart field `file`; replaces the one loaded. */
  @Post('denial-codes')
  @HttpCode(200)
  async loadDenialCodes(@Req() request: Request, @CurrentUser() user: AuthUser): Promise<DenialCodesLoadResult> {
    if (request.is('application/json')) {
      throw new FeeScheduleRejectedException('Send the CSV file as the request body (Content-Type: text/csv) or as the multipart field "file".');
    }
    const file = await spoolUpload(request, join(this.config.dataDir, 'uploads'), Math.min(this.config.maxUploadBytes, MAX_CODES_BYTES));
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } finally {
      await rm(file.path, { force: true });
    }
    const result = await this.service.loadDenialCodes(text);
    await this.audit.record({ action: 'denial_codes.load', actor: user.email, address: request.ip ?? null, details: { codes: result.codes } });
    return result;
  }
}

/** `Cache-Control: no-cache` asks for an answer computed afresh, as on the aggregate route. */
function wantsFresh(cacheControl: string | undefined): boolean {
  return cacheControl?.includes('no-cache') ?? false;
}
