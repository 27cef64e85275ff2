import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PAYER_CATEGORIES, SECTIONS, periodLabel, type DimensionId } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import { buildSliceSql, chooseSource, type SliceSource, type SliceSpec } from './aggregate-sql.js';
import { MemoryIndex } from './memory-index/memory-index.service.js';

/** A grouped result before measures are derived: labels by dimension, components by alias. */
export interface SliceRow {
  labels: Partial<Record<DimensionId, string | null>>;
  components: Record<string, number>;
}

function label(dimension: DimensionId, value: unknown, spec: SliceSpec): string | null {
  if (value === null || value === undefined) return null;
  switch (dimension) {
    case 'period':
      return periodLabel(String(value), spec.grain, { fiscalYearStartMonth: spec.fiscalYearStartMonth });
    case 'section':
      return SECTIONS[Number(value)] ?? null;
    case 'payer_category':
      return PAYER_CATEGORIES[Number(value)] ?? null;
    case 'place_of_service':
      return String(value).padStart(2, '0');
    default:
      return String(value);
  }
}

@Injectable()
export class AggregateRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly memory: MemoryIndex,
  ) {}

  /**
   * The planner's first choice is the in-memory index when it covers the slice and holds the
   * current data: the day blocks, or the monthly rollups it holds; then the smallest table
   * that covers it (see chooseSource).
   */
  async slice(spec: SliceSpec): Promise<SliceRow[]> {
    return (await this.answer(spec)).rows;
  }

  async answer(spec: SliceSpec): Promise<{ rows: SliceRow[]; source: SliceSource }> {
    const useMemory = spec.source === 'memory' || (spec.source === undefined && this.memory.covers(spec) && (await this.memory.ready()));
    if (useMemory) return { rows: this.memory.slice(spec), source: 'memory' };
    if (this.memory.coversPayerEncounters(spec) && (await this.memory.ready())) {
      const rows = this.memory.payerEncounterSlice(spec);
      if (rows !== null) return { rows, source: 'memory' };
    }
    const rollup = this.memory.rollupFor(spec);
    if (rollup !== null && (await this.memory.ready())) return { rows: this.memory.rollupSlice(spec, rollup), source: 'memory' };
    return { rows: await this.sqlSlice(spec), source: chooseSource(spec) };
  }

  /** Runs one GROUP BY; pg hands bigint sums and counts back as strings, converted here. */
  private async sqlSlice(spec: SliceSpec): Promise<SliceRow[]> {
    const statement = buildSliceSql(spec);
    const result = await this.pool.query({ text: statement.text, values: statement.values, rowMode: 'array' });
    const names = result.fields.map((field) => field.name);
    return result.rows.map((cells: unknown[]) => {
      const row: SliceRow = { labels: {}, components: {} };
      names.forEach((name, i) => {
        if (name.startsWith('dim_')) {
          const dimension = name.slice(4) as DimensionId;
          row.labels[dimension] = label(dimension, cells[i], spec);
        } else {
          row.components[name.slice(2)] = Number(cells[i]);
        }
      });
      return row;
    });
  }
}
