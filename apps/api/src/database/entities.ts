import { RollupDayCodeEntity } from '../modules/analytics/entities/rollup-day-code.entity.js';
import { RollupMonthCodeEntity } from '../modules/analytics/entities/rollup-month-code.entity.js';
import { RollupMonthDenialEntity } from '../modules/analytics/entities/rollup-month-denial.entity.js';
import { RollupMonthEntity } from '../modules/analytics/entities/rollup-month.entity.js';
import { RollupMonthPriceEntity } from '../modules/analytics/entities/rollup-month-price.entity.js';
import { RollupMonthProviderEntity } from '../modules/analytics/entities/rollup-month-provider.entity.js';
import { AuditLogEntity } from '../modules/audit/entities/audit-log.entity.js';
import { UserEntity } from '../modules/auth/entities/user.entity.js';
import { CapacityHolidayEntity } from '../modules/capacity/entities/capacity-holiday.entity.js';
import { CapacityInventoryEntity } from '../modules/capacity/entities/capacity-inventory.entity.js';
import { CapacityProfileEntity } from '../modules/capacity/entities/capacity-profile.entity.js';
import { CapacityResourceTypeEntity } from '../modules/capacity/entities/capacity-resource-type.entity.js';
import { DepartmentEntity } from '../modules/catalog/entities/department.entity.js';
import { PayerEntity } from '../modules/catalog/entities/payer.entity.js';
import { ProcedureCodeEntity } from '../modules/catalog/entities/procedure-code.entity.js';
import { EncounterEntity } from '../modules/ingest/entities/encounter.entity.js';
import { ImportRejectionEntity } from '../modules/ingest/entities/import-rejection.entity.js';
import { ImportEntity } from '../modules/ingest/entities/import.entity.js';
import { PatientEntity } from '../modules/ingest/entities/patient.entity.js';
import { ProcedureLineEntity } from '../modules/ingest/entities/procedure-line.entity.js';
import { DenialReasonCodeEntity } from '../modules/reimbursement/entities/denial-reason-code.entity.js';
import { FeeScheduleCfEntity } from '../modules/reimbursement/entities/fee-schedule-cf.entity.js';
import { FeeScheduleGpciEntity } from '../modules/reimbursement/entities/fee-schedule-gpci.entity.js';
import { FeeSchedulePricePeriodEntity } from '../modules/reimbursement/entities/fee-schedule-price-period.entity.js';
import { FeeSchedulePriceEntity } from '../modules/reimbursement/entities/fee-schedule-price.entity.js';
import { FeeScheduleRepriceEntity } from '../modules/reimbursement/entities/fee-schedule-reprice.entity.js';
import { FeeScheduleRvuEntity } from '../modules/reimbursement/entities/fee-schedule-rvu.entity.js';
import { ReportRunEntity } from '../modules/reports/entities/report-run.entity.js';
import { ReportEntity } from '../modules/reports/entities/report.entity.js';

export const ENTITIES = [
  UserEntity,
  DepartmentEntity,
  PayerEntity,
  ProcedureCodeEntity,
  PatientEntity,
  EncounterEntity,
  ProcedureLineEntity,
  ImportEntity,
  ImportRejectionEntity,
  RollupMonthEntity,
  RollupMonthCodeEntity,
  AuditLogEntity,
  FeeScheduleRvuEntity,
  FeeScheduleGpciEntity,
  FeeScheduleCfEntity,
  FeeSchedulePriceEntity,
  FeeSchedulePricePeriodEntity,
  FeeScheduleRepriceEntity,
  RollupMonthPriceEntity,
  RollupMonthDenialEntity,
  DenialReasonCodeEntity,
  CapacityResourceTypeEntity,
  CapacityInventoryEntity,
  CapacityHolidayEntity,
  CapacityProfileEntity,
  ReportEntity,
  ReportRunEntity,
  RollupMonthProviderEntity,
  RollupDayCodeEntity,
];
