import { Module } from '@nestjs/common';
import { ImportQueueService } from './import-queue.service.js';
import { ImportsController } from './imports.controller.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';

@Module({
  controllers: [ImportsController],
  providers: [IngestRepository, IngestService, ImportQueueService],
  exports: [IngestService, IngestRepository, ImportQueueService],
})
export class IngestModule {}
