import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { ExportController } from './export.controller.js';
import { ExportRowsRepository } from './export-rows.repository.js';
import { ExportService } from './export.service.js';

/** Files of aggregate answers (DESIGN §6 /export), suppressed and audited (§7). */
@Module({
  imports: [AnalyticsModule],
  controllers: [ExportController],
  providers: [ExportService, ExportRowsRepository],
  exports: [ExportService],
})
export class ExportModule {}
