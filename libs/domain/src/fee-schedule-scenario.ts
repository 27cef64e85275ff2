// What-if schedules (reimbursement): the fee schedule as it would be under another conversion
// factor or with work RVUs changed by a percentage. The scenario is an ordinary FeeSchedule,
// so it is priced by the same `priceLine` as the real one and the two differ only by the change.

import { buildFeeSchedule, type FeeSchedule, type RvuRow } from './fee-schedule.js';

export interface FeeScheduleScenario {
  /** Replaces the conversion factor of every year (dollars, up to 4 decimals as CMS publishes it). */
  conversionFactor?: number;
  /** Changes every work RVU by this percentage (e.g. 2.5 or -10); the results are rounded to hundredths, as CMS publishes RVUs. */
  workRvuPercent?: number;
}

export const MIN_CONVERSION_FACTOR = 0.0001;
export const MAX_CONVERSION_FACTOR = 1000;
export const MIN_WORK_RVU_PERCENT = -100;
export const MAX_WORK_RVU_PERCENT = 1000;

/** A work RVU changed by `percent`, rounded half up to hundredths, in exact integer arithmetic. */
export function scaledWorkRvu(work: number, percent: number): number {
  // RVUs carry 2 decimals and the percentage at most 2: the product is exact in 1e-6 units.
  const scaled = Math.round(work * 100) * (10_000 + Math.round(percent * 100));
  return Math.round(scaled / 10_000) / 100;
}

/** The schedule as the scenario changes it; years without an RVU file stay as they are. */
export function scenarioSchedule(schedule: FeeSchedule, scenario: FeeScheduleScenario): FeeSchedule {
  const { conversionFactor, workRvuPercent } = scenario;
  if (conversionFactor !== undefined && !(conversionFactor >= MIN_CONVERSION_FACTOR && conversionFactor <= MAX_CONVERSION_FACTOR)) {
    throw new RangeError(`conversion factor ${conversionFactor} is outside ${MIN_CONVERSION_FACTOR}..${MAX_CONVERSION_FACTOR}`);
  }
  if (workRvuPercent !== undefined && !(workRvuPercent >= MIN_WORK_RVU_PERCENT && workRvuPercent <= MAX_WORK_RVU_PERCENT)) {
    throw new RangeError(`work RVU change ${workRvuPercent}% is outside ${MIN_WORK_RVU_PERCENT}..${MAX_WORK_RVU_PERCENT}%`);
  }
  const years = [...schedule.years.values()];
  const rvus: RvuRow[] = years.flatMap((year) =>
    [...year.rvus.values()].map((row) => (workRvuPercent === undefined ? row : { ...row, work: scaledWorkRvu(row.work, workRvuPercent) })),
  );
  return buildFeeSchedule({
    rvus,
    gpcis: years.flatMap((year) => [...year.gpcis.values()]),
    conversionFactors: years
      .filter((year) => year.conversionFactor !== null)
      .map((year) => ({ year: year.year, conversionFactor: conversionFactor ?? year.conversionFactor! })),
  });
}
