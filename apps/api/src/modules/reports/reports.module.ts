import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ExportModule } from '../export/export.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/** Saved and scheduled reports (DESIGN §6 exports, run by a schedule). */
@Module({
  imports: [AuthModule, ExportModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
