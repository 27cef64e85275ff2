import { Injectable } from '@nestjs/common';
import type { AggregateRow, CapacityForecastResponse, CapacityForecastSeries } from '@caseload/contracts';
import { DEFAULT_INTERVAL_LEVEL, addMonths, completeSeries, followingPeriods, sectionOf, type MeasureId } from '@caseload/domain';
import type { AggregateQuery } from '../analytics/aggregate-query.js';
import { AggregateService, type DepartmentScope } from '../analytics/aggregate.service.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { CapacityCache } from './capacity-cache.js';
import type { ForecastQuery } from './capacity-query.js';
import { MIN_HISTORY_MONTHS, fromFirstVolume, scoredForecast } from './capacity-resources.js';

/**
 * Monthly volume forecasts per department × section, and per code for each department's
 * largest codes, with an 80% interval and a backtest on the last 12 months. Volumes come
 * from the aggregate engine (its in-memory index and rollups), in the asker's scope.
 */
@Injectable()
export class CapacityForecastService {
  constructor(
    private readonly aggregates: AggregateService,
    private readonly dataVersion: DataVersionService,
    private readonly cache: CapacityCache,
  ) {}

  async forecast(query: ForecastQuery, scope: DepartmentScope): Promise<CapacityForecastResponse> {
    const key = JSON.stringify(['forecast', await this.dataVersion.current(), scope, query]);
    return this.cache.getOrCompute(key, () => this.compute(query, scope));
  }

  private async compute(query: ForecastQuery, scope: DepartmentScope): Promise<CapacityForecastResponse> {
    const { history, measure } = query;
    const base: AggregateQuery = {
      measures: [measure as MeasureId],
      groupBy: ['period', 'department', 'section'],
      grain: 'month',
      from: history.from,
      to: history.to,
      filters: {
        ...(query.departments === null ? {} : { department: query.departments }),
        ...(query.sections === null ? {} : { section: query.sections }),
      },
      orderBy: null,
      limit: null,
      compare: null,
    };
    const bySection = await this.aggregates.aggregate(base, scope);
    const series: CapacityForecastSeries[] = [];
    for (const [k, rows] of groupRows(bySection.rows, ['department', 'section'], measure)) {
      const [department, section] = k.split('\u0000') as [string, string];
      series.push(this.series(department, section, null, rows, query));
    }

    if (query.topCodes > 0) {
      // The largest codes of each department over the last year of history.
      const lastYear = { from: addMonths(history.to.slice(0, 8) + '01', -11), to: history.to };
      const ranked = await this.aggregates.aggregate(
        { ...base, groupBy: ['department', 'code'], ...lastYear, orderBy: { key: measure, descending: true } },
        scope,
      );
      const top = new Map<string, string[]>();
      for (const row of ranked.rows) {
        const department = String(row['department']);
        const codes = top.get(department) ?? [];
        if (codes.length < query.topCodes && Number(row[measure]) > 0) codes.push(String(row['code']));
        top.set(department, codes);
      }
      const codes = [...new Set([...top.values()].flat())];
      if (codes.length > 0) {
        const byCode = await this.aggregates.aggregate({ ...base, groupBy: ['period', 'department', 'code'], filters: { ...base.filters, code: codes } }, scope);
        for (const [k, rows] of groupRows(byCode.rows, ['department', 'code'], measure)) {
          const [department, code] = k.split('\u0000') as [string, string];
          if (top.get(department)?.includes(code)) series.push(this.series(department, sectionOf(code), code, rows, query));
        }
      }
    }
    series.sort((a, b) => a.department.localeCompare(b.department) || (a.code === null ? 0 : 1) - (b.code === null ? 0 : 1) || a.section.localeCompare(b.section) || (a.code ?? '').localeCompare(b.code ?? ''));

    const months = followingPeriods(history.to.slice(0, 7), 'month', query.horizon);
    return {
      series,
      meta: {
        measure,
        horizon: query.horizon,
        level: DEFAULT_INTERVAL_LEVEL,
        historyFrom: history.from.slice(0, 7),
        historyTo: history.to.slice(0, 7),
        forecastFrom: months[0]!,
        forecastTo: months[months.length - 1]!,
        minHistoryMonths: MIN_HISTORY_MONTHS,
      },
    };
  }

  private series(department: string, section: string, code: string | null, rows: { period: string; value: number }[], query: ForecastQuery): CapacityForecastSeries {
    const complete = completeSeries(rows, query.history.from, query.history.to, 'month');
    const trimmed = fromFirstVolume(complete.periods, complete.values);
    const history = trimmed.periods.map((period, i) => ({ period, value: trimmed.values[i]! }));
    const base = { department, section, code, history };
    if (trimmed.values.length < MIN_HISTORY_MONTHS) {
      return {
        ...base,
        status: 'too_little_history',
        message: `Too little history to forecast: ${trimmed.values.length} month${trimmed.values.length === 1 ? '' : 's'} with volume, at least ${MIN_HISTORY_MONTHS} are needed`,
        points: [],
        method: null,
        model: null,
        backtest: null,
        backtestNote: null,
      };
    }
    const scored = scoredForecast(trimmed.values, query.horizon);
    const labels = followingPeriods(query.history.to.slice(0, 7), 'month', query.horizon);
    return {
      ...base,
      status: 'ok',
      message: scored.result.fallback,
      points: scored.result.points.map((p, i) => ({ period: labels[i]!, value: p.value, low: p.low, high: p.high })),
      method: scored.result.label,
      model: scored.result.model,
      backtest: scored.backtest,
      backtestNote: scored.backtestNote,
    };
  }
}

/** Rows of an aggregate answer grouped by two labels, each group as period → value. */
function groupRows(rows: readonly AggregateRow[], keys: readonly [string, string], measure: string): Map<string, { period: string; value: number }[]> {
  const groups = new Map<string, { period: string; value: number }[]>();
  for (const row of rows) {
    const k = `${String(row[keys[0]])}\u0000${String(row[keys[1]])}`;
    const list = groups.get(k) ?? [];
    list.push({ period: String(row['period']), value: Number(row[measure] ?? 0) });
    groups.set(k, list);
  }
  return groups;
}
