// What a resource needs to meet demand at a target utilization, and what-ifs on that.
// Every figure is a band (expected, low, high) so a forecast's interval carries through
// from demand to units or FTEs needed.

import { type DateRange } from './capacity-calendar.js';
import { assertCount, hoursPerUnit, type AvailabilityOptions, type CapacityResource } from './capacity.js';

export const DEFAULT_TARGET_UTILIZATION = 0.8;

export interface EstimateBand {
  expected: number;
  low: number;
  high: number;
}

/** A band whose figures are undefined (null) when nothing is available. */
export interface OptionalEstimateBand {
  expected: number | null;
  low: number | null;
  high: number | null;
}

/** A point estimate as a band of no width. */
export function estimateBand(value: number | EstimateBand): EstimateBand {
  return typeof value === 'number' ? { expected: value, low: value, high: value } : value;
}

/**
 * Demand over several forecast periods (e.g. the three months of a quarter) in minutes:
 * the sums of the values and of the bounds, × minutes per forecast unit (1 for a forecast
 * of minutes). Adding bounds treats the periods as moving together, which gives a wider
 * band than the sum's own interval: the cautious side for planning.
 */
export function demandFromForecast(points: readonly { value: number; low: number; high: number }[], minutesPerUnit = 1): EstimateBand {
  const sum = (pick: (p: { value: number; low: number; high: number }) => number): number =>
    points.reduce((a, p) => a + pick(p), 0) * minutesPerUnit;
  return { expected: sum((p) => p.value), low: sum((p) => p.low), high: sum((p) => p.high) };
}

export interface NeedsInput {
  /** Minutes of the resource that the period's procedures take (a forecast band or a figure). */
  demandMinutes: number | EstimateBand;
  /** Units or FTEs there are now. */
  count: number;
  /** Hours one unit or FTE gives in the period. */
  hoursPerUnit: number;
  /** Share of the available time that may be used, 0 < target ≤ 1; default 0.8. */
  targetUtilization?: number;
}

export interface CapacityNeeds {
  targetUtilization: number;
  count: number;
  hoursPerUnit: number;
  availableHours: number;
  demandHours: EstimateBand;
  /** Demand hours ÷ available hours; null when nothing is available. */
  utilization: OptionalEstimateBand;
  /** Hours that must be available for demand to use only the target share of them. */
  requiredHours: EstimateBand;
  /** Required hours ÷ hours per unit; null when a unit gives no hours. */
  unitsNeeded: OptionalEstimateBand;
  /** Units needed, rounded up to whole units. */
  wholeUnitsNeeded: OptionalEstimateBand;
  /** Units needed − units there are: above 0 a shortfall, below 0 a surplus. */
  gap: OptionalEstimateBand;
}

export function capacityNeeds(input: NeedsInput): CapacityNeeds {
  const target = input.targetUtilization ?? DEFAULT_TARGET_UTILIZATION;
  if (!(target > 0 && target <= 1)) throw new RangeError(`target utilization must be above 0 and at most 1 (got ${target})`);
  assertCount(input.count);
  if (!(input.hoursPerUnit >= 0)) throw new RangeError(`hours per unit must be 0 or more (got ${input.hoursPerUnit})`);
  const demand = estimateBand(input.demandMinutes);
  const available = input.count * input.hoursPerUnit;
  const map = <T>(f: (minutes: number) => T): { expected: T; low: T; high: T } => ({
    expected: f(demand.expected),
    low: f(demand.low),
    high: f(demand.high),
  });
  const hours = (minutes: number): number => minutes / 60;
  const units = (minutes: number): number | null =>
    input.hoursPerUnit > 0 ? hours(minutes) / (input.hoursPerUnit * target) : null;
  return {
    targetUtilization: target,
    count: input.count,
    hoursPerUnit: input.hoursPerUnit,
    availableHours: available,
    demandHours: map(hours),
    utilization: map((m) => (available > 0 ? hours(m) / available : null)),
    requiredHours: map((m) => hours(m) / target),
    unitsNeeded: map(units),
    // Rounding first keeps 2.0000000001 (floating-point noise) from asking for a third unit.
    wholeUnitsNeeded: map((m) => nullable(units(m), (u) => Math.ceil(roundTo(u, 9)))),
    gap: map((m) => nullable(units(m), (u) => u - input.count)),
  };
}

export interface WhatIf {
  /** Change in volume, in percent: 10 = ten percent more procedures (and minutes). */
  volumeGrowthPercent?: number;
  /** Units or FTEs added (negative: removed). */
  extraUnits?: number;
  /** Hours added to each open day of equipment. */
  extraOpeningHoursPerDay?: number;
}

export interface CapacityScenario {
  resource: CapacityResource;
  range: DateRange;
  demandMinutes: number | EstimateBand;
  targetUtilization?: number;
  availability?: AvailabilityOptions;
}

export interface CapacityPlan extends CapacityNeeds {
  resourceId: string;
  whatIf: Required<WhatIf>;
  /** What-ifs that do not apply to this resource, said in words. */
  notes: string[];
}

/** Needs of a resource over a range, after the what-ifs. */
export function planCapacity(scenario: CapacityScenario, whatIf: WhatIf = {}): CapacityPlan {
  const growth = whatIf.volumeGrowthPercent ?? 0;
  const extraUnits = whatIf.extraUnits ?? 0;
  const extraHours = whatIf.extraOpeningHoursPerDay ?? 0;
  if (!(growth > -100)) throw new RangeError(`volume growth must be above −100% (got ${growth})`);
  if (!Number.isFinite(extraHours)) throw new RangeError(`extra opening hours must be a number (got ${extraHours})`);
  const count = scenario.resource.count + extraUnits;
  if (!(count >= 0)) throw new RangeError(`removing ${-extraUnits} would leave fewer than 0 units (there are ${scenario.resource.count})`);

  const notes: string[] = [];
  const staff = scenario.resource.kind === 'staff';
  if (staff && extraHours !== 0) notes.push('Longer opening hours do not change staff time, which FTEs set');
  const perUnit = hoursPerUnit(scenario.resource, scenario.range, {
    ...scenario.availability,
    extraOpeningHoursPerDay: staff ? 0 : (scenario.availability?.extraOpeningHoursPerDay ?? 0) + extraHours,
  });
  const demand = estimateBand(scenario.demandMinutes);
  const factor = 1 + growth / 100;
  const needs = capacityNeeds({
    demandMinutes: { expected: demand.expected * factor, low: demand.low * factor, high: demand.high * factor },
    count,
    hoursPerUnit: perUnit,
    ...(scenario.targetUtilization === undefined ? {} : { targetUtilization: scenario.targetUtilization }),
  });
  return {
    ...needs,
    resourceId: scenario.resource.id,
    whatIf: { volumeGrowthPercent: growth, extraUnits, extraOpeningHoursPerDay: extraHours },
    notes,
  };
}

function nullable(value: number | null, f: (v: number) => number): number | null {
  return value === null ? null : f(value);
}

function roundTo(value: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(value * k) / k;
}
