import { Inject, Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import type { Client, Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { AggregateValue } from '@caseload/contracts';
import { PAYER_CATEGORIES, SECTIONS, enumeratePeriods, type MeasureId } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import type { AggregateQuery } from '../analytics/aggregate-query.js';
import type { SliceSpec } from '../analytics/aggregate-sql.js';
import { measureValue } from '../analytics/measure-sql.js';
import type { ColumnBatch } from './export-columns.js';
import { CopyColumnReader } from './export-copy-columns.js';
import { CopyLineSplitter, copyField } from './export-copy-text.js';
import { inlineParameters } from './export-sql-literals.js';
import { CSV_LINE, buildCsvStreamSql, buildStreamSql, periodParts, type PeriodPart, type StreamCompare, type StreamStatement } from './export-stream-sql.js';
import { csvLine } from './writers/csv-writer.js';
import type { RowBatch } from './export-table.js';

/**
 * Rows handed to a writer at a time, at least: a socket's chunk holds a few hundred, and each
 * batch costs a writer something of its own (an Arrow record batch, a flush).
 */
const BATCH_ROWS = 2_000;

/**
 * An answer's rows as they come from the database. The first chunk is read when it opens, so that
 * a query that fails does so before any byte is sent; `batches` then hands over every batch once.
 */
export interface RowStream<Batch = RowBatch> {
  batches(): AsyncIterable<Batch>;
  /** Rows handed over so far. */
  readonly rows: number;
  /** Stops the query and gives the connection back; safe to call twice. */
  close(): Promise<void>;
}

/** The rows of a bounded read (a report): the first rows and how many the answer has. */
export interface BoundedRows {
  rows: RowBatch;
  total: number;
}

/**
 * The export's statement runs in its own read-only transaction with more memory per sort and hash
 * (a million groups then hash and sort in memory, not on disk) and without merge joins: the planner
 * cannot know how few of the department × code combinations have lines, overestimates the
 * zero-filled rows by orders of magnitude and would sort them twice for a merge join where one
 * hash join does. SET LOCAL ends with the transaction. Repeatable read, so that a second
 * connection can take the same snapshot (`SET TRANSACTION SNAPSHOT`, first in its transaction).
 */
function exportSession(snapshot?: string): string {
  const imported = snapshot === undefined ? '' : ` SET TRANSACTION SNAPSHOT ${escapeLiteral(snapshot)};`;
  return `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;${imported} SET LOCAL work_mem = '256MB'; SET LOCAL enable_mergejoin = off`;
}

/** The statement of an answer as COPY runs it, and the same answer in parts when it splits (see periodParts). */
interface CopyTexts {
  whole: string;
  parts: [string, string] | null;
}

function copyTexts(parts: [PeriodPart, PeriodPart] | null, build: (part?: PeriodPart) => StreamStatement): CopyTexts {
  return { whole: inlineParameters(build()), parts: parts === null ? null : [inlineParameters(build(parts[0])), inlineParameters(build(parts[1]))] };
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

  /**
   * Streams the answer's rows through COPY (query) TO STDOUT and reads its first chunk (errors
   * surface here). COPY rather than a cursor: PostgreSQL sends the rows as fast as the socket takes
   * them, with no round trip per batch, and may plan a COPY in parallel (never a cursor's portal).
   * It takes no parameters, so the statement's values are written in as literals. The rows come
   * as column batches (see CopyColumnReader), read from COPY's bytes with nothing allocated per
   * row.
   */
  async openColumns(query: AggregateQuery, spec: SliceSpec, compare?: StreamCompare): Promise<RowStream<ColumnBatch>> {
    const statement = buildStreamSql(query, spec, { compare });
    const texts = copyTexts(periodParts(query, spec, compare), (part) => buildStreamSql(query, spec, { compare, part }));
    return this.copyBatches(texts, new CopyColumnReader(query.measures, spec.dimensions.length, statement, BATCH_ROWS));
  }

  /**
   * The answer's rows as CSV lines that PostgreSQL wrote (see buildCsvStreamSql); a row whose
   * values it cannot write exactly as the CSV writer would comes as its cells, and is written here.
   */
  async openCsv(query: AggregateQuery, spec: SliceSpec): Promise<RowStream<string[]>> {
    const statement = buildCsvStreamSql(query, spec);
    const toCells = rowReader(query.measures, spec.dimensions.length, statement);
    const toLine = csvLineReader(toCells);
    const texts = copyTexts(periodParts(query, spec), (part) => buildCsvStreamSql(query, spec, part));
    return this.copyBatches(texts, lineBatches((lines) => lines.map(toLine)));
  }

  /**
   * Connections for the answer's COPY statements: one for the whole, or one per part when the
   * answer splits and the pool has a connection to spare (exports that each held one connection
   * and waited for a second could wait for each other for ever). The parts share the first
   * transaction's snapshot: together they read the data as of one moment, as one statement would.
   */
  private async sessions(texts: CopyTexts): Promise<Array<{ client: PoolClient; text: string }>> {
    const failed = (client: PoolClient, error: unknown) => client.release(error instanceof Error ? error : new Error(String(error)));
    const first = await this.pool.connect();
    // Asked for at once, with no await between the count and the ask: an idle connection or room for a new one is this export's.
    const spare = texts.parts !== null && (this.pool.idleCount > 0 || this.pool.totalCount < (this.pool.options.max ?? 10));
    const asked = spare ? this.pool.connect() : null;
    let second: PoolClient | null = null;
    try {
      await first.query(exportSession());
      if (asked === null) return [{ client: first, text: texts.whole }];
      const { rows } = await first.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      second = await asked;
      await second.query(exportSession(rows[0]!.snapshot));
      return [
        { client: first, text: texts.parts![0] },
        { client: second, text: texts.parts![1] },
      ];
    } catch (error) {
      failed(first, error);
      if (second !== null) failed(second, error);
      else void asked?.then((client) => client.release(), () => undefined);
      throw error;
    }
  }

  /**
   * Runs the COPY statements in the export's transactions, all at once; `reader` makes batches of
   * their bytes, the first statement's, then the next's (whose query has been running meanwhile,
   * held back by its socket once its rows are ready).
   */
  private async copyBatches<Batch extends { length: number }>(texts: CopyTexts, reader: BatchReader<Batch>): Promise<RowStream<Batch>> {
    const sessions = await this.sessions(texts);
    let closed = false;
    let rows = 0;
    const iterators: Array<AsyncIterator<Buffer>> = [];
    const close = async (abandoned?: unknown) => {
      if (closed) return;
      closed = true;
      if (abandoned === undefined) {
        for (const { client } of sessions) {
          try {
            await client.query('COMMIT');
            client.release();
          } catch (error) {
            client.release(error instanceof Error ? error : new Error(String(error)));
          }
        }
        return;
      }
      // Mid-COPY the server only notices a client that is gone when its next write fails: the
      // socket is closed outright (Client.end would wait on a server that waits on us), which
      // stops the query; the connection is dropped from the pool.
      for (const { client } of sessions) (client as unknown as Client).connection.stream.destroy();
      for (const iterator of iterators) void iterator.return?.()?.catch(() => undefined);
      for (const { client } of sessions) client.release(abandoned instanceof Error ? abandoned : new Error(String(abandoned)));
    };
    let first: IteratorResult<Buffer>;
    try {
      for (const { client, text } of sessions) {
        const copy = client.query(copyTo(`COPY (${text}) TO STDOUT`));
        // The iterator below hears the stream's errors while it is read; once a client went away and
        // the socket was closed, the failure the stream still reports has no one left to hear it.
        copy.on('error', () => undefined);
        // Made now, so that it keeps an error of a statement whose turn has not come yet.
        iterators.push((copy as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
      }
      first = await iterators[0]!.next();
    } catch (error) {
      await close(error);
      throw error;
    }
    async function* batches(): AsyncGenerator<Batch> {
      let finished = false;
      try {
        for (let i = 0; i < iterators.length; i++) {
          const source = iterators[i]!;
          for (let chunk = i === 0 ? first : await source.next(); !chunk.done; chunk = await source.next()) {
            for (const batch of reader.push(chunk.value)) {
              rows += batch.length;
              yield batch;
            }
          }
        }
        const last = reader.end();
        finished = true;
        for (const batch of last) {
          rows += batch.length;
          yield batch;
        }
      } finally {
        // Also where a consumer that stops early (the client went away) or a failed read comes out.
        await close(finished ? undefined : new Error('the export stopped before its last row'));
      }
    }
    return {
      batches,
      get rows() {
        return rows;
      },
      close: () => close(new Error('the export was closed before its last row')),
    };
  }

  /** The first `limit` rows of the answer and how many it has in all (the query's own limit applied). */
  async firstRows(query: AggregateQuery, spec: SliceSpec, limit: number, compare?: StreamCompare): Promise<BoundedRows> {
    const statement = buildStreamSql(query, spec, { countAll: true, limit, compare });
    const result = await this.pool.query<unknown[]>({ text: statement.text, values: statement.values, rowMode: 'array' });
    const toRow = rowReader(query.measures, spec.dimensions.length, statement);
    const counted = result.rows.length === 0 ? 0 : Number(result.rows[0]!.at(-1));
    return { rows: result.rows.map(toRow), total: query.limit === null ? counted : Math.min(counted, query.limit) };
  }
}

/** Makes batches of a COPY stream's bytes: those each chunk completes, then the last ones. */
interface BatchReader<Batch> {
  push(chunk: Buffer): Batch[];
  end(): Batch[];
}

/** Whole lines, BATCH_ROWS or more at a time, made a batch by `read`. */
function lineBatches<Batch>(read: (lines: string[]) => Batch): BatchReader<Batch> {
  const lines = new CopyLineSplitter();
  let pending: string[] = [];
  return {
    push(chunk) {
      pending.push(...lines.push(chunk));
      if (pending.length < BATCH_ROWS) return [];
      const batch = read(pending);
      pending = [];
      return [batch];
    },
    end() {
      const rest = [...pending, ...lines.end()];
      pending = [];
      return rest.length === 0 ? [] : [read(rest)];
    },
  };
}

/**
 * Turns a line of buildCsvStreamSql's COPY text into a CSV line: the line PostgreSQL wrote, or the
 * row's cells (a JSON array) written here.
 */
export function csvLineReader(toCells: (cells: unknown[]) => AggregateValue[]): (raw: string) => string {
  return (raw) => {
    const line = raw.includes('\\') ? copyField(raw)! : raw;
    return line.startsWith(CSV_LINE) ? line.slice(CSV_LINE.length) : csvLine(toCells(JSON.parse(line.slice(1)) as unknown[]));
  };
}

/**
 * Turns a row of the statement (labels, then components, as pg or COPY give them: bigint and
 * numeric as strings) into the export's cells: the labels, then each measure's value as /aggregate
 * derives it from the same components.
 */
export function rowReader(measures: readonly MeasureId[], labelCount: number, statement: StreamStatement): (cells: unknown[]) => AggregateValue[] {
  const aliases = statement.components;
  const compareAt = labelCount + aliases.length;
  // One components object each, refilled for every row (measureValue reads them at once): a
  // million rows would otherwise leave a million objects for the collector.
  const components: Record<string, number> = Object.fromEntries(aliases.map((alias) => [alias, 0]));
  const comparedComponents: Record<string, number> = { ...components };
  return (cells) => {
    for (let i = 0; i < aliases.length; i++) components[aliases[i]!] = Number(cells[labelCount + i]);
    // The comparison's components, or null for a period that has none to compare with.
    let compared: Record<string, number> | null = null;
    if (statement.compared && cells[compareAt] !== null && cells[compareAt] !== undefined) {
      compared = comparedComponents;
      for (let i = 0; i < aliases.length; i++) compared[aliases[i]!] = Number(cells[compareAt + i]);
    }
    const row: AggregateValue[] = [];
    for (let i = 0; i < labelCount; i++) row.push(cells[i] === null || cells[i] === undefined ? null : String(cells[i]));
    for (const measure of measures) {
      row.push(measureValue(measure, components));
      if (statement.compared) row.push(compared === null ? null : measureValue(measure, compared));
    }
    return row;
  };
}
