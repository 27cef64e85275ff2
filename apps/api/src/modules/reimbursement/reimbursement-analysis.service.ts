import { Inject, Injectable } from '@nestjs/common';
import {
  FeeScheduleFileError,
  SECTIONS,
  isUnpriced,
  parseDenialCodes,
  priceLine,
  pricePeriods,
  scenarioSchedule,
  type FeeSchedule,
  type PricePeriod,
} from '@caseload/domain';
import type { DenialCodesLoadResult, DenialReasonsResponse, WhatIfResponse, WhatIfRow, WhatIfScenario } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { AggregateService, scopedDepartments, type DepartmentScope } from '../analytics/aggregate.service.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { FeeScheduleRejectedException } from './fee-schedule.exception.js';
import { FeeScheduleRepository } from './fee-schedule.repository.js';
import { ReimbursementAnalysisRepository, type PricedUnits, type RollupOptions } from './reimbursement-analysis.repository.js';
import type { ReimbursementSlice } from './reimbursement-query.js';

/** A schedule (as loaded or under a scenario) and the fees of one unit it has priced, in cents, keyed by `priceKey`. */
interface FeeTable {
  schedule: FeeSchedule;
  cents: Map<string, number>;
}

const priceKey = (rvuYear: number, gpciYear: number, code: string, modifier: string, facility: boolean) => `${rvuYear}|${gpciYear}|${code}|${modifier}|${facility ? 'F' : 'N'}`;
const MAX_CACHED = 200;

/** fresh: compute again rather than answer from the cache; memory: see RollupOptions. */
type AnswerOptions = { fresh?: boolean } & RollupOptions;

interface Accumulator {
  units: number;
  currentCents: number;
  scenarioCents: number;
}

function whatIfRow(key: string, sums: Accumulator): WhatIfRow {
  const change = sums.scenarioCents - sums.currentCents;
  return {
    key,
    units: sums.units,
    current: sums.currentCents / 100,
    scenario: sums.scenarioCents / 100,
    change: change / 100,
    changeRatio: sums.currentCents === 0 ? null : change / sums.currentCents,
  };
}

/**
 * The reimbursement page's own views: the what-if (expected payment under another conversion
 * factor or work RVUs, by department and section, beside the schedule as loaded) and the top
 * denial reasons. The what-if reprices the priced units of each schedule row with the
 * domain's `priceLine`, so its "current" column is exactly the `expected_payment` measure.
 */
@Injectable()
export class ReimbursementAnalysisService {
  private schedule: { repricing: string; schedule: Promise<FeeSchedule> } | null = null;
  private readonly fees = new Map<string, FeeTable>();
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(
    private readonly repository: ReimbursementAnalysisRepository,
    private readonly feeSchedules: FeeScheduleRepository,
    private readonly aggregates: AggregateService,
    private readonly dataVersion: DataVersionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async whatIf(slice: ReimbursementSlice & { scenario: WhatIfScenario }, scope: DepartmentScope, options: AnswerOptions = {}): Promise<WhatIfResponse> {
    const scoped = this.scoped(slice, scope);
    return this.cached('what-if', { ...scoped, scenario: slice.scenario }, options, async (version) => {
      const schedule = await this.scheduleAt(version);
      const periods = pricePeriods(schedule, this.config.locality);
      const current = this.feeTable(version, schedule, {});
      const changed = this.feeTable(version, schedule, slice.scenario);
      const [units, check] = await Promise.all([
        this.repository.pricedUnits(scoped, options),
        this.aggregates.aggregate(
          { measures: ['expected_payment'], groupBy: [], grain: 'month', from: scoped.from, to: scoped.to, filters: scoped.filters, orderBy: null, limit: null, compare: null },
          null,
          { fresh: options.fresh },
        ),
      ]);
      const byDepartment = new Map<string, Accumulator>();
      const bySection = new Map<string, Accumulator>();
      const total: Accumulator = { units: 0, currentCents: 0, scenarioCents: 0 };
      const years = new Set<number>();
      // Both fees of each schedule row ([current, scenario] outside a facility, then inside), found
      // once: the rows repeat them for every department and section, and the lookups by the
      // row's own strings need no key to be built.
      const memo = new Map<PricePeriod, Map<string, Map<string, Float64Array>>>();
      const feesOf = (period: PricePeriod, row: PricedUnits): Float64Array => {
        let byCode = memo.get(period);
        if (byCode === undefined) memo.set(period, (byCode = new Map()));
        let byModifier = byCode.get(row.code);
        if (byModifier === undefined) byCode.set(row.code, (byModifier = new Map()));
        let fees = byModifier.get(row.modifier);
        if (fees === undefined) byModifier.set(row.modifier, (fees = new Float64Array(4).fill(Number.NaN)));
        const at = row.facility ? 2 : 0;
        if (Number.isNaN(fees[at]!)) {
          fees[at] = current(period, row);
          fees[at + 1] = changed(period, row);
        }
        return fees;
      };
      for (const row of units.rows) {
        const period = periodOf(periods, row.year);
        if (period === undefined) continue;
        years.add(period.rvuYear);
        const fees = feesOf(period, row);
        const currentFee = fees[row.facility ? 2 : 0]!;
        const changedFee = fees[row.facility ? 3 : 1]!;
        const add = (sums: Accumulator) => {
          sums.units += row.units;
          sums.currentCents += row.units * currentFee;
          sums.scenarioCents += row.units * changedFee;
        };
        add(total);
        add(entry(byDepartment, row.department));
        add(entry(bySection, sectionId(row)));
      }
      const rows = (map: Map<string, Accumulator>) =>
        [...map.entries()].map(([key, sums]) => whatIfRow(key, sums)).sort((a, b) => b.current - a.current || a.key.localeCompare(b.key));
      return {
        byDepartment: rows(byDepartment),
        bySection: rows(bySection),
        totals: (({ key: _key, ...rest }) => rest)(whatIfRow('', total)),
        meta: {
          from: scoped.from,
          to: scoped.to,
          scenario: slice.scenario,
          conversionFactors: [...years].sort((a, b) => a - b).map((year) => {
            const loaded = schedule.years.get(year)!.conversionFactor!;
            return { year, current: loaded, scenario: slice.scenario.conversionFactor ?? loaded };
          }),
          locality: this.config.locality,
          unpriced: Number(check.meta.unpriced ?? 0),
          source: units.source,
        },
      } satisfies WhatIfResponse;
    });
  }

  async denialReasons(slice: ReimbursementSlice & { limit: number }, scope: DepartmentScope, options: AnswerOptions = {}): Promise<DenialReasonsResponse> {
    const scoped = this.scoped(slice, scope);
    return this.cached('denials', { ...scoped, limit: slice.limit }, options, async () => {
      const counts = await this.repository.denialCounts(scoped, options);
      const deniedLines = counts.rows.reduce((sum, row) => sum + row.lines, 0);
      const deniedCents = counts.rows.reduce((sum, row) => sum + row.chargeCents, 0);
      const top = counts.rows.slice(0, slice.limit);
      const { descriptions, loaded } = await this.repository.denialDescriptions(top.map((row) => row.carc));
      return {
        rows: top.map((row) => ({
          carc: row.carc,
          description: descriptions.get(row.carc) ?? null,
          deniedLines: row.lines,
          share: deniedLines === 0 ? 0 : row.lines / deniedLines,
          deniedCharges: row.chargeCents / 100,
        })),
        totals: { deniedLines, deniedCharges: deniedCents / 100, reasons: counts.rows.length },
        meta: { from: scoped.from, to: scoped.to, rowCount: top.length, descriptionsLoaded: loaded, source: counts.source },
      } satisfies DenialReasonsResponse;
    });
  }

  /** Replaces the CARC descriptions with the file's; a bad file changes nothing. */
  async loadDenialCodes(text: string): Promise<DenialCodesLoadResult> {
    let codes;
    try {
      codes = parseDenialCodes(text);
    } catch (error) {
      if (error instanceof FeeScheduleFileError) throw new FeeScheduleRejectedException(`The CARC list was not loaded: ${error.message}.`);
      throw error;
    }
    await this.repository.replaceDenialDescriptions(codes);
    this.answers.clear();
    return { codes: codes.length };
  }

  private scoped<T extends ReimbursementSlice>(slice: T, scope: DepartmentScope): ReimbursementSlice {
    return { from: slice.from, to: slice.to, filters: { ...slice.filters, department: scopedDepartments(slice.filters.department, scope) } };
  }

  /** Answers keyed by the question and the data version, which moves with every import and repricing. */
  private async cached<T>(kind: string, question: unknown, options: AnswerOptions, compute: (version: string) => Promise<T>): Promise<T> {
    const version = await this.dataVersion.current();
    // An answer read past the memory index is for comparison only: not kept as the answer.
    if (options.memory === false) return compute(version);
    const key = `${kind}|${version}|${JSON.stringify(question)}`;
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (answer === undefined || options.fresh === true) {
      this.answers.delete(key);
      answer = compute(version);
      this.answers.set(key, answer);
      answer.catch(() => this.answers.delete(key));
      while (this.answers.size > MAX_CACHED) this.answers.delete(this.answers.keys().next().value!);
    }
    return answer;
  }

  private scheduleAt(version: string): Promise<FeeSchedule> {
    const repricing = DataVersionService.repricing(version);
    if (this.schedule?.repricing !== repricing) {
      this.schedule = { repricing, schedule: this.feeSchedules.readSchedule() };
      this.fees.clear();
    }
    return this.schedule.schedule;
  }

  /**
   * One unit's fee, in cents, of a schedule row in a period, under the scenario: priced by
   * `priceLine` as the price table prices it (a service date of the period's first year), and
   * kept, so a scenario prices each row the range uses once, not the whole schedule.
   */
  private feeTable(version: string, schedule: FeeSchedule, scenario: Partial<WhatIfScenario>): (period: PricePeriod, row: PricedUnits) => number {
    const key = `${DataVersionService.repricing(version)}|${scenario.conversionFactor ?? ''}|${scenario.workRvuPercent ?? ''}`;
    let table = this.fees.get(key);
    if (table === undefined) {
      const priced =
        scenario.conversionFactor == null && scenario.workRvuPercent == null
          ? schedule
          : scenarioSchedule(schedule, { conversionFactor: scenario.conversionFactor ?? undefined, workRvuPercent: scenario.workRvuPercent ?? undefined });
      table = { schedule: priced, cents: new Map() };
      this.fees.set(key, table);
      while (this.fees.size > 16) this.fees.delete(this.fees.keys().next().value!);
    }
    const { schedule: priced, cents } = table;
    return (period, row) => {
      const rowKey = priceKey(period.rvuYear, period.gpciYear, row.code, row.modifier, row.facility);
      let fee = cents.get(rowKey);
      if (fee === undefined) {
        const price = priceLine(
          {
            code: row.code,
            modifiers: row.modifier === '' ? [] : [row.modifier],
            serviceDate: `${String(period.fromYear).padStart(4, '0')}-07-01`,
            placeOfService: row.facility ? '22' : '11',
            units: 1,
          },
          priced,
          this.config.locality,
        );
        fee = isUnpriced(price) ? 0 : price.feeCents;
        cents.set(rowKey, fee);
      }
      return fee;
    };
  }

}

function periodOf(periods: readonly PricePeriod[], year: number): PricePeriod | undefined {
  return periods.find((period) => year >= period.fromYear && year <= period.toYear);
}

function entry(map: Map<string, Accumulator>, key: string): Accumulator {
  let sums = map.get(key);
  if (sums === undefined) {
    sums = { units: 0, currentCents: 0, scenarioCents: 0 };
    map.set(key, sums);
  }
  return sums;
}

function sectionId(row: PricedUnits): string {
  return SECTIONS[row.section] ?? 'other';
}
