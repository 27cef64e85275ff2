import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CapacityListResponse, CapacityReplaceResponse } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { InvalidParameterException } from '../../common/app.exception.js';
import { neutraliseFormula } from '../../common/csv-cell.js';
import { rejectUnknownParameters } from '../../common/query-parameters.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { formatCsvRecord } from '../ingest/csv-records.js';
import { spoolUpload } from '../ingest/upload-spool.js';
import { CapacityRejectedException, CapacityRejectedFilter } from './capacity.exception.js';
import { CapacityModelService, type Actor } from './capacity-model.service.js';
import { CSV_COLUMNS, csvRecordsOf, type CapacityList, type ListRow } from './capacity-model-rows.js';

/** The model's files are small (a profile row is ~30 bytes); this leaves room for a whole code set. */
const MAX_FILE_BYTES = 16 * 1024 ** 2;

/**
 * The capacity model (DESIGN §3.2): resource types, department inventories, holidays and code
 * profiles. Everyone reads (a scoped user, their departments' inventories and holidays);
 * admins replace a list, as JSON (PUT) or from a CSV file (POST …/import).
 */
@Controller('capacity')
@UseFilters(CapacityRejectedFilter)
export class CapacityModelController {
  constructor(
    private readonly service: CapacityModelService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('resource-types')
  resourceTypes(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response) {
    return this.read('resource-types', query, user, response);
  }

  @Put('resource-types')
  replaceResourceTypes(@Body() body: unknown, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.replace('resource-types', body, query, user, request);
  }

  @Post('resource-types/import')
  @HttpCode(200)
  importResourceTypes(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.import('resource-types', query, user, request);
  }

  @Get('inventories')
  inventories(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response) {
    return this.read('inventories', query, user, response);
  }

  @Put('inventories')
  replaceInventories(@Body() body: unknown, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.replace('inventories', body, query, user, request);
  }

  @Post('inventories/import')
  @HttpCode(200)
  importInventories(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.import('inventories', query, user, request);
  }

  @Get('holidays')
  holidays(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response) {
    return this.read('holidays', query, user, response);
  }

  @Put('holidays')
  replaceHolidays(@Body() body: unknown, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.replace('holidays', body, query, user, request);
  }

  @Post('holidays/import')
  @HttpCode(200)
  importHolidays(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.import('holidays', query, user, request);
  }

  @Get('profiles')
  profiles(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response) {
    return this.read('profiles', query, user, response);
  }

  @Put('profiles')
  replaceProfiles(@Body() body: unknown, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.replace('profiles', body, query, user, request);
  }

  @Post('profiles/import')
  @HttpCode(200)
  importProfiles(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.import('profiles', query, user, request);
  }

  /** JSON `{rows}`, or with `format=csv` a file in the import's format. */
  private async read<L extends CapacityList>(list: L, query: Record<string, unknown>, user: AuthUser, response: Response): Promise<CapacityListResponse<ListRow<L>> | string> {
    rejectUnknownParameters(query, ['format']);
    const format = query['format'] ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new InvalidParameterException('format', 'must be json or csv');
    const rows = await this.service.list(list, user.departments);
    if (format === 'json') return { rows };
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="capacity-${list}.csv"`);
    // Department codes and names are people's text: a spreadsheet must show them, never evaluate them.
    const lines = [formatCsvRecord(CSV_COLUMNS[list]), ...csvRecordsOf(list, rows).map((record) => formatCsvRecord(record.map(neutraliseFormula)))];
    return `${lines.join('\r\n')}\r\n`;
  }

  private replace(list: CapacityList, body: unknown, query: Record<string, unknown>, user: AuthUser, request: Request): Promise<CapacityReplaceResponse> {
    rejectUnknownParameters(query, []);
    return this.service.replaceFromJson(list, body, actorOf(user, request));
  }

  private async import(list: CapacityList, query: Record<string, unknown>, user: AuthUser, request: Request): Promise<CapacityReplaceResponse> {
    rejectUnknownParameters(query, []);
    if (request.is('application/json')) {
      throw new CapacityRejectedException('Send the CSV file as the request body (Content-Type: text/csv) or as the multipart field "file"; to send JSON, use PUT.', [
        { row: null, column: null, reason: 'the body is JSON, not a CSV file' },
      ]);
    }
    const file = await spoolUpload(request, join(this.config.dataDir, 'uploads'), Math.min(this.config.maxUploadBytes, MAX_FILE_BYTES));
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } finally {
      await rm(file.path, { force: true });
    }
    return this.service.replaceFromCsv(list, text, actorOf(user, request));
  }
}

function actorOf(user: AuthUser, request: Request): Actor {
  return { email: user.email, address: request.ip ?? null };
}
