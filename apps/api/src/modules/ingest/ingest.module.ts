import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { ImportQueueService } from './import-queue.service.js';
import { ImportsController } from './imports.controller.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';

@Module({
  imports: [AnalyticsModule],
  controllers: [ImportsController],
  providers: [IngestRepository, IngestService, ImportQueueService],
  exports: [IngestService, IngestRepository, ImportQueueService],
})
export class IngestModule {}
