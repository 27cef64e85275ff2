import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { FeeScheduleRepository } from './fee-schedule.repository.js';
import { FeeScheduleService } from './fee-schedule.service.js';
import { FeeSchedulesController } from './fee-schedules.controller.js';

/** The Medicare Physician Fee Schedule behind `wrvu` and `expected_payment` (DESIGN §3.2, §4). */
@Module({
  imports: [AnalyticsModule],
  controllers: [FeeSchedulesController],
  providers: [FeeScheduleRepository, FeeScheduleService],
  exports: [FeeScheduleService],
})
export class ReimbursementModule {}
