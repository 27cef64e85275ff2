import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { FeeScheduleRepository } from './fee-schedule.repository.js';
import { FeeScheduleService } from './fee-schedule.service.js';
import { FeeSchedulesController } from './fee-schedules.controller.js';
import { ReimbursementAnalysisRepository } from './reimbursement-analysis.repository.js';
import { ReimbursementAnalysisService } from './reimbursement-analysis.service.js';
import { ReimbursementController } from './reimbursement.controller.js';

/** The Medicare Physician Fee Schedule behind `wrvu` and `expected_payment` (DESIGN §3.2, §4), what-ifs and denial reasons. */
@Module({
  imports: [AnalyticsModule],
  controllers: [FeeSchedulesController, ReimbursementController],
  providers: [FeeScheduleRepository, FeeScheduleService, ReimbursementAnalysisRepository, ReimbursementAnalysisService],
  exports: [FeeScheduleService],
})
export class ReimbursementModule {}
