import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { CapacityCache } from './capacity-cache.js';
import { CapacityForecastService } from './capacity-forecast.service.js';
import { CapacityModelController } from './capacity-model.controller.js';
import { CapacityModelService } from './capacity-model.service.js';
import { CapacityController } from './capacity.controller.js';
import { CapacityRepository } from './capacity.repository.js';
import { CapacityService } from './capacity.service.js';
import { CapacityWarmer } from './capacity-warmer.js';

/** Capacity planning (DESIGN §3.2 resources, §4 `minutes` and `utilization`): the resource model, utilization, forecasts and needs. */
@Module({
  imports: [AnalyticsModule],
  controllers: [CapacityModelController, CapacityController],
  providers: [CapacityRepository, CapacityModelService, CapacityService, CapacityForecastService, CapacityCache, CapacityWarmer],
  exports: [CapacityModelService, CapacityRepository],
})
export class CapacityModule {}
