import { Module } from '@nestjs/common';
import { AggregateController } from './aggregate.controller.js';
import { AggregateRepository } from './aggregate.repository.js';
import { AggregateService } from './aggregate.service.js';

@Module({
  controllers: [AggregateController],
  providers: [AggregateRepository, AggregateService],
  exports: [AggregateService],
})
export class AnalyticsModule {}
