import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { addDays } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import { filterConditions } from '../analytics/aggregate-sql.js';
import { MemoryIndex } from '../analytics/memory-index/memory-index.service.js';
import type { DenialCountRow, PricedUnitsRow } from '../analytics/memory-index/memory-rollups.js';
import { CARC_OF } from '../analytics/rollup-sql.js';
import { linePriceSql } from './line-price-sql.js';
import type { ReimbursementSlice } from './reimbursement-query.js';

/** Units of priced lines, per department, section, service year and the schedule row that priced them. */
export type PricedUnits = PricedUnitsRow;

export type DenialCount = DenialCountRow;

export interface RollupOptions {
  /** false: read the rollup table even when memory holds it (tests compare the two). */
  memory?: boolean;
}

const FACT_PRICE = linePriceSql({ code: 'c.code', modifiers: 'f.modifiers', serviceDate: 'f.service_date', placeOfService: 'f.place_of_service', units: 'f.units' });

/** Whether the range is whole calendar months, as the monthly rollups hold them. */
function wholeMonths(slice: ReimbursementSlice): boolean {
  return slice.from.endsWith('-01') && addDays(slice.to, 1).endsWith('-01');
}

function where(slice: ReimbursementSlice, dateColumn: string): { conditions: string[]; values: unknown[] } {
  const values: unknown[] = [slice.from, slice.to];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { conditions: [`${dateColumn} BETWEEN $1::date AND $2::date`, ...filterConditions(slice.filters, param)], values };
}

/**
 * The reimbursement views the aggregate query has no dimension for: priced units by schedule
 * row (what-ifs) and denied lines by CARC. Each reads its monthly rollup when the range is
 * whole months and the filters are columns of it (from memory while the index holds the
 * current data), else the facts.
 */
@Injectable()
export class ReimbursementAnalysisRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly memory: MemoryIndex,
  ) {}

  async pricedUnits(slice: ReimbursementSlice, options: RollupOptions = {}): Promise<{ rows: PricedUnits[]; source: 'memory' | 'rollup_month_price' | 'facts' }> {
    const { filters } = slice;
    const fromRollup = wholeMonths(slice) && filters.payer_category === undefined && filters.place_of_service === undefined;
    if (fromRollup && options.memory !== false && (await this.memory.ready())) {
      return { rows: this.memory.pricedUnits(slice.from, slice.to, { department: filters.department, code: filters.code, section: filters.section }), source: 'memory' };
    }
    let inner: string;
    let values: unknown[];
    if (fromRollup) {
      const w = where(slice, 'f.month');
      values = w.values;
      inner = `SELECT f.department_id, f.section, extract(year FROM f.month)::int AS year, f.code_id, f.price_modifier, f.facility, sum(f.units) AS units
        FROM rollup_month_price f WHERE ${w.conditions.join(' AND ')}
        GROUP BY 1, 2, 3, 4, 5, 6`;
    } else {
      const w = where(slice, 'f.service_date');
      values = w.values;
      inner = `SELECT f.department_id, f.section, extract(year FROM f.service_date)::int AS year, f.code_id,
          ${FACT_PRICE.priceModifier} AS price_modifier, ${FACT_PRICE.facility} AS facility, sum(f.units) AS units
        FROM procedure_line f JOIN procedure_code c ON c.id = f.code_id
        ${FACT_PRICE.joins}
        WHERE f.priced AND ${w.conditions.join(' AND ')}
        GROUP BY 1, 2, 3, 4, 5, 6`;
    }
    const { rows } = await this.pool.query<{ department: string; section: number; year: number; code: string; price_modifier: string; facility: boolean; units: string }>(
      `SELECT d.code AS department, g.section, g.year, c.code, g.price_modifier, g.facility, g.units
       FROM (${inner}) g JOIN department d ON d.id = g.department_id JOIN procedure_code c ON c.id = g.code_id`,
      values,
    );
    return {
      source: fromRollup ? 'rollup_month_price' : 'facts',
      rows: rows.map((r) => ({ department: r.department, section: r.section, year: r.year, code: r.code, modifier: r.price_modifier, facility: r.facility, units: Number(r.units) })),
    };
  }

  async denialCounts(slice: ReimbursementSlice, options: RollupOptions = {}): Promise<{ rows: DenialCount[]; source: 'memory' | 'rollup_month_denial' | 'facts' }> {
    const { filters } = slice;
    const fromRollup = wholeMonths(slice) && filters.code === undefined && filters.place_of_service === undefined;
    if (fromRollup && options.memory !== false && (await this.memory.ready())) {
      return {
        rows: this.memory.denialCounts(slice.from, slice.to, { department: filters.department, section: filters.section, payer_category: filters.payer_category }),
        source: 'memory',
      };
    }
    const w = where(slice, fromRollup ? 'f.month' : 'f.service_date');
    const text = fromRollup
      ? `SELECT f.carc, sum(f.lines) AS lines, sum(f.charge_cents) AS charge_cents FROM rollup_month_denial f
         WHERE ${w.conditions.join(' AND ')} GROUP BY 1 HAVING sum(f.lines) > 0`
      : `SELECT ${CARC_OF('f.denial_reason')} AS carc, count(*) AS lines, sum(f.charge_cents) AS charge_cents FROM procedure_line f
         WHERE f.claim_status = 1 AND ${w.conditions.join(' AND ')} GROUP BY 1`;
    const { rows } = await this.pool.query<{ carc: string; lines: string; charge_cents: string }>(`${text} ORDER BY 2 DESC, 1`, w.values);
    return {
      source: fromRollup ? 'rollup_month_denial' : 'facts',
      rows: rows.map((r) => ({ carc: r.carc, lines: Number(r.lines), chargeCents: Number(r.charge_cents) })),
    };
  }

  async denialDescriptions(codes: readonly string[]): Promise<{ descriptions: Map<string, string>; loaded: number }> {
    const { rows } = await this.pool.query<{ code: string; description: string }>(`SELECT code, description FROM denial_reason_code WHERE code = ANY($1::text[])`, [codes]);
    const { rows: count } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM denial_reason_code`);
    return { descriptions: new Map(rows.map((r) => [r.code, r.description])), loaded: count[0]!.n };
  }

  /** Replaces the CARC list in one transaction. */
  async replaceDenialDescriptions(codes: readonly { code: string; description: string }[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM denial_reason_code');
      await client.query(`INSERT INTO denial_reason_code (code, description) SELECT * FROM unnest($1::text[], $2::text[])`, [
        codes.map((c) => c.code),
        codes.map((c) => c.description),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
