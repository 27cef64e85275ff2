import { InitialSchema1795780000000 } from './1795780000000-initial-schema.js';
import { RollupMonth1795790000000 } from './1795790000000-rollup-month.js';
import { RollupMonthCode1795800000000 } from './1795800000000-rollup-month-code.js';
import { AuditLog1795810000000 } from './1795810000000-audit-log.js';
import { FeeSchedule1795850000000 } from './1795850000000-fee-schedule.js';
import { LinePrices1795860000000 } from './1795860000000-line-prices.js';
import { ReimbursementRollups1795870000000 } from './1795870000000-reimbursement-rollups.js';
import { Capacity1795880000000 } from './1795880000000-capacity.js';
import { RollupMonthProvider1795885000000 } from './1795885000000-rollup-month-provider.js';
import { Reports1795890000000 } from './1795890000000-reports.js';
import { RollupDayCode1795895000000 } from './1795895000000-rollup-day-code.js';

export const MIGRATIONS = [InitialSchema1795780000000, RollupMonth1795790000000, RollupMonthCode1795800000000, AuditLog1795810000000, FeeSchedule1795850000000, LinePrices1795860000000, ReimbursementRollups1795870000000, Capacity1795880000000, RollupMonthProvider1795885000000, Reports1795890000000, RollupDayCode1795895000000];
