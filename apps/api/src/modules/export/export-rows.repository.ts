import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import Cursor from 'pg-cursor';
import type { AggregateValue } from '@caseload/contracts';
import { PAYER_CATEGORIES, SECTIONS, enumeratePeriods, type MeasureId } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import type { AggregateQuery } from '../analytics/aggregate-query.js';
import type { SliceSpec } from '../analytics/aggregate-sql.js';
import { measureValue } from '../analytics/measure-sql.js';
import { buildStreamSql, type StreamStatement } from './export-stream-sql.js';
import type { RowBatch } from './export-table.js';

/** Rows a cursor hands over at a time: enough to keep the socket busy, little to hold. */
const BATCH_ROWS = 2_000;

/**
 * An open cursor over an answer's rows. The first batch is read when it opens, so that a query
 * that fails does so before any byte is sent; `batches` then hands over every batch once.
 */
export interface RowStream {
  batches(): AsyncIterable<RowBatch>;
  /** Rows handed over so far. */
  readonly rows: number;
  /** Closes the cursor and gives the connection back; safe to call twice. */
  close(): Promise<void>;
}

/** The rows of a bounded read (a report): the first rows and how many the answer has. */
export interface BoundedRows {
  rows: RowBatch;
  total: number;
}

@Injectable()
export class ExportRowsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * An upper bound of the rows an answer can have, from what bounds each group-by: the periods
   * of the range, the departments and codes asked or known, the fixed lists of sections, payer
   * categories and places of service. Providers are not bounded here (Infinity).
   */
  async rowBound(query: AggregateQuery, spec: SliceSpec): Promise<number> {
    const needsCounts = spec.dimensions.some((dimension) => (dimension === 'department' && spec.filters.department === undefined) || (dimension === 'code' && spec.filters.code === undefined));
    const known = needsCounts
      ? (await this.pool.query<{ departments: string; codes: string }>('SELECT (SELECT count(*) FROM department) AS departments, (SELECT count(*) FROM procedure_code) AS codes')).rows[0]!
      : { departments: '0', codes: '0' };
    let bound = 1;
    for (const dimension of spec.dimensions) {
      switch (dimension) {
        case 'period':
          bound *= enumeratePeriods(spec.from, spec.to, spec.grain, { fiscalYearStartMonth: spec.fiscalYearStartMonth }).length;
          break;
        case 'department':
          bound *= spec.filters.department?.length ?? Number(known.departments);
          break;
        case 'code':
          bound *= spec.filters.code?.length ?? Number(known.codes);
          break;
        case 'section':
          bound *= spec.filters.section?.length ?? SECTIONS.length;
          break;
        case 'payer_category':
          bound *= spec.filters.payer_category?.length ?? PAYER_CATEGORIES.length;
          break;
        case 'place_of_service':
          bound *= spec.filters.place_of_service?.length ?? 99;
          break;
        case 'provider':
          bound = Infinity;
          break;
      }
    }
    return query.limit === null ? bound : Math.min(bound, query.limit);
  }

  /** Opens a cursor over the answer's rows and reads the first batch (errors surface here). */
  async open(query: AggregateQuery, spec: SliceSpec): Promise<RowStream> {
    const statement = buildStreamSql(query, spec);
    const client = await this.pool.connect();
    const cursor = client.query(new Cursor<unknown[]>(statement.text, statement.values, { rowMode: 'array' }));
    let closed = false;
    let rows = 0;
    const close = async (failed?: unknown) => {
      if (closed) return;
      closed = true;
      if (failed !== undefined) {
        // After an error the connection's state is unknown: drop it rather than reuse it.
        client.release(failed instanceof Error ? failed : new Error(String(failed)));
        return;
      }
      try {
        await cursor.close();
        client.release();
      } catch (error) {
        client.release(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const toRow = rowReader(query.measures, spec.dimensions.length, statement);
    let first: unknown[][];
    try {
      first = await cursor.read(BATCH_ROWS);
    } catch (error) {
      await close(error);
      throw error;
    }
    async function* batches(): AsyncGenerator<RowBatch> {
      try {
        let raw = first;
        first = [];
        while (raw.length > 0) {
          rows += raw.length;
          yield raw.map(toRow);
          if (raw.length < BATCH_ROWS) break;
          raw = await cursor.read(BATCH_ROWS);
        }
      } catch (error) {
        await close(error);
        throw error;
      } finally {
        // Also where a consumer that stops early (the client went away) comes out.
        await close();
      }
    }
    return {
      batches,
      get rows() {
        return rows;
      },
      close: () => close(),
    };
  }

  /** The first `limit` rows of the answer and how many it has in all (the query's own limit applied). */
  async firstRows(query: AggregateQuery, spec: SliceSpec, limit: number): Promise<BoundedRows> {
    const statement = buildStreamSql(query, spec, { countAll: true, limit });
    const result = await this.pool.query<unknown[]>({ text: statement.text, values: statement.values, rowMode: 'array' });
    const toRow = rowReader(query.measures, spec.dimensions.length, statement);
    const counted = result.rows.length === 0 ? 0 : Number(result.rows[0]!.at(-1));
    return { rows: result.rows.map(toRow), total: query.limit === null ? counted : Math.min(counted, query.limit) };
  }
}

/**
 * Turns a row of the statement (labels, then components, as pg gives them: bigint and numeric
 * as strings) into the export's cells: the labels, then each measure's value as /aggregate
 * derives it from the same components.
 */
function rowReader(measures: readonly MeasureId[], labelCount: number, statement: StreamStatement): (cells: unknown[]) => AggregateValue[] {
  const aliases = statement.components;
  return (cells) => {
    const components: Record<string, number> = {};
    aliases.forEach((alias, i) => (components[alias] = Number(cells[labelCount + i])));
    const row: AggregateValue[] = [];
    for (let i = 0; i < labelCount; i++) row.push(cells[i] === null || cells[i] === undefined ? null : String(cells[i]));
    for (const measure of measures) row.push(measureValue(measure, components));
    return row;
  };
}
