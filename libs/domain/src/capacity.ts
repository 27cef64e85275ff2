// Capacity arithmetic (DESIGN §3.2 resources, §4 `minutes` and `utilization`): the
// hours a resource is available in a date range, the minutes procedures took of it,
// and the ratio of the two. Needs and what-ifs build on these in capacity-needs.ts.

import { assertRange, openHours, workingDays, type DateRange, type WeeklySchedule } from './capacity-calendar.js';
import { maxDate, minDate, type IsoDate } from './dates.js';
import { enumeratePeriods, type Grain, type PeriodOptions } from './periods.js';

export const RESOURCE_KINDS = ['equipment', 'staff'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** 2,080 paid hours (52 weeks × 40) less 312 hours of leave. */
export const DEFAULT_PRODUCTIVE_HOURS_PER_FTE = 1768;
/** Weekdays in a year of 52 weeks: the days over which an FTE's productive hours are spread. */
export const DEFAULT_WORKING_DAYS_PER_YEAR = 260;

export interface CapacityResource {
  id: string;
  kind: ResourceKind;
  /** The resource type that procedure profiles name, e.g. `ct_scanner`, `technologist`. */
  resourceType: string;
  /** Units of equipment, or FTEs of staff. */
  count: number;
  /** Equipment: its opening hours. Staff: the weekdays with hours are the working days. */
  schedule: WeeklySchedule;
  /**
   * Departments that share the resource: its time is one pool, and the minutes of all of
   * them count against it. Absent: every department's procedures use it.
   */
  departments?: readonly string[];
}

export interface FteOptions {
  /** Productive hours of 1 FTE in a year, leave other than the calendar's holidays taken off. */
  productiveHoursPerYear?: number;
  /** Working days in a year over which those hours are spread. */
  workingDaysPerYear?: number;
}

export interface AvailabilityOptions {
  /** Days on which nothing is open and nobody works. */
  holidays?: readonly IsoDate[];
  fte?: FteOptions;
  /** Hours added to each open day of equipment (a what-if); staff time is set by FTEs. */
  extraOpeningHoursPerDay?: number;
}

/**
 * Hours that one unit (equipment) or one FTE (staff) gives in the range.
 * Equipment: its opening hours on the days that are not holidays.
 * Staff: productive hours per year × working days in the range ÷ working days per year,
 * so leave is spread evenly over working days and holidays are days nobody works.
 */
export function hoursPerUnit(resource: CapacityResource, range: DateRange, options: AvailabilityOptions = {}): number {
  const holidays = options.holidays ?? [];
  if (resource.kind === 'equipment') {
    return openHours(resource.schedule, range, holidays, options.extraOpeningHoursPerDay ?? 0);
  }
  const perYear = options.fte?.productiveHoursPerYear ?? DEFAULT_PRODUCTIVE_HOURS_PER_FTE;
  const daysPerYear = options.fte?.workingDaysPerYear ?? DEFAULT_WORKING_DAYS_PER_YEAR;
  if (!(perYear >= 0) || !(daysPerYear > 0)) {
    throw new RangeError(`productive hours per year must be 0 or more and working days per year above 0 (got ${perYear}, ${daysPerYear})`);
  }
  return (perYear * workingDays(resource.schedule, range, holidays)) / daysPerYear;
}

/** The resource's pool of hours in the range: units or FTEs × hours per unit. */
export function availableHours(resource: CapacityResource, range: DateRange, options: AvailabilityOptions = {}): number {
  assertCount(resource.count);
  return resource.count * hoursPerUnit(resource, range, options);
}

export interface PeriodHours {
  label: string;
  /** The part of the period inside the range: a period cut by the range counts only its days in it. */
  from: IsoDate;
  to: IsoDate;
  hours: number;
}

/** Available hours per period of the grain, the first and last periods cut to the range. */
export function availableHoursByPeriod(
  resource: CapacityResource,
  range: DateRange,
  grain: Grain,
  options: AvailabilityOptions & { periods?: PeriodOptions } = {},
): PeriodHours[] {
  assertRange(range);
  const periodOptions = options.periods ?? { fiscalYearStartMonth: 7 };
  return enumeratePeriods(range.from, range.to, grain, periodOptions).map((p) => {
    const part = { from: maxDate(p.start, range.from), to: minDate(p.end, range.to) };
    return { label: p.label, ...part, hours: availableHours(resource, part, options) };
  });
}

/** Procedure lines, one per row or grouped: lines alike in department, code and whether minutes were recorded. */
export interface UsageRow {
  department: string;
  code: string;
  units: number;
  /** Actual minutes recorded on the line(s); absent or null where none were. */
  minutes?: number | null;
}

/** Per code, the minutes one unit takes of each resource type, e.g. `{ '74177': { ct_scanner: 30 } }`. */
export type ResourceProfiles = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Minutes a row took of a resource type (DESIGN §4 `minutes`): the actual minutes where
 * recorded, else units × the profile's minutes. The profile decides which resource
 * types a code occupies, so a code whose profile lacks the type takes none of it.
 */
export function rowMinutes(row: UsageRow, profiles: ResourceProfiles, resourceType: string): number {
  const perUnit = profiles[row.code]?.[resourceType];
  if (perUnit === undefined) return 0;
  return row.minutes !== undefined && row.minutes !== null ? row.minutes : row.units * perUnit;
}

export interface ResourceUsage {
  /** Minutes used, summed over the departments that share the resource. */
  minutes: number;
  byDepartment: Record<string, number>;
  /** Rows of those departments whose code has no profile at all: their use is unknown. */
  unprofiledRows: number;
}

export function resourceUsage(resource: CapacityResource, rows: readonly UsageRow[], profiles: ResourceProfiles): ResourceUsage {
  const sharing = resource.departments === undefined ? null : new Set(resource.departments);
  const byDepartment: Record<string, number> = {};
  let minutes = 0;
  let unprofiledRows = 0;
  for (const row of rows) {
    if (sharing !== null && !sharing.has(row.department)) continue;
    if (profiles[row.code] === undefined) {
      unprofiledRows++;
      continue;
    }
    const m = rowMinutes(row, profiles, resource.resourceType);
    if (m === 0) continue;
    minutes += m;
    byDepartment[row.department] = (byDepartment[row.department] ?? 0) + m;
  }
  return { minutes, byDepartment, unprofiledRows };
}

/** Minutes used ÷ minutes available (DESIGN §4 `utilization`); null when nothing is available. */
export function utilization(usedMinutes: number, availableHours: number): number | null {
  return availableHours > 0 ? usedMinutes / (availableHours * 60) : null;
}

export interface ResourceUtilization extends ResourceUsage {
  availableHours: number;
  utilization: number | null;
}

/** A resource's pool against the minutes all its departments used in the range. */
export function resourceUtilization(
  resource: CapacityResource,
  rows: readonly UsageRow[],
  profiles: ResourceProfiles,
  range: DateRange,
  options: AvailabilityOptions = {},
): ResourceUtilization {
  const usage = resourceUsage(resource, rows, profiles);
  const available = availableHours(resource, range, options);
  return { ...usage, availableHours: available, utilization: utilization(usage.minutes, available) };
}

export function assertCount(count: number): void {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`units or FTEs must be 0 or more (got ${count})`);
}
