import { Module } from '@nestjs/common';
import { AggregateCache } from './aggregate-cache.js';
import { AggregateController } from './aggregate.controller.js';
import { DataVersionService } from './data-version.service.js';
import { MemoryIndex } from './memory-index/memory-index.service.js';
import { AggregateRepository } from './aggregate.repository.js';
import { AggregateService } from './aggregate.service.js';

@Module({
  controllers: [AggregateController],
  providers: [AggregateRepository, AggregateService, AggregateCache, DataVersionService, MemoryIndex],
  exports: [AggregateService, DataVersionService, MemoryIndex],
})
export class AnalyticsModule {}
