import { createReadStream } from 'node:fs';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ReportRun, ReportRunsResponse, ReportsResponse, SavedReport } from '@caseload/contracts';
import { InvalidParameterException } from '../../common/app.exception.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { ReportsService } from './reports.service.js';

function id(raw: string, name = 'id'): number {
  if (!/^\d{1,9}$/.test(raw)) throw new InvalidParameterException(name, `must be a whole number (got "${raw.slice(0, 20)}")`);
  return Number(raw);
}

/** Saved reports: each user's own (an admin sees all), run on request or on a schedule. */
@Controller('reports')
export class ReportsController {
  constructor(private readonly service: ReportsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser): Promise<ReportsResponse> {
    return { reports: await this.service.list(user) };
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<SavedReport> {
    return this.service.create(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') raw: string): Promise<SavedReport> {
    return this.service.get(user, id(raw));
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id') raw: string, @Body() body: unknown): Promise<SavedReport> {
    return this.service.update(user, id(raw), body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id') raw: string): Promise<void> {
    await this.service.remove(user, id(raw));
  }

  /** Starts a run now (202); follow it in GET /reports/:id/runs. */
  @Post(':id/run')
  @HttpCode(202)
  run(@CurrentUser() user: AuthUser, @Param('id') raw: string): Promise<ReportRun> {
    return this.service.runNow(user, id(raw));
  }

  @Get(':id/runs')
  async runs(@CurrentUser() user: AuthUser, @Param('id') raw: string): Promise<ReportRunsResponse> {
    return { runs: await this.service.runs(user, id(raw)) };
  }

  /** The file a run kept in the reports folder. */
  @Get(':id/runs/:runId/file')
  async file(@CurrentUser() user: AuthUser, @Param('id') raw: string, @Param('runId') rawRun: string, @Res() response: Response): Promise<void> {
    const { path, fileName } = await this.service.runFile(user, id(raw), id(rawRun, 'runId'));
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.type(fileName.slice(fileName.lastIndexOf('.')));
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(path);
      stream.on('error', reject);
      response.on('finish', resolve);
      stream.pipe(response);
    });
  }
}
