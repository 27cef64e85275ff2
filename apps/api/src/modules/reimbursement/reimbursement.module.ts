import { Module } from '@nestjs/common';
import { FeeScheduleRepository } from './fee-schedule.repository.js';
import { FeeScheduleService } from './fee-schedule.service.js';
import { FeeSchedulesController } from './fee-schedules.controller.js';

/** The Medicare Physician Fee Schedule behind `wrvu` and `expected_payment` (DESIGN §3.2, §4). */
@Module({
  controllers: [FeeSchedulesController],
  providers: [FeeScheduleRepository, FeeScheduleService],
  exports: [FeeScheduleService],
})
export class ReimbursementModule {}
