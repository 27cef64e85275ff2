import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ImportStatusResponse, RejectionsResponse } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { AppException, InvalidParameterException } from '../../common/app.exception.js';
import { neutraliseFormula } from '../../common/csv-cell.js';
import { ParseIdPipe, rejectUnknownParameters } from '../../common/query-parameters.js';
import { formatCsvRecord } from './csv-records.js';
import { ImportNotFoundException, ImportRefusedException } from './ingest.exception.js';
import { IngestRepository, type ImportRecord } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';
import { ImportQueueService } from './import-queue.service.js';
import { spoolUpload } from './upload-spool.js';

const REJECTIONS_PAGE_MAX = 100_000;

@Controller('imports')
export class ImportsController {
  constructor(
    private readonly repository: IngestRepository,
    private readonly ingest: IngestService,
    private readonly queue: ImportQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Takes the CSV (raw body or multipart `file`), checks its header and queues it: 202 {id}.
   * Only unrestricted admins and analysts get here (access-rules.ts).
   */
  @Post()
  @HttpCode(202)
  async create(@Req() request: Request, @CurrentUser() user: AuthUser): Promise<{ id: number }> {
    const file = await spoolUpload(request, join(this.config.dataDir, 'uploads'), this.config.maxUploadBytes);
    const id = await this.repository.createImport(file.fileName, file.bytes, file.sha256, user.id);
    const actor = { email: user.email, address: request.ip ?? null };
    try {
      await this.ingest.checkHeader(file.path);
    } catch (error) {
      await rm(file.path, { force: true });
      if (error instanceof ImportRefusedException) await this.repository.markFailed(id, error.message);
      await this.ingest.auditImport(id, actor, 'failed', error instanceof AppException ? error.code : 'INTERNAL');
      throw error;
    }
    this.queue.enqueue(id, file.path, actor);
    return { id };
  }

  @Get()
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<{ rows: ImportStatusResponse[] }> {
    rejectUnknownParameters(query, []);
    return { rows: (await this.repository.listImports(200, visibleOnlyTo(user))).map(toResponse) };
  }

  @Get(':id')
  async status(@Param('id', new ParseIdPipe()) id: number, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<ImportStatusResponse> {
    rejectUnknownParameters(query, []);
    return toResponse(await this.find(id, user));
  }

  @Get(':id/rejections')
  async rejections(
    @Param('id', new ParseIdPipe()) id: number,
    @Query() query: Record<string, string>,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RejectionsResponse | string> {
    rejectUnknownParameters(query, ['format', 'limit', 'offset']);
    await this.find(id, user);
    const format = query['format'] ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new InvalidParameterException('format', 'must be json or csv');
    const limit = boundedInteger(query, 'limit', REJECTIONS_PAGE_MAX, 1, REJECTIONS_PAGE_MAX);
    const offset = boundedInteger(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const rows = await this.repository.rejections(id, limit, offset);
    if (format === 'json') return { rows };
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="import-${id}-rejections.csv"`);
    // The raw text is the sender's own; a spreadsheet must show it, never evaluate it.
    const lines = [formatCsvRecord(['row_number', 'column', 'reason', 'raw'])];
    for (const row of rows) lines.push(formatCsvRecord([String(row.rowNumber), row.column ?? '', row.reason, row.raw].map(neutraliseFormula)));
    return `${lines.join('\r\n')}\r\n`;
  }

  /** An import the user may not see answers exactly as a missing one does. */
  private async find(id: number, user: AuthUser): Promise<ImportRecord> {
    const found = await this.repository.findImport(id, visibleOnlyTo(user));
    if (found === null) throw new ImportNotFoundException(String(id));
    return found;
  }
}

/**
 * An import holds lines of any department, so a user limited to departments sees only the
 * imports they uploaded themself (none, as long as such users cannot import); null: all.
 */
function visibleOnlyTo(user: AuthUser): number | null {
  return user.departments.length > 0 ? user.id : null;
}

function boundedInteger(query: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidParameterException(name, `must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

function toResponse(record: ImportRecord): ImportStatusResponse {
  return {
    id: record.id,
    status: record.status,
    fileName: record.fileName,
    progress: record.progress,
    rowsTotal: record.rowsTotal,
    rowsLoaded: record.rowsLoaded,
    rowsRejected: record.rowsRejected,
    departmentsCreated: record.departmentsCreated,
    unknownColumns: record.unknownColumns,
    error: record.error,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
  };
}
