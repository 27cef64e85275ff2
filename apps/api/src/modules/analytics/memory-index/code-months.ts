import type { PoolClient } from 'pg';
import { SECTIONS, periodLabel } from '@caseload/domain';
import type { SliceSpec } from '../aggregate-sql.js';
import type { SliceRow } from '../aggregate.repository.js';
import { copyRows } from './copy-rows.js';
import { SUM_COMPONENTS, SUM_WIDTH } from './day-block.js';

/** One month of rollup_month_code: per (department, section, code) row, the additive sums. */
interface CodeMonth {
  departments: Int32Array;
  sections: Int16Array;
  codes: Int32Array;
  sums: Float64Array;
}

interface Group {
  labels: SliceRow['labels'];
  sums: Float64Array;
}

/** Codes fit in 21 bits of a group key, beside department × 64 + section. */
const CODE_BITS = 2 ** 21;

/**
 * rollup_month_code held in memory, month by month: the code views (movers, top codes, a
 * section's codes, one code by department) over whole months, without a round trip to the
 * database. It is read in the index's snapshot, so it always matches the day blocks.
 */
export class CodeMonths {
  private months = new Map<string, CodeMonth>();
  private codeIds = new Map<string, number>();
  private codeLabels = new Map<number, string>();

  /** Reads the given months ('YYYY-MM', all when null) in the caller's transaction. */
  async load(client: PoolClient, months: readonly string[] | null): Promise<void> {
    if (months !== null && !months.every((month) => /^\d{4}-\d{2}$/.test(month))) throw new Error('months must be YYYY-MM');
    const codes = await client.query('SELECT id, code FROM procedure_code');
    this.codeIds = new Map(codes.rows.map((row) => [row.code as string, Number(row.id)]));
    this.codeLabels = new Map(codes.rows.map((row) => [Number(row.id), row.code as string]));
    if (codes.rows.some((row) => Number(row.id) >= CODE_BITS)) throw new Error('procedure code ids beyond what the index holds');
    const where = months === null ? '' : months.length === 0 ? 'WHERE false' : `WHERE month IN (${months.map((m) => `'${m}-01'`).join(',')})`;
    const loaded = new Map<string, { departments: number[]; sections: number[]; codes: number[]; sums: number[] }>();
    await copyRows(
      client,
      `SELECT to_char(month, 'YYYY-MM'), department_id, section, code_id, ${SUM_COMPONENTS.join(', ')} FROM rollup_month_code ${where}`,
      ([month, department, section, code, ...sums]) => {
        let rows = loaded.get(month!);
        if (rows === undefined) loaded.set(month!, (rows = { departments: [], sections: [], codes: [], sums: [] }));
        rows.departments.push(Number(department));
        rows.sections.push(Number(section));
        rows.codes.push(Number(code));
        for (const sum of sums) rows.sums.push(Number(sum));
      },
    );
    if (months === null) this.months = new Map();
    for (const month of months ?? []) this.months.delete(month);
    for (const [month, rows] of loaded) {
      this.months.set(month, {
        departments: Int32Array.from(rows.departments),
        sections: Int16Array.from(rows.sections),
        codes: Int32Array.from(rows.codes),
        sums: Float64Array.from(rows.sums),
      });
    }
  }

  /**
   * The slice, for specs the planner sends to rollup_month_code (whole months; period,
   * department, section and code; additive measures); `departmentIds` maps codes to ids.
   */
  slice(spec: SliceSpec, departmentIds: ReadonlyMap<string, number>, departmentCodes: ReadonlyMap<number, string>): SliceRow[] {
    const departmentFilter = spec.filters.department ? new Set(spec.filters.department.map((code) => departmentIds.get(code) ?? -1)) : null;
    const sectionFilter = spec.filters.section ? new Set(spec.filters.section.map((section) => SECTIONS.indexOf(section))) : null;
    const codeFilter = spec.filters.code ? new Set(spec.filters.code.map((code) => this.codeIds.get(code) ?? -1)) : null;
    const withPeriod = spec.dimensions.includes('period');
    const withDepartment = spec.dimensions.includes('department');
    const withSection = spec.dimensions.includes('section');
    const withCode = spec.dimensions.includes('code');
    const options = { fiscalYearStartMonth: spec.fiscalYearStartMonth };
    const periods = new Map<string, Map<number, Group>>();
    for (let month = spec.from.slice(0, 7); month <= spec.to.slice(0, 7); month = nextMonth(month)) {
      const rows = this.months.get(month);
      if (rows === undefined) continue;
      const label = withPeriod ? periodLabel(`${month}-01`, spec.grain, options) : '';
      let groups = periods.get(label);
      if (groups === undefined) periods.set(label, (groups = new Map()));
      for (let r = 0; r < rows.codes.length; r++) {
        const department = rows.departments[r]!;
        const section = rows.sections[r]!;
        const code = rows.codes[r]!;
        if (departmentFilter !== null && !departmentFilter.has(department)) continue;
        if (sectionFilter !== null && !sectionFilter.has(section)) continue;
        if (codeFilter !== null && !codeFilter.has(code)) continue;
        const key = ((withDepartment ? department : 0) * 64 + (withSection ? section : 0)) * CODE_BITS + (withCode ? code : 0);
        let group = groups.get(key);
        if (group === undefined) {
          const labels: SliceRow['labels'] = {};
          if (withPeriod) labels.period = label;
          if (withDepartment) labels.department = departmentCodes.get(department) ?? null;
          if (withSection) labels.section = SECTIONS[section] ?? null;
          if (withCode) labels.code = this.codeLabels.get(code) ?? null;
          groups.set(key, (group = { labels, sums: new Float64Array(SUM_WIDTH) }));
        }
        const base = r * SUM_WIDTH;
        for (let s = 0; s < SUM_WIDTH; s++) group.sums[s]! += rows.sums[base + s]!;
      }
    }
    const result: SliceRow[] = [];
    for (const groups of periods.values()) {
      for (const group of groups.values()) {
        const components: Record<string, number> = {};
        SUM_COMPONENTS.forEach((name, s) => (components[name] = group.sums[s]!));
        result.push({ labels: group.labels, components });
      }
    }
    // Like SQL without GROUP BY, a query with no dimensions answers one row, zeros included.
    if (spec.dimensions.length === 0 && result.length === 0) result.push({ labels: {}, components: Object.fromEntries(SUM_COMPONENTS.map((name) => [name, 0])) });
    return result;
  }
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}`;
}
