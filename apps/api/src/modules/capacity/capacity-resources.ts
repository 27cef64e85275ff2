// From the stored model to the domain's resources and availability options, and the
// department scope of the asking user applied to a department filter.

import type { CapacityBacktest, CapacityInventory, CapacityResourceKind } from '@caseload/contracts';
import {
  DEFAULT_PRODUCTIVE_HOURS_PER_FTE,
  backtest,
  forecast,
  type AvailabilityOptions,
  type CapacityResource,
  type ForecastResult,
  type PeriodOptions,
} from '@caseload/domain';
import { InvalidParameterException } from '../../common/app.exception.js';
import type { DepartmentScope } from '../analytics/aggregate.service.js';
import type { CapacityModel } from './capacity-model-rows.js';

/** Weeks and months do not depend on the fiscal year. */
export const CALENDAR: PeriodOptions = { fiscalYearStartMonth: 1 };

/** Below this many months of history a series gets no forecast. */
export const MIN_HISTORY_MONTHS = 6;
/** Months held out by the backtest, and the history it needs: a held-out year and a year to fit on. */
export const BACKTEST_HOLDOUT = 12;
export const MIN_BACKTEST_MONTHS = 24;

/**
 * The departments a capacity answer may cover: the filter within the user's scope; null = all.
 * A filter wholly outside the scope answers as if the departments had nothing (never an error
 * that would tell which departments exist).
 */
export function departmentsInScope(filter: readonly string[] | null, scope: DepartmentScope): string[] | null {
  if (scope === null || scope.length === 0) return filter === null ? null : [...filter];
  const allowed = filter === null ? [...scope] : filter.filter((code) => scope.includes(code));
  return allowed.length === 0 ? [''] : allowed;
}

export function inDepartments(departments: readonly string[] | null, department: string): boolean {
  return departments === null || departments.includes(department);
}

/** Refuses a resource-type filter that names a type the model does not have. */
export function checkResourceTypes(parameter: string, keys: readonly string[] | null, model: CapacityModel): void {
  const known = new Set(model.resourceTypes.map((type) => type.key));
  for (const key of keys ?? []) {
    if (!known.has(key)) throw new InvalidParameterException(parameter, `"${key}" is not a resource type; the types are ${[...known].join(', ') || 'none yet'}`);
  }
}

export function kindsOf(model: CapacityModel): Map<string, CapacityResourceKind> {
  return new Map(model.resourceTypes.map((type) => [type.key, type.kind]));
}

export function resourceOf(inventory: CapacityInventory, kind: CapacityResourceKind): CapacityResource {
  return {
    id: `${inventory.department}/${inventory.resourceType}`,
    kind,
    resourceType: inventory.resourceType,
    count: inventory.count,
    schedule: inventory.schedule,
    departments: [inventory.department],
  };
}

/** Holidays of every department and of this one; FTE hours of the inventory. */
export function availabilityOf(inventory: CapacityInventory, model: CapacityModel): AvailabilityOptions {
  return {
    holidays: model.holidays.filter((h) => h.department === null || h.department === inventory.department).map((h) => h.date),
    fte: { productiveHoursPerYear: inventory.productiveHoursPerFte ?? DEFAULT_PRODUCTIVE_HOURS_PER_FTE },
  };
}

/** A monthly series' history from its first month with volume (leading months before it did not exist). */
export function fromFirstVolume(periods: readonly string[], values: readonly number[]): { periods: string[]; values: number[] } {
  const first = values.findIndex((v) => v !== 0);
  return first < 0 ? { periods: [], values: [] } : { periods: periods.slice(first), values: values.slice(first) };
}

export interface ScoredForecast {
  result: ForecastResult;
  backtest: CapacityBacktest | null;
  backtestNote: string | null;
}

/** The forecast of a monthly series and, with two years of history, its backtest on the last year. */
export function scoredForecast(values: readonly number[], horizon: number): ScoredForecast {
  const result = forecast(values.length === 0 ? [0] : values, { horizon, seasonLength: 12 });
  if (values.length < MIN_BACKTEST_MONTHS) {
    return {
      result,
      backtest: null,
      backtestNote: `A backtest holds out the last ${BACKTEST_HOLDOUT} months and needs ${MIN_BACKTEST_MONTHS} months of history (this series has ${values.length})`,
    };
  }
  const scored = backtest(values, { holdout: BACKTEST_HOLDOUT, seasonLength: 12 });
  return { result, backtest: { holdout: scored.holdout, mape: scored.mape, mase: scored.mase, coverage: scored.coverage }, backtestNote: null };
}
