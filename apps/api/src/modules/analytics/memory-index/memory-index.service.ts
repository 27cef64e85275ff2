import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { SECTIONS, isIsoDate, periodLabel, type DimensionId } from '@caseload/domain';
import { PG_POOL } from '../../../database/database.tokens.js';
import type { SliceSpec } from '../aggregate-sql.js';
import type { SliceRow } from '../aggregate.repository.js';
import { DataVersionService } from '../data-version.service.js';
import { copyRows } from './copy-rows.js';
import { DayBlockBuilder, SUM_COMPONENTS, SUM_WIDTH, type DayBlock } from './day-block.js';
import { DistinctCounter } from './distinct-counter.js';

const COVERED_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['period', 'department', 'section']);
/** An import that touched more days than this rebuilds the index in the background. */
const PATCH_DAYS_MAX = 62;

interface Group {
  labels: SliceRow['labels'];
  sums: Float64Array;
  cells: Array<[DayBlock, number]>;
}

/**
 * An exact in-memory index of the facts by day × department × section: additive sums and the
 * distinct patient and encounter keys of every cell. It answers distinct counts over any range
 * and grain in milliseconds, where the database must sort every line. It is built from the
 * facts on first use, patched by this process's imports (the days they touched), rebuilt when
 * another process changed the data, and used only while its data version is the current one.
 */
@Injectable()
export class MemoryIndex {
  private readonly logger = new Logger(MemoryIndex.name);
  private blocks = new Map<string, DayBlock>();
  private days: string[] = [];
  private departmentIds = new Map<string, number>();
  private departmentCodes = new Map<number, string>();
  private version: string | null = null;
  private building: Promise<void> | null = null;
  private importsRunning = 0;
  private readonly counter = new DistinctCounter();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly dataVersion: DataVersionService,
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

  /** True when the index holds exactly the current data; otherwise starts (re)building it. */
  async ready(): Promise<boolean> {
    if (this.importsRunning > 0 || this.building !== null) return false;
    const current = await this.dataVersion.current();
    if (current === this.version) return true;
    this.startBuild();
    return false;
  }

  /** Waits for a build to finish (tests, the benchmark); builds if none has run. */
  async warm(): Promise<void> {
    if (!(await this.ready())) await this.building;
  }

  importStarted(): void {
    this.importsRunning++;
  }

  /** After an import of this process committed: reload the days it touched. */
  async importFinished(touchedDays: readonly string[] | null): Promise<void> {
    try {
      if (this.version === null || this.building !== null) return;
      if (touchedDays === null) return;
      if (touchedDays.length > PATCH_DAYS_MAX) {
        this.version = null;
        return;
      }
      this.dataVersion.invalidate();
      const version = await this.dataVersion.current();
      await this.load(touchedDays);
      this.version = version;
    } catch (error) {
      this.version = null;
      this.logger.warn(`index patch failed, it will be rebuilt: ${(error as Error).message}`);
    } finally {
      this.importsRunning--;
    }
  }

  private startBuild(): void {
    this.building = (async () => {
      const started = Date.now();
      try {
        const version = await this.dataVersion.current();
        this.blocks = new Map();
        await this.load(null);
        this.version = version;
        this.logger.log(`index built: ${this.days.length} days in ${Date.now() - started} ms`);
      } catch (error) {
        this.version = null;
        this.logger.warn(`index build failed, queries use the database: ${(error as Error).message}`);
      } finally {
        this.building = null;
      }
    })();
  }

  /** Reads the cells of the given days (all days when null) from the facts. */
  private async load(days: readonly string[] | null): Promise<void> {
    if (days !== null && !days.every(isIsoDate)) throw new Error('touched days must be ISO dates');
    const where = days === null ? '' : days.length === 0 ? 'WHERE false' : `WHERE service_date IN (${days.map((d) => `'${d}'`).join(',')})`;
    const client = await this.pool.connect();
    try {
      const departments = await client.query('SELECT id, code FROM department');
      this.departmentIds = new Map(departments.rows.map((row) => [row.code as string, Number(row.id)]));
      this.departmentCodes = new Map(departments.rows.map((row) => [Number(row.id), row.code as string]));
      const builders = new Map<string, DayBlockBuilder>();
      await copyRows(
        client,
        `SELECT to_char(service_date, 'YYYY-MM-DD'), department_id, section, count(*), coalesce(sum(units), 0), coalesce(sum(charge_cents), 0),
           coalesce(sum(allowed_cents), 0), coalesce(sum(paid_cents), 0), count(*) FILTER (WHERE claim_status = 1),
           count(*) FILTER (WHERE claim_status IN (0, 1))
         FROM procedure_line ${where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        ([day, department, section, ...sums]) => {
          let builder = builders.get(day!);
          if (builder === undefined) builders.set(day!, (builder = new DayBlockBuilder(day!)));
          builder.addCell(Number(department), Number(section), sums.map(Number));
        },
      );
      for (const [column, target] of [['patient_key', 'patients'], ['encounter_key', 'encounters']] as const) {
        await copyRows(
          client,
          `SELECT to_char(service_date, 'YYYY-MM-DD'), department_id, section, ${column} FROM procedure_line ${where} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
          ([day, department, section, key]) => {
            const value = Number(key);
            if (value > 0x7fffffff) throw new Error(`${column} ${value} is beyond what the index holds`);
            const builder = builders.get(day!)!;
            builder[target][builder.cellOf(Number(department), Number(section))]!.push(value);
          },
        );
      }
      for (const day of days ?? []) this.blocks.delete(day);
      for (const [day, builder] of builders) this.blocks.set(day, builder.build());
      this.days = [...this.blocks.keys()].sort();
    } finally {
      client.release();
    }
  }

  /** The slice from the index: the same rows (labels and components) as the SQL would give. */
  slice(spec: SliceSpec): SliceRow[] {
    const departmentFilter = spec.filters.department ? new Set(spec.filters.department.map((code) => this.departmentIds.get(code) ?? -1)) : null;
    const sectionFilter = spec.filters.section ? new Set(spec.filters.section.map((section) => SECTIONS.indexOf(section))) : null;
    const withPeriod = spec.dimensions.includes('period');
    const withDepartment = spec.dimensions.includes('department');
    const withSection = spec.dimensions.includes('section');
    const options = { fiscalYearStartMonth: spec.fiscalYearStartMonth };
    const groups = new Map<string, Group>();
    for (let i = lowerBound(this.days, spec.from); i < this.days.length && this.days[i]! <= spec.to; i++) {
      const block = this.blocks.get(this.days[i]!)!;
      const period = withPeriod ? periodLabel(block.day, spec.grain, options) : '';
      for (let c = 0; c < block.departments.length; c++) {
        const department = block.departments[c]!;
        const section = block.sections[c]!;
        if (departmentFilter !== null && !departmentFilter.has(department)) continue;
        if (sectionFilter !== null && !sectionFilter.has(section)) continue;
        const key = `${period}|${withDepartment ? department : ''}|${withSection ? section : ''}`;
        let group = groups.get(key);
        if (group === undefined) {
          const labels: SliceRow['labels'] = {};
          if (withPeriod) labels.period = period;
          if (withDepartment) labels.department = this.departmentCodes.get(department) ?? null;
          if (withSection) labels.section = SECTIONS[section] ?? null;
          groups.set(key, (group = { labels, sums: new Float64Array(SUM_WIDTH), cells: [] }));
        }
        for (let s = 0; s < SUM_WIDTH; s++) group.sums[s]! += block.sums[c * SUM_WIDTH + s]!;
        group.cells.push([block, c]);
      }
    }
    // Like SQL without GROUP BY, a query with no dimensions answers one row, zeros included.
    if (spec.dimensions.length === 0 && groups.size === 0) groups.set('', { labels: {}, sums: new Float64Array(SUM_WIDTH), cells: [] });
    return [...groups.values()].map((group) => {
      const components: Record<string, number> = {};
      SUM_COMPONENTS.forEach((name, s) => (components[name] = group.sums[s]!));
      if (spec.measures.includes('patients')) components['patients'] = this.countDistinct(group.cells, 'patients');
      if (spec.measures.includes('encounters')) components['encounters'] = this.countDistinct(group.cells, 'encounters');
      return { labels: group.labels, components };
    });
  }

  private countDistinct(cells: Array<[DayBlock, number]>, which: 'patients' | 'encounters'): number {
    const count = this.counter.begin();
    for (const [block, cell] of cells) {
      const offsets = which === 'patients' ? block.patientOffsets : block.encounterOffsets;
      count.add(which === 'patients' ? block.patients : block.encounters, offsets[cell]!, offsets[cell + 1]!);
    }
    return count.total();
  }
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
