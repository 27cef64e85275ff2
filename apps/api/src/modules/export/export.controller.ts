import { Controller, Get, Inject, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { todayIn } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { manifestHeader } from './export-manifest.js';
import { parseExportRequest } from './export-query.js';
import { ExportService } from './export.service.js';

/** Header that carries the manifest as JSON: the CSV has no room for it inside. */
export const MANIFEST_HEADER = 'X-Caseload-Manifest';

@Controller('export')
export class ExportController {
  constructor(
    private readonly service: ExportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `GET /export?…the aggregate query…&format=csv|xlsx|arrow|pdf[&suppress=false][&bom=true]` (DESIGN §6). */
  @Get()
  async export(
    @Query() params: Record<string, unknown>,
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const exportRequest = parseExportRequest(params, todayIn(this.config.timeZone), user.role);
    const file = await this.service.export(exportRequest, user, request.ip ?? null);
    response.setHeader(MANIFEST_HEADER, manifestHeader(file.manifest));
    response.setHeader('Access-Control-Expose-Headers', `${MANIFEST_HEADER}, Content-Disposition`);
    response.setHeader('Cache-Control', 'no-store');
    const options = { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` };
    return file.body instanceof Uint8Array ? new StreamableFile(file.body, { ...options, length: file.body.byteLength }) : new StreamableFile(file.body, options);
  }
}
