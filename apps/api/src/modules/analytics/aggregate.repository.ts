import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PAYER_CATEGORIES, SECTIONS, periodLabel, type DimensionId } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import { buildSliceSql, type SliceSpec } from './aggregate-sql.js';

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
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Runs one GROUP BY; pg hands bigint sums and counts back as strings, converted here. */
  async slice(spec: SliceSpec): Promise<SliceRow[]> {
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
