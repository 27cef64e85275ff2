import { Injectable } from '@nestjs/common';
import type {
  CapacityInventory,
  CapacityResourceKind,
  CapacityNeed,
  CapacityNeedsResponse,
  CapacityNeedsRow,
  CapacityPooledRow,
  CapacityUtilizationResponse,
  CapacityUtilizationRow,
} from '@caseload/contracts';
import {
  DEFAULT_INTERVAL_LEVEL,
  availableHoursByPeriod,
  completeSeries,
  demandFromForecast,
  enumeratePeriods,
  followingPeriods,
  parsePeriodLabel,
  planCapacity,
  utilization,
  type CapacityPlan,
  type EstimateBand,
} from '@caseload/domain';
import { InvalidParameterException } from '../../common/app.exception.js';
import type { DepartmentScope } from '../analytics/aggregate.service.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { CapacityCache } from './capacity-cache.js';
import type { CapacityModel } from './capacity-model-rows.js';
import { CapacityRepository, type UsedMinutesRow } from './capacity.repository.js';
import type { NeedsQuery, UtilizationQuery } from './capacity-query.js';
import {
  CALENDAR,
  MIN_HISTORY_MONTHS,
  availabilityOf,
  checkResourceTypes,
  departmentsInScope,
  fromFirstVolume,
  inDepartments,
  kindsOf,
  resourceOf,
  scoredForecast,
  type ScoredForecast,
} from './capacity-resources.js';

const pairKey = (department: string, resourceType: string): string => `${department}\u0000${resourceType}`;

/**
 * Utilization of resources (DESIGN §4 `minutes` ÷ available) over past periods, and the
 * needs of the coming months: the forecast of each department × resource's minutes against
 * its units or FTEs at a target utilization, with what-ifs. Answers are cached by the data
 * version and the model.
 */
@Injectable()
export class CapacityService {
  constructor(
    private readonly repository: CapacityRepository,
    private readonly dataVersion: DataVersionService,
    private readonly cache: CapacityCache,
  ) {}

  async utilization(query: UtilizationQuery, scope: DepartmentScope): Promise<CapacityUtilizationResponse> {
    const { model, digest } = await this.repository.currentModel();
    checkResourceTypes('resourceType', query.resourceTypes, model);
    const departments = departmentsInScope(query.departments, scope);
    const key = JSON.stringify(['utilization', await this.dataVersion.current(), digest, departments, query]);
    return this.cache.getOrCompute(key, () => this.computeUtilization(query, departments, model));
  }

  async needs(query: NeedsQuery, scope: DepartmentScope): Promise<CapacityNeedsResponse> {
    const { model, digest, demandDigest } = await this.repository.currentModel();
    checkResourceTypes('resourceType', query.resourceTypes, model);
    checkResourceTypes('add', query.add.map((change) => change.resourceType), model);
    const departments = departmentsInScope(query.departments, scope);
    // The demand forecasts depend on the lines and the profiles only: what-ifs, targets and
    // inventory edits reuse them, so a what-if is answered at once.
    const version = await this.dataVersion.current();
    const demandKey = JSON.stringify(['demand', version, demandDigest, departments, query.resourceTypes, query.history, query.horizon]);
    // The whole answer too: the page asks the same what-if again as it redraws.
    return this.cache.getOrCompute(JSON.stringify(['needs', version, digest, departments, query]), async () => {
      const demand = await this.cache.getOrCompute(demandKey, () => this.demandForecasts(query, departments));
      return this.computeNeeds(query, departments, model, demand);
    });
  }

  /** The forecast of each department × resource type's monthly minutes, from its first month of use. */
  private async demandForecasts(query: NeedsQuery, departments: string[] | null): Promise<Map<string, { values: number[]; scored: ScoredForecast }>> {
    const { history } = query;
    const used = await this.repository.usedMinutes({ from: history.from, to: history.to, grain: 'month', departments, resourceTypes: query.resourceTypes });
    const forecasts = new Map<string, { values: number[]; scored: ScoredForecast }>();
    for (const [k, values] of seriesByPair(used, history.from, history.to)) forecasts.set(k, { values, scored: scoredForecast(values, query.horizon) });
    return forecasts;
  }

  private async computeUtilization(query: UtilizationQuery, departments: string[] | null, model: CapacityModel): Promise<CapacityUtilizationResponse> {
    const [used, unprofiledLines] = await Promise.all([
      this.repository.usedMinutes({ ...query, departments, resourceTypes: query.resourceTypes }),
      this.repository.unprofiledLines({ ...query, departments }),
    ]);
    const kinds = kindsOf(model);
    const range = { from: query.from, to: query.to };
    const periods = enumeratePeriods(query.from, query.to, query.grain, CALENDAR);
    const usedBy = new Map(used.map((row) => [`${row.period}\u0000${pairKey(row.department, row.resourceType)}`, row.minutes]));

    // Every department × type that has an inventory or used the type in the range.
    const pairs = new Map<string, { department: string; resourceType: string; inventory: CapacityInventory | null }>();
    for (const inventory of model.inventories) {
      if (!inDepartments(departments, inventory.department) || !inFilter(query.resourceTypes, inventory.resourceType)) continue;
      pairs.set(pairKey(inventory.department, inventory.resourceType), { department: inventory.department, resourceType: inventory.resourceType, inventory });
    }
    for (const row of used) {
      const k = pairKey(row.department, row.resourceType);
      if (!pairs.has(k)) pairs.set(k, { department: row.department, resourceType: row.resourceType, inventory: null });
    }

    const rows: CapacityUtilizationRow[] = [];
    for (const pair of [...pairs.values()].sort((a, b) => a.department.localeCompare(b.department) || a.resourceType.localeCompare(b.resourceType))) {
      const kind = kinds.get(pair.resourceType) ?? 'equipment';
      const hours =
        pair.inventory === null
          ? null
          : availableHoursByPeriod(resourceOf(pair.inventory, kind), range, query.grain, { ...availabilityOf(pair.inventory, model), periods: CALENDAR });
      periods.forEach((period, i) => {
        const usedMinutes = usedBy.get(`${period.label}\u0000${pairKey(pair.department, pair.resourceType)}`) ?? 0;
        const availableHours = hours?.[i]?.hours ?? 0;
        rows.push({
          period: period.label,
          from: period.start < query.from ? query.from : period.start,
          to: period.end > query.to ? query.to : period.end,
          department: pair.department,
          resourceType: pair.resourceType,
          kind,
          usedMinutes,
          count: pair.inventory?.count ?? 0,
          availableHours,
          utilization: utilization(usedMinutes, availableHours),
        });
      });
    }
    rows.sort((a, b) => a.period.localeCompare(b.period) || a.department.localeCompare(b.department) || a.resourceType.localeCompare(b.resourceType));
    return { rows, pooled: pool(rows), meta: { grain: query.grain, from: query.from, to: query.to, rowCount: rows.length, unprofiledLines } };
  }

  private computeNeeds(
    query: NeedsQuery,
    departments: string[] | null,
    model: CapacityModel,
    demand: ReadonlyMap<string, { values: number[]; scored: ScoredForecast }>,
  ): CapacityNeedsResponse {
    const { history, horizon } = query;
    const kinds = kindsOf(model);
    const lastMonth = history.to.slice(0, 7);
    const months = followingPeriods(lastMonth, 'month', horizon).map((label) => ({ label, ...parsePeriodLabel(label, 'month', CALENDAR)! }));
    const whole = { from: months[0]!.start, to: months[months.length - 1]!.end };

    const inventories = model.inventories.filter((inv) => inDepartments(departments, inv.department) && inFilter(query.resourceTypes, inv.resourceType));
    for (const change of query.add) {
      if (!inventories.some((inv) => inv.resourceType === change.resourceType && (change.department === null || inv.department === change.department))) {
        const who = change.department === null ? 'no department has' : `${change.department} has no`;
        throw new InvalidParameterException('add', `${who} ${change.resourceType} in the inventories this question covers`);
      }
    }

    const rows: CapacityNeedsRow[] = inventories.map((inventory) => {
      const kind = kinds.get(inventory.resourceType) ?? 'equipment';
      const found = demand.get(pairKey(inventory.department, inventory.resourceType));
      const values = found?.values ?? [];
      const scored = found?.scored ?? scoredForecast([], horizon);
      const extraUnits = query.add
        .filter((c) => c.resourceType === inventory.resourceType && (c.department === null || c.department === inventory.department))
        .reduce((sum, c) => sum + c.units, 0);
      const plan = (range: { from: string; to: string }, demand: EstimateBand): CapacityPlan => {
        try {
          return planCapacity(
            { resource: resourceOf(inventory, kind), range, demandMinutes: demand, targetUtilization: query.target, availability: availabilityOf(inventory, model) },
            { volumeGrowthPercent: query.growth, extraUnits, extraOpeningHoursPerDay: query.extraHours },
          );
        } catch (error) {
          if (error instanceof RangeError) throw new InvalidParameterException('add', `${inventory.department}/${inventory.resourceType}: ${error.message}`);
          throw error;
        }
      };
      const points = scored.result.points;
      const monthly = months.map((month, i) => {
        const p = points[i]!;
        return { period: month.label, ...needOf(plan({ from: month.start, to: month.end }, { expected: p.value, low: p.low, high: p.high })) };
      });
      const overall = plan(whole, demandFromForecast(points));
      const expected = overall.utilization.expected;
      return {
        department: inventory.department,
        resourceType: inventory.resourceType,
        kind,
        currentCount: inventory.count,
        horizon: needOf(overall),
        additionalUnitsNeeded: additional(kind, overall),
        aboveTarget: expected !== null && expected > query.target,
        months: monthly,
        forecast: {
          method: scored.result.label,
          model: scored.result.model,
          message: values.length < MIN_HISTORY_MONTHS ? `Fewer than ${MIN_HISTORY_MONTHS} months of history: the forecast carries the recent level forward` : scored.result.fallback,
          backtest: scored.backtest,
        },
      };
    });
    rows.sort((a, b) => (b.horizon.utilization.expected ?? -1) - (a.horizon.utilization.expected ?? -1) || a.department.localeCompare(b.department) || a.resourceType.localeCompare(b.resourceType));

    const inventoried = new Set(model.inventories.map((inv) => pairKey(inv.department, inv.resourceType)));
    const uninventoried: CapacityNeedsResponse['meta']['uninventoried'] = [];
    for (const [k, { scored }] of demand) {
      if (inventoried.has(k)) continue;
      const [department, resourceType] = k.split('\u0000') as [string, string];
      const minutes = demandFromForecast(scored.result.points).expected;
      uninventoried.push({ department, resourceType, demandHours: (minutes * (1 + query.growth / 100)) / 60 });
    }
    uninventoried.sort((a, b) => a.department.localeCompare(b.department) || a.resourceType.localeCompare(b.resourceType));

    return {
      rows,
      meta: {
        horizon,
        forecastFrom: months[0]!.label,
        forecastTo: months[months.length - 1]!.label,
        historyFrom: history.from.slice(0, 7),
        historyTo: lastMonth,
        targetUtilization: query.target,
        level: DEFAULT_INTERVAL_LEVEL,
        whatIf: { volumeGrowthPercent: query.growth, extraOpeningHoursPerDay: query.extraHours, add: query.add },
        uninventoried,
      },
    };
  }
}

/**
 * Units or FTEs to add for the expected demand to stay within the target: whole units of
 * equipment; staff in tenths of an FTE (rounded up, past floating-point noise).
 */
function additional(kind: CapacityResourceKind, plan: CapacityPlan): number | null {
  const needed = plan.unitsNeeded.expected;
  if (needed === null) return null;
  const step = kind === 'staff' ? 10 : 1;
  const short = Math.ceil(Math.round((needed - plan.count) * step * 1e6) / 1e6);
  return Math.max(0, short / step);
}

function inFilter(filter: readonly string[] | null, value: string): boolean {
  return filter === null || filter.includes(value);
}

/** Each department × type's monthly minutes over the history, from its first month of use. */
function seriesByPair(used: readonly UsedMinutesRow[], from: string, to: string): Map<string, number[]> {
  const grouped = new Map<string, { period: string; value: number }[]>();
  for (const row of used) {
    const k = pairKey(row.department, row.resourceType);
    const list = grouped.get(k) ?? [];
    list.push({ period: row.period, value: row.minutes });
    grouped.set(k, list);
  }
  const series = new Map<string, number[]>();
  for (const [k, rows] of grouped) {
    const complete = completeSeries(rows, from, to, 'month');
    series.set(k, fromFirstVolume(complete.periods, complete.values).values);
  }
  return series;
}

function needOf(plan: CapacityPlan): CapacityNeed {
  return {
    count: plan.count,
    hoursPerUnit: plan.hoursPerUnit,
    availableHours: plan.availableHours,
    demandHours: plan.demandHours,
    utilization: plan.utilization,
    requiredHours: plan.requiredHours,
    unitsNeeded: plan.unitsNeeded,
    wholeUnitsNeeded: plan.wholeUnitsNeeded,
    gap: plan.gap,
    notes: plan.notes,
  };
}

/** A resource type's rows of a period added across departments: the pool they share. */
function pool(rows: readonly CapacityUtilizationRow[]): CapacityPooledRow[] {
  const pooled = new Map<string, CapacityPooledRow>();
  for (const row of rows) {
    const k = `${row.period}\u0000${row.resourceType}`;
    const entry = pooled.get(k) ?? {
      period: row.period,
      from: row.from,
      to: row.to,
      resourceType: row.resourceType,
      kind: row.kind,
      departments: [],
      usedMinutes: 0,
      count: 0,
      availableHours: 0,
      utilization: null,
    };
    entry.departments.push(row.department);
    entry.usedMinutes += row.usedMinutes;
    entry.count += row.count;
    entry.availableHours += row.availableHours;
    pooled.set(k, entry);
  }
  return [...pooled.values()].map((entry) => ({ ...entry, utilization: utilization(entry.usedMinutes, entry.availableHours) }));
}
