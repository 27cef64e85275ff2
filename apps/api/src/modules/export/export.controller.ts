import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { todayIn } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { manifestHeader } from './export-manifest.js';
import { parseExportRequest } from './export-query.js';
import { ExportAbortedError, ExportSink } from './export-sink.js';
import { ExportService, type ExportResult } from './export.service.js';

/** Header that carries the manifest as JSON: the CSV has no room for it inside. */
export const MANIFEST_HEADER = 'X-Caseload-Manifest';

@Controller('export')
export class ExportController {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly service: ExportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `GET /export?…the aggregate query…&format=csv|xlsx|arrow|pdf[&suppress=false][&bom=true]` (DESIGN §6).
   * Everything that can fail before the first byte (parameters, the query's first rows) answers
   * a JSON error through the exception filter. Once the headers are out, a failure aborts the
   * connection: the client sees a broken transfer, never a truncated file that looks complete.
   */
  @Get()
  async export(@Query() params: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const exportRequest = parseExportRequest(params, todayIn(this.config.timeZone), user.role);
    const file = await this.service.export(exportRequest, user, request.ip ?? null);
    response.status(200);
    response.setHeader(MANIFEST_HEADER, manifestHeader(file.manifest));
    response.setHeader('Access-Control-Expose-Headers', `${MANIFEST_HEADER}, Content-Disposition`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    try {
      await send(file, response);
      response.end();
    } catch (error) {
      if (error instanceof ExportAbortedError) this.logger.warn(`export ${exportRequest.format} by ${user.email} stopped: ${error.message}`);
      else this.logger.error(`export ${exportRequest.format} by ${user.email} failed after its first byte; connection aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response.destroy();
    }
  }
}

async function send(file: ExportResult, response: Response): Promise<void> {
  if (file.kind === 'stream') {
    await file.write(new ExportSink(response));
    return;
  }
  if (file.body instanceof Uint8Array) {
    response.setHeader('Content-Length', String(file.body.byteLength));
    await new ExportSink(response).write(file.body);
    return;
  }
  await new ExportSink(response).pipeFrom(file.body);
}
