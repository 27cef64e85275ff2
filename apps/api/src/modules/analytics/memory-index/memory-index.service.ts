import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { GRAINS, PAYER_CATEGORIES, SECTIONS, addDays, addMonths, isIsoDate, parsePeriodLabel, periodLabel, type DimensionId, type Grain } from '@caseload/domain';
import { APP_CONFIG } from '../../../config/config.tokens.js';
import type { AppConfig } from '../../../config/app-config.js';
import { PG_POOL } from '../../../database/database.tokens.js';
import { chooseSource, type SliceSpec } from '../aggregate-sql.js';
import type { SliceRow } from '../aggregate.repository.js';
import { DataVersionService } from '../data-version.service.js';
import { copyRows } from './copy-rows.js';
import { DayBlockBuilder, SUM_COMPONENTS, SUM_WIDTH, mergeDayBlocks, type DayBlock } from './day-block.js';
import { DistinctCounter } from './distinct-counter.js';
import { EncounterPayers } from './encounter-payers.js';
import { MemoryRollups, type DenialCountRow, type PricedUnitsRow, type SliceRollupTable } from './memory-rollups.js';
import { ANY_DEPARTMENT, ANY_SECTION, PreviousDayIndex, groupKey } from './previous-day-index.js';

const COVERED_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['period', 'department', 'section']);
const PAYER_ENCOUNTER_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['period', 'department', 'section', 'payer_category']);
/** An import that touched more days than this rebuilds the index in the background. */
const PATCH_DAYS_MAX = 62;
/** Grains whose periods are whole months: their ranges are read from month blocks. */
const MONTH_GRAINS: ReadonlySet<Grain> = new Set(['month', 'quarter', 'year', 'fiscal_year']);
/** How many (period, filter) count sets are kept before they are all dropped and recomputed. */
const COUNTS_KEPT_MAX = 50_000;

/** Distinct patients, distinct encounters. */
type DistinctPair = [number, number];

interface Group {
  labels: SliceRow['labels'];
  sums: Float64Array;
  /** Cells of the group, packed as block index × 65,536 + cell index. */
  cells: number[];
  /** Department and section of its first cell (those of every cell where the slice pins them). */
  department: number;
  section: number;
}

/** One period of a slice: its blocks and its groups, keyed by department × 64 + section. */
interface Period {
  label: string;
  blocks: DayBlock[];
  groups: Map<number, Group>;
}

/**
 * An exact in-memory index of the facts by day × department × section: additive sums and the
 * distinct patient and encounter keys of every cell. It answers distinct counts over any range
 * and grain in milliseconds, where the database must sort every line. The same cells merged by
 * month serve ranges of whole months, and the distinct counts of every whole period asked for
 * are kept until a patch touches one of its days. It is built from the
 * facts on first use, patched by this process's imports (the days they touched), rebuilt when
 * another process changed the data, and used only while its data version is the current one.
 */
@Injectable()
export class MemoryIndex {
  private readonly logger = new Logger(MemoryIndex.name);
  private blocks = new Map<string, DayBlock>();
  /** The same cells by month ('YYYY-MM'), merged from the day blocks. */
  private months = new Map<string, DayBlock>();
  /** Kept distinct counts of whole periods: 'grain|label' → filter and grouping → group → pair. */
  private counts = new Map<string, Map<string, Map<number, DistinctPair>>>();
  private countsKept = 0;
  /** Distinct counts over any days, built after each load from the day blocks of `days`. */
  private previous: { days: string[]; patients: PreviousDayIndex; encounters: PreviousDayIndex } | null = null;
  private days: string[] = [];
  private departmentIds = new Map<string, number>();
  private departmentCodes = new Map<number, string>();
  private version: string | null = null;
  /** The imports whose lines the index holds (ids of completed imports at its snapshot). */
  private imports = new Set<number>();
  /** Imports of this process that finished while a build ran: patched in when it ends. */
  private finishedDuringBuild: Array<{ importId: number; days: readonly string[] }> = [];
  private building: Promise<void> | null = null;
  private warming: Promise<void> = Promise.resolve();
  private importsRunning = 0;
  /** Set once anything asked for the index: from then on a stale index is rebuilt eagerly. */
  private wanted = false;
  private readonly counter = new DistinctCounter();
  /** The monthly rollups, read in the same snapshots as the day blocks. */
  private readonly rollups = new MemoryRollups();
  /** Each encounter's payer category: distinct encounters by payer from the key lists. */
  private readonly encounterPayers = new EncounterPayers();
  private largestPatient = 0;
  private largestEncounter = 0;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly dataVersion: DataVersionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether the index can answer this slice (its dimensions and filters are the index's). */
  covers(spec: SliceSpec): boolean {
    return (
      spec.dimensions.every((dimension) => COVERED_DIMENSIONS.has(dimension)) &&
      spec.filters.code === undefined &&
      spec.filters.payer_category === undefined &&
      spec.filters.place_of_service === undefined
    );
  }

  /** The rollup held in memory that answers this slice: the one the planner would send it to, if any. */
  rollupFor(spec: SliceSpec): SliceRollupTable | null {
    if (spec.source !== undefined) return null;
    const source = chooseSource(spec);
    // The daily code rollup stays in the database: too many rows to hold.
    return source === 'facts' || source === 'rollup_day_code' ? null : source;
  }

  /** A slice of whole months from the rollup that rollupFor named, from memory. */
  rollupSlice(spec: SliceSpec, table: SliceRollupTable): SliceRow[] {
    return this.rollups.slice(spec, table, this.departmentIds, this.departmentCodes);
  }

  /**
   * Whether memory answers this slice with distinct encounters by payer category (grouped or
   * filtered by it): whole months of rollup_month's dimensions and filters, and no patients.
   */
  coversPayerEncounters(spec: SliceSpec): boolean {
    if (spec.source !== undefined || !spec.measures.includes('encounters') || spec.measures.includes('patients')) return false;
    if (!spec.dimensions.includes('payer_category') && spec.filters.payer_category === undefined) return false;
    if (!spec.dimensions.every((dimension) => PAYER_ENCOUNTER_DIMENSIONS.has(dimension))) return false;
    return chooseSource({ ...spec, measures: spec.measures.filter((measure) => measure !== 'encounters') }) === 'rollup_month';
  }

  /**
   * The slice (see coversPayerEncounters): rollup_month's sums, and each group's distinct
   * encounters counted from the month blocks' key lists under each encounter's payer. Null when
   * an encounter of the range has lines under several payers: the database must count those.
   */
  payerEncounterSlice(spec: SliceSpec): SliceRow[] | null {
    const rows = this.rollups.slice({ ...spec, measures: spec.measures.filter((measure) => measure !== 'encounters') }, 'rollup_month', this.departmentIds, this.departmentCodes);
    const departmentFilter = spec.filters.department ? new Set(spec.filters.department.map((code) => this.departmentIds.get(code) ?? -1)) : null;
    const sectionFilter = spec.filters.section ? new Set(spec.filters.section.map((section) => SECTIONS.indexOf(section))) : null;
    const payers = spec.filters.payer_category?.map((payer) => PAYER_CATEGORIES.indexOf(payer)) ?? PAYER_CATEGORIES.map((_, p) => p);
    const withPeriod = spec.dimensions.includes('period');
    const withDepartment = spec.dimensions.includes('department');
    const withSection = spec.dimensions.includes('section');
    const selection: CellSelection = { departments: departmentFilter, sections: sectionFilter, byDepartment: withDepartment, bySection: withSection };
    const withPayer = spec.dimensions.includes('payer_category');
    const options = { fiscalYearStartMonth: spec.fiscalYearStartMonth };
    // With the previous-day index: each group's encounters by payer in a few searches a day.
    const previous = this.previous;
    const pinned = previous === null ? null : pinning(withDepartment, withSection, departmentFilter, sectionFilter);
    if (previous !== null && pinned !== null) {
      const kept = new Map<string, Float64Array>();
      const only = (filter: ReadonlySet<number> | null) => (filter === null ? -1 : [...filter][0]!);
      for (const row of rows) {
        const department = withDepartment ? (this.departmentIds.get(row.labels.department ?? '') ?? -1) : only(departmentFilter);
        const section = withSection ? SECTIONS.indexOf(row.labels.section as (typeof SECTIONS)[number]) : only(sectionFilter);
        const at = groupKey(pinned.department ? department : ANY_DEPARTMENT, pinned.section ? section : ANY_SECTION);
        const period = row.labels.period ?? '';
        let byPayer = kept.get(`${period}|${at}`);
        if (byPayer === undefined) {
          byPayer = new Float64Array(PAYER_CATEGORIES.length);
          const [from, to] = this.dayIndexes(previous.days, { label: period, blocks: [], groups: new Map() }, spec);
          if (!previous.encounters.countByClass(at, from, to, byPayer)) return null;
          kept.set(`${period}|${at}`, byPayer);
        }
        const counts = byPayer;
        row.components['encounters'] = withPayer ? counts[PAYER_CATEGORIES.indexOf(row.labels.payer_category as (typeof PAYER_CATEGORIES)[number])]! : payers.reduce((sum, p) => sum + counts[p]!, 0);
      }
      return rows;
    }
    const counted = new Map<string, number>();
    const labelKey = (labels: SliceRow['labels']) => `${labels.period ?? ''}|${labels.department ?? ''}|${labels.section ?? ''}|${labels.payer_category ?? ''}`;
    // Each period's cells by group (department and section, where the slice keeps them apart).
    const periods = new Map<string, Map<number, Array<[DayBlock, number]>>>();
    for (const block of this.segments(spec.from, spec.to, false)) {
      const label = withPeriod ? periodLabel(block.day, spec.grain, options) : '';
      let groups = periods.get(label);
      if (groups === undefined) periods.set(label, (groups = new Map()));
      for (let c = 0; c < block.departments.length; c++) {
        const key = cellGroup(block, c, selection);
        if (key < 0) continue;
        let cells = groups.get(key);
        if (cells === undefined) groups.set(key, (cells = []));
        cells.push([block, c]);
      }
    }
    const byPayer = new Float64Array(PAYER_CATEGORIES.length);
    for (const [period, groups] of periods) {
      for (const [key, cells] of groups) {
        this.counter.begin();
        byPayer.fill(0);
        for (const [block, c] of cells) {
          if (!this.counter.tally(block.encounters, block.encounterOffsets[c]!, block.encounterOffsets[c + 1]!, this.largestEncounter, this.encounterPayers.classes, byPayer)) return null;
        }
        const labels: SliceRow['labels'] = {};
        if (withPeriod) labels.period = period;
        if (withDepartment) labels.department = this.departmentCodes.get(Math.floor(key / 64)) ?? null;
        if (withSection) labels.section = SECTIONS[key % 64] ?? null;
        if (withPayer) {
          for (const p of payers) counted.set(labelKey({ ...labels, payer_category: PAYER_CATEGORIES[p]! }), byPayer[p]!);
        } else {
          counted.set(labelKey(labels), payers.reduce((sum, p) => sum + byPayer[p]!, 0));
        }
      }
    }
    for (const row of rows) row.components['encounters'] = counted.get(labelKey(row.labels)) ?? 0;
    return rows;
  }

  /** Denied lines by CARC over whole months (rollup_month_denial), from memory. */
  denialCounts(from: string, to: string, filters: Parameters<MemoryRollups['denialCounts']>[2]): DenialCountRow[] {
    return this.rollups.denialCounts(from, to, filters, this.departmentIds);
  }

  /** Units of priced lines over whole months by schedule row (rollup_month_price), from memory. */
  pricedUnits(from: string, to: string, filters: Parameters<MemoryRollups['pricedUnits']>[2]): PricedUnitsRow[] {
    return this.rollups.pricedUnits(from, to, filters, this.departmentCodes, this.departmentIds);
  }

  /** True when the index holds exactly the current data; otherwise starts (re)building it. */
  async ready(): Promise<boolean> {
    this.wanted = true;
    if (this.importsRunning > 0 || this.building !== null) return false;
    const current = await this.dataVersion.current();
    if (current === this.version) return true;
    if (this.building === null && this.importsRunning === 0) this.startBuild();
    return false;
  }

  /** Waits for a build and its kept counts to finish (tests, the benchmark); builds if none has run. */
  async warm(): Promise<void> {
    if (!(await this.ready())) await this.building;
    await this.warming;
  }

  importStarted(): void {
    this.importsRunning++;
  }

  /** After an import of this process committed: reload the days it touched. */
  async importFinished(importId: number, touchedDays: readonly string[] | null): Promise<void> {
    try {
      if (touchedDays === null) return;
      if (this.building !== null) {
        this.finishedDuringBuild.push({ importId, days: touchedDays });
        return;
      }
      if (this.version === null) return;
      if (touchedDays.length > PATCH_DAYS_MAX) {
        this.version = null;
        return;
      }
      this.dataVersion.invalidate();
      await this.patch(touchedDays, new Set([importId]));
    } catch (error) {
      this.version = null;
      this.logger.warn(`index patch failed, it will be rebuilt: ${(error as Error).message}`);
    } finally {
      this.importsRunning--;
      // A large import replaced the index wholesale: rebuild now, not at the next question.
      if (this.wanted && this.version === null && this.building === null && this.importsRunning === 0) this.startBuild();
    }
  }

  /**
   * Reloads the given days and trusts the result only if every import completed since the
   * index's snapshot is one of `ours`, whose days these are; otherwise another process's
   * import slipped in, whose days were not reloaded, and the index must be rebuilt.
   */
  private async patch(days: readonly string[], ours: ReadonlySet<number>): Promise<void> {
    const before = this.imports;
    const after = await this.load(days);
    this.warming = this.buildPrevious();
    // A repricing changes lines on any day: only a rebuild reads them all again.
    const repriced = this.version === null || DataVersionService.repricing(after.version) !== DataVersionService.repricing(this.version);
    const foreign = repriced || [...after.imports].some((id) => !before.has(id) && !ours.has(id));
    this.version = foreign ? null : after.version;
    this.imports = after.imports;
  }

  private startBuild(): void {
    this.finishedDuringBuild = [];
    this.building = (async () => {
      const started = Date.now();
      try {
        this.blocks = new Map();
        this.months = new Map();
        this.counts = new Map();
        this.countsKept = 0;
        const built = await this.load(null);
        this.version = built.version;
        this.imports = built.imports;
        // Imports of this process that committed meanwhile: their days, not a second build.
        while (this.finishedDuringBuild.length > 0 && this.version !== null) {
          const finished = this.finishedDuringBuild;
          this.finishedDuringBuild = [];
          const days = [...new Set(finished.flatMap((f) => f.days))];
          if (days.length > PATCH_DAYS_MAX) this.version = null;
          else await this.patch(days, new Set(finished.map((f) => f.importId)));
        }
        this.logger.log(`index built: ${this.days.length} days in ${Date.now() - started} ms`);
      } catch (error) {
        this.version = null;
        this.logger.warn(`index build failed, queries use the database: ${(error as Error).message}`);
      } finally {
        this.building = null;
      }
      if (this.version !== null) this.warming = this.buildPrevious();
    })();
  }

  /**
   * Reads the cells of the given days (all days when null) from the facts, in one snapshot,
   * so an import committing meanwhile cannot split them; returns the data version it saw.
   */
  private async load(days: readonly string[] | null): Promise<{ version: string; imports: Set<number> }> {
    if (days !== null && !days.every(isIsoDate)) throw new Error('touched days must be ISO dates');
    const where = days === null ? '' : days.length === 0 ? 'WHERE false' : `WHERE service_date IN (${days.map((d) => `'${d}'`).join(',')})`;
    const steps: string[] = [];
    let mark = Date.now();
    const step = (name: string) => {
      const now = Date.now();
      steps.push(`${name} ${now - mark}ms`);
      mark = now;
    };
    const client = await this.pool.connect();
    let seen: { version: string; imports: Set<number> };
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const version = await this.dataVersion.read(client);
      const completed = await client.query(`SELECT id FROM import WHERE status = 'completed'`);
      const departments = await client.query('SELECT id, code FROM department');
      step('snapshot');
      this.departmentIds = new Map(departments.rows.map((row) => [row.code as string, Number(row.id)]));
      this.departmentCodes = new Map(departments.rows.map((row) => [Number(row.id), row.code as string]));
      // One ordered pass over the lines: each day is frozen into a block as the next begins,
      // so the build holds one day's lines at a time. (Dates come as ISO text: DateStyle.)
      await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
      if (days === null) this.encounterPayers.clear();
      const built = new Map<string, DayBlock>();
      let builder: DayBlockBuilder | null = null;
      await copyRows(
        client,
        `SELECT service_date, department_id, section, patient_key, encounter_key, units, charge_cents, allowed_cents, paid_cents, claim_status,
           wrvu_hundredths, expected_cents, priced::int, payer_category
         FROM procedure_line ${where} ORDER BY service_date`,
        ([day, department, section, patient, encounter, units, charge, allowed, paid, status, wrvu, expected, priced, payer]) => {
          if (builder?.day !== day) {
            if (builder !== null) built.set(builder.day, builder.build());
            builder = new DayBlockBuilder(day!);
          }
          const patientKey = Number(patient);
          const encounterKey = Number(encounter);
          if (patientKey > 0x7fffffff || encounterKey > 0x7fffffff) throw new Error('a patient or encounter key is beyond what the index holds');
          if (patientKey > this.largestPatient) this.largestPatient = patientKey;
          if (encounterKey > this.largestEncounter) this.largestEncounter = encounterKey;
          this.encounterPayers.note(encounterKey, Number(payer));
          // Units, amounts and status are NOT NULL (a blank amount is stored as zero).
          builder.addLine(Number(department), Number(section), patientKey, encounterKey, Number(units), Number(charge), Number(allowed), Number(paid), Number(status), Number(wrvu), Number(expected), priced === '1');
        },
      );
      if (builder !== null) built.set((builder as DayBlockBuilder).day, (builder as DayBlockBuilder).build());
      step('lines');
      await this.rollups.load(client, days === null ? null : [...new Set(days.map((day) => day.slice(0, 7)))]);
      await client.query('COMMIT');
      step('rollups');
      for (const day of days ?? []) this.blocks.delete(day);
      for (const [day, block] of built) this.blocks.set(day, block);
      this.days = [...this.blocks.keys()].sort();
      this.previous = null;
      if (days !== null) this.forgetCounts(days);
      this.rebuildMonths(new Set([...built.keys(), ...(days ?? [])].map((day) => day.slice(0, 7))));
      seen = { version, imports: new Set(completed.rows.map((row) => Number(row.id))) };
    } catch (error) {
      // A failure mid-COPY leaves the connection in the middle of a copy: destroy it rather
      // than hand it back to the pool, where the next query would wait on it for ever.
      client.release(true);
      throw error;
    }
    client.release();
    step('blocks');
    this.logger.debug(`index ${days === null ? 'build' : `patch of ${days.length} days`}: ${steps.join(', ')}`);
    return seen;
  }

  /** The slice from the index: the same rows (labels and components) as the SQL would give. */
  slice(spec: SliceSpec): SliceRow[] {
    const departmentFilter = spec.filters.department ? new Set(spec.filters.department.map((code) => this.departmentIds.get(code) ?? -1)) : null;
    const sectionFilter = spec.filters.section ? new Set(spec.filters.section.map((section) => SECTIONS.indexOf(section))) : null;
    const withPeriod = spec.dimensions.includes('period');
    const withDepartment = spec.dimensions.includes('department');
    const withSection = spec.dimensions.includes('section');
    const selection: CellSelection = { departments: departmentFilter, sections: sectionFilter, byDepartment: withDepartment, bySection: withSection };
    const options = { fiscalYearStartMonth: spec.fiscalYearStartMonth };
    const wantPatients = spec.measures.includes('patients');
    const wantEncounters = spec.measures.includes('encounters');
    const previous = this.previous;
    const pinned = previous === null ? null : pinning(withDepartment, withSection, departmentFilter, sectionFilter);
    // Whole months come from month blocks when the grain is made of months, unless distinct
    // counts must be taken from the keys, which only the day blocks hold.
    const keysNeeded = (wantPatients || wantEncounters) && pinned === null;
    const blocks = this.segments(spec.from, spec.to, (!withPeriod || MONTH_GRAINS.has(spec.grain)) && !keysNeeded);
    // Without department or section, a block's total stands for its cells.
    const wholeBlocks = !withDepartment && !withSection && departmentFilter === null && sectionFilter === null && !keysNeeded;
    const periods: Period[] = [];
    for (const block of blocks) {
      const label = withPeriod ? periodLabel(block.day, spec.grain, options) : '';
      if (periods[periods.length - 1]?.label !== label) periods.push({ label, blocks: [], groups: new Map() });
      periods[periods.length - 1]!.blocks.push(block);
    }
    for (const period of periods) {
      for (let b = 0; b < period.blocks.length; b++) {
        const block = period.blocks[b]!;
        if (wholeBlocks) {
          let group = period.groups.get(0);
          if (group === undefined) period.groups.set(0, (group = { labels: withPeriod ? { period: period.label } : {}, sums: new Float64Array(SUM_WIDTH), cells: [], department: -1, section: -1 }));
          for (let s = 0; s < SUM_WIDTH; s++) group.sums[s]! += block.total[s]!;
          continue;
        }
        for (let c = 0; c < block.departments.length; c++) {
          const key = cellGroup(block, c, selection);
          if (key < 0) continue;
          const department = block.departments[c]!;
          const section = block.sections[c]!;
          let group = period.groups.get(key);
          if (group === undefined) {
            const labels: SliceRow['labels'] = {};
            if (withPeriod) labels.period = period.label;
            if (withDepartment) labels.department = this.departmentCodes.get(department) ?? null;
            if (withSection) labels.section = SECTIONS[section] ?? null;
            period.groups.set(key, (group = { labels, sums: new Float64Array(SUM_WIDTH), cells: [], department, section }));
          }
          const base = c * SUM_WIDTH;
          for (let s = 0; s < SUM_WIDTH; s++) group.sums[s]! += block.sums[base + s]!;
          group.cells.push(b * 65_536 + c);
        }
      }
    }
    // Like SQL without GROUP BY, a query with no dimensions answers one row, zeros included.
    if (spec.dimensions.length === 0 && (periods.length === 0 || periods[0]!.groups.size === 0)) {
      periods.splice(0, periods.length, { label: '', blocks: [], groups: new Map([[0, { labels: {}, sums: new Float64Array(SUM_WIDTH), cells: [], department: -1, section: -1 }]]) });
    }
    const filterKey = `${[...(departmentFilter ?? [])].sort()}|${[...(sectionFilter ?? [])].sort()}|${withDepartment}|${withSection}`;
    const rows: SliceRow[] = [];
    for (const period of periods) {
      // A whole period's distinct counts are kept: they do not change until its days do.
      let kept: Map<number, DistinctPair> | null = null;
      let days: [number, number] | null = null;
      if ((wantPatients || wantEncounters) && previous !== null && pinned !== null) days = this.dayIndexes(previous.days, period, spec);
      else if ((wantPatients || wantEncounters) && withPeriod && this.isWhole(period, spec)) kept = this.periodCounts(spec.grain, period, filterKey);
      for (const [key, group] of period.groups) {
        const components: Record<string, number> = {};
        SUM_COMPONENTS.forEach((name, s) => (components[name] = group.sums[s]!));
        if (days !== null) {
          const at = groupKey(pinned!.department ? group.department : ANY_DEPARTMENT, pinned!.section ? group.section : ANY_SECTION);
          if (wantPatients) components['patients'] = previous!.patients.count(at, days[0], days[1]);
          if (wantEncounters) components['encounters'] = previous!.encounters.count(at, days[0], days[1]);
        } else {
          const pair = kept?.get(key);
          if (wantPatients) components['patients'] = pair?.[0] ?? this.countDistinct(period.blocks, group.cells, 'patients');
          if (wantEncounters) components['encounters'] = pair?.[1] ?? this.countDistinct(period.blocks, group.cells, 'encounters');
        }
        rows.push({ labels: group.labels, components });
      }
    }
    return rows;
  }

  /** The blocks that make up [from, to]: a month block for each whole month if `monthly`, else days. */
  private segments(from: string, to: string, monthly: boolean): DayBlock[] {
    const blocks: DayBlock[] = [];
    const end = lowerBound(this.days, addDays(to, 1));
    let i = lowerBound(this.days, from);
    while (i < end) {
      const day = this.days[i]!;
      if (monthly) {
        const first = `${day.slice(0, 8)}01`;
        const next = addMonths(first, 1);
        if (first >= from && next <= addDays(to, 1)) {
          blocks.push(this.months.get(day.slice(0, 7))!);
          i = lowerBound(this.days, next);
          continue;
        }
      }
      blocks.push(this.blocks.get(day)!);
      i++;
    }
    return blocks;
  }

  private isWhole(period: Period, spec: SliceSpec): boolean {
    const bounds = parsePeriodLabel(period.label, spec.grain, { fiscalYearStartMonth: spec.fiscalYearStartMonth });
    return bounds !== null && bounds.start >= spec.from && bounds.end <= spec.to;
  }

  /** Distinct patients and encounters of every group of a whole period, computed once and kept. */
  private periodCounts(grain: Grain, period: Period, filterKey: string): Map<number, DistinctPair> {
    const periodKey = `${grain}|${period.label}`;
    let byFilter = this.counts.get(periodKey);
    if (byFilter === undefined) this.counts.set(periodKey, (byFilter = new Map()));
    let pairs = byFilter.get(filterKey);
    if (pairs === undefined) {
      if (++this.countsKept > COUNTS_KEPT_MAX) {
        this.counts.clear();
        this.countsKept = 1;
        this.counts.set(periodKey, byFilter);
      }
      pairs = new Map();
      for (const [key, group] of period.groups) {
        pairs.set(key, [this.countDistinct(period.blocks, group.cells, 'patients'), this.countDistinct(period.blocks, group.cells, 'encounters')]);
      }
      byFilter.set(filterKey, pairs);
    }
    return pairs;
  }

  /** Forgets the kept counts of every period, at every grain, that holds one of these days. */
  private forgetCounts(days: readonly string[]): void {
    const options = { fiscalYearStartMonth: this.config.fiscalYearStartMonth };
    for (const day of days) for (const grain of GRAINS) this.counts.delete(`${grain}|${periodLabel(day, grain, options)}`);
  }

  /** Rebuilds the month blocks of the given months ('YYYY-MM') from their day blocks. */
  private rebuildMonths(months: Iterable<string>): void {
    for (const month of months) {
      const first = lowerBound(this.days, `${month}-01`);
      const last = lowerBound(this.days, addMonths(`${month}-01`, 1));
      const days = this.days.slice(first, last).map((day) => this.blocks.get(day)!);
      if (days.length === 0) this.months.delete(month);
      else this.months.set(month, mergeDayBlocks(`${month}-01`, days));
    }
  }

  /** The period's days within the slice's range, as indexes [from, to) into `days`. */
  private dayIndexes(days: readonly string[], period: Period, spec: SliceSpec): [number, number] {
    let from = spec.from;
    let to = spec.to;
    if (period.label !== '' && spec.dimensions.includes('period')) {
      const bounds = parsePeriodLabel(period.label, spec.grain, { fiscalYearStartMonth: spec.fiscalYearStartMonth })!;
      if (bounds.start > from) from = bounds.start;
      if (bounds.end < to) to = bounds.end;
    }
    return [lowerBound(days, from), lowerBound(days, addDays(to, 1))];
  }

  /** Builds the previous-day index of the current blocks; gives up when they change meanwhile. */
  private async buildPrevious(): Promise<void> {
    const days = this.days;
    const blocks = days.map((day) => this.blocks.get(day)!);
    const stale = () => this.days !== days || this.building !== null;
    const yieldNow = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (stale()) throw new StaleBuild();
    };
    try {
      // Not in the caller's turn: an import's completion should not wait for this.
      await yieldNow();
      const started = Date.now();
      const patients = await PreviousDayIndex.build(blocks, 'patients', this.largestPatient, yieldNow);
      // Encounters carry their payer category, for distinct encounters by payer.
      const encounters = await PreviousDayIndex.build(blocks, 'encounters', this.largestEncounter, yieldNow, this.encounterPayers.classes);
      if (stale()) return;
      this.previous = { days, patients, encounters };
      this.logger.log(`distinct-count index built in ${Date.now() - started} ms`);
    } catch (error) {
      if (!(error instanceof StaleBuild)) this.logger.warn(`distinct-count index failed, counts use the key lists: ${(error as Error).message}`);
    }
  }

  private countDistinct(blocks: readonly DayBlock[], cells: readonly number[], which: 'patients' | 'encounters'): number {
    this.counter.begin();
    const largest = which === 'patients' ? this.largestPatient : this.largestEncounter;
    let total = 0;
    for (const packed of cells) {
      const block = blocks[(packed / 65_536) | 0]!;
      const cell = packed & 0xffff;
      if (which === 'patients') total += this.counter.add(block.patients, block.patientOffsets[cell]!, block.patientOffsets[cell + 1]!, largest);
      else total += this.counter.add(block.encounters, block.encounterOffsets[cell]!, block.encounterOffsets[cell + 1]!, largest);
    }
    return total;
  }
}

class StaleBuild extends Error {}

/** Which cells a slice takes (its department and section filters) and which of the two it groups by. */
interface CellSelection {
  departments: ReadonlySet<number> | null;
  sections: ReadonlySet<number> | null;
  byDepartment: boolean;
  bySection: boolean;
}

/** The group (department × 64 + section, each where the slice groups by it) of a block's cell, or -1 when a filter leaves the cell out. */
function cellGroup(block: DayBlock, c: number, selection: CellSelection): number {
  const department = block.departments[c]!;
  const section = block.sections[c]!;
  if (selection.departments !== null && !selection.departments.has(department)) return -1;
  if (selection.sections !== null && !selection.sections.has(section)) return -1;
  return (selection.byDepartment ? department : 0) * 64 + (selection.bySection ? section : 0);
}

/**
 * Which of department and section pin every group of the slice to one value (grouped by it, or
 * filtered to one value), or null when a filter lets several through without grouping by them:
 * those groups are unions the previous-day index does not hold.
 */
function pinning(
  withDepartment: boolean,
  withSection: boolean,
  departmentFilter: ReadonlySet<number> | null,
  sectionFilter: ReadonlySet<number> | null,
): { department: boolean; section: boolean } | null {
  const pin = (grouped: boolean, filter: ReadonlySet<number> | null) => (grouped ? true : filter === null ? false : filter.size === 1 ? true : null);
  const department = pin(withDepartment, departmentFilter);
  const section = pin(withSection, sectionFilter);
  return department === null || section === null ? null : { department, section };
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
