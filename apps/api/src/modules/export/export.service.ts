import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { parsePeriodLabel } from '@caseload/domain';
import type { AggregateQuery } from '../analytics/aggregate-query.js';
import type { SliceSpec } from '../analytics/aggregate-sql.js';
import { AggregateService } from '../analytics/aggregate.service.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/current-user.decorator.js';
import { dataAsOf, exportTitle, type ExportManifest } from './export-manifest.js';
import type { ExportFormat, ExportRequest } from './export-query.js';
import type { ColumnBatch } from './export-columns.js';
import { ExportRowsRepository, type RowStream } from './export-rows.repository.js';
import { csvStreamFits, type StreamCompare } from './export-stream-sql.js';
import type { ExportSink } from './export-sink.js';
import { suppressAnswer, suppressionNotNeeded, type SuppressionReport } from './export-suppression.js';
import { buildExportTable, exportColumns, totalsRow, type ExportTable } from './export-table.js';
import { arrowFile, writeArrow } from './writers/arrow-writer.js';
import { csvStream, writeCsv, writeCsvLines } from './writers/csv-writer.js';
import { pdfStream } from './writers/pdf-writer.js';
import { writeXlsx, xlsxStream } from './writers/xlsx-writer.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  arrow: 'application/vnd.apache.arrow.file',
  pdf: 'application/pdf',
};

/**
 * Answers that provably have at most this many rows are built in memory, through the aggregate
 * engine (its cache, rollups and in-memory index answer them fastest, and the file's header can
 * count the rows); larger ones stream. The bound is an upper bound from the group-bys (see
 * ExportRowsRepository.rowBound), never a guess that a large answer could slip under: a cost
 * estimate of a GROUP BY's groups can be wrong by orders of magnitude.
 */
export const STREAM_ABOVE_ROWS = 50_000;

/** A PDF is a report to read: it holds the first rows, and says how many it left out. */
export const PDF_MAX_ROWS = 2_000;

/** A file whose bytes are ready to send (built in memory, or bounded as a PDF is). */
export interface ExportFile {
  kind: 'file';
  fileName: string;
  contentType: string;
  manifest: ExportManifest;
  body: Readable | Uint8Array;
}

/** A file written as its rows come from the database; the query has answered its first rows. */
export interface StreamedExport {
  kind: 'stream';
  fileName: string;
  contentType: string;
  /** What is known before the rows: `rowCount` is null. */
  manifest: ExportManifest;
  /** Writes the file to the sink, then the audit entry with the rows written; answers them. */
  write(sink: ExportSink): Promise<number>;
}

export type ExportResult = ExportFile | StreamedExport;

/** A streamed answer's rows: CSV lines PostgreSQL wrote, or columns for a writer. */
type OpenRows = { lines: RowStream<string[]> } | { columns: RowStream<ColumnBatch> };

function rowStreamOf(opened: OpenRows): RowStream<unknown> {
  return 'lines' in opened ? opened.lines : opened.columns;
}

/**
 * An aggregate answer as a file. The rows come from the aggregate engine under the user's
 * department scope; small counts of people are blanked unless an admin or analyst said not to;
 * every export is written to the audit log.
 *
 * Suppression needs the whole table (and takes at most two group-bys): those exports are built in
 * memory. The others stream when they can be large: COPY sends the rows (a comparison joined
 * beside them), each writer writes them to the response chunk by chunk as they come (a CSV
 * PostgreSQL can write comes as its lines, anything else is read from COPY's bytes into
 * column batches), and the response's backpressure paces the database through the socket, so memory
 * stays flat whatever the row count.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('Export');
  /** See STREAM_ABOVE_ROWS; a test lowers it to send a small answer down the streamed path. */
  streamAboveRows = STREAM_ABOVE_ROWS;
  /** See PDF_MAX_ROWS; a test lowers it to check what a report says about the rows it left out. */
  pdfMaxRows = PDF_MAX_ROWS;
  /** Whether PostgreSQL writes the CSV lines it can; a test turns it off to compare with the writer's file. */
  csvFromDatabase = true;

  constructor(
    private readonly aggregates: AggregateService,
    private readonly dataVersion: DataVersionService,
    private readonly audit: AuditService,
    private readonly rows: ExportRowsRepository,
  ) {}

  async export(request: ExportRequest, user: AuthUser, address: string | null): Promise<ExportResult> {
    const { query } = request;
    // The version is read first: the answer is at least this recent.
    const version = await this.dataVersion.current();
    const untouched = suppressionNotNeeded(query.measures, request.suppress);
    if (untouched !== null && query.groupBy.length > 0) {
      const spec = this.aggregates.sliceSpec(query, user.departments);
      if ((await this.rows.rowBound(query, spec)) > this.streamAboveRows) return this.streamed(request, user, address, version, spec, untouched);
    }
    return this.inMemory(request, user, address, version);
  }

  private async inMemory(request: ExportRequest, user: AuthUser, address: string | null, version: string): Promise<ExportFile> {
    const { query, format } = request;
    const original = await this.aggregates.aggregate(query, user.departments);
    const { answer, report } = suppressAnswer(original, query.groupBy, query.measures, { requested: request.suppress, compare: query.compare !== null });
    const table = buildExportTable(query, answer, original);
    const manifest = this.manifest(query, format, version, user, report, answer.rows.length);
    if (format === 'pdf' && table.rows.length > this.pdfMaxRows) {
      manifest.rowsLeftOut = table.rows.length - this.pdfMaxRows;
      table.rows = table.rows.slice(0, this.pdfMaxRows);
      table.blanked = table.blanked.slice(0, this.pdfMaxRows);
    }
    await this.record(manifest, user, address, { rows: manifest.rowCount });
    return { kind: 'file', fileName: fileName(manifest, format), contentType: CONTENT_TYPES[format], manifest, body: render(format, request, table, manifest) };
  }

  private async streamed(request: ExportRequest, user: AuthUser, address: string | null, version: string, spec: SliceSpec, report: SuppressionReport): Promise<ExportResult> {
    const { query, format } = request;
    const columns = exportColumns(query);
    // The totals cover every row the filters match, whatever the limit cuts (DESIGN §6): the
    // aggregate engine's own totals, distinct counts exact, and cached like any answer.
    const totalsOf = () => this.aggregates.aggregate({ ...query, groupBy: [], orderBy: null, limit: null }, user.departments);
    const manifest = this.manifest(query, format, version, user, report, null);

    if (format === 'pdf') {
      const totals = totalsRow(columns, (await totalsOf()).totals);
      const { rows, total } = await this.rows.firstRows(query, spec, this.pdfMaxRows, this.streamCompare(query, spec));
      manifest.rowCount = total;
      manifest.rowsLeftOut = total - rows.length;
      const table: ExportTable = { columns, rows, blanked: rows.map((row) => row.map(() => false)), totals, totalsBlanked: totals.map(() => false) };
      await this.record(manifest, user, address, { rows: total });
      return { kind: 'file', fileName: fileName(manifest, format), contentType: CONTENT_TYPES[format], manifest, body: pdfStream(table, manifest) };
    }

    // The totals are worked out while the database groups the rows, not before.
    const [whole, stream] = await Promise.allSettled([totalsOf(), this.openRows(request, spec)]);
    if (whole.status === 'rejected' || stream.status === 'rejected') {
      if (stream.status === 'fulfilled') await rowStreamOf(stream.value).close();
      throw whole.status === 'rejected' ? whole.reason : (stream as PromiseRejectedResult).reason;
    }
    const totals = totalsRow(columns, whole.value.totals);
    return {
      kind: 'stream',
      fileName: fileName(manifest, format),
      contentType: CONTENT_TYPES[format],
      manifest,
      write: (sink) => this.writeStreamed(request, manifest, columns, totals, stream.value, sink, user, address),
    };
  }

  /** A CSV that PostgreSQL can write comes as its lines; anything else as column batches. */
  private async openRows(request: ExportRequest, spec: SliceSpec): Promise<OpenRows> {
    const { query } = request;
    if (request.format === 'csv' && this.csvFromDatabase && csvStreamFits(query, spec)) return { lines: await this.rows.openCsv(query, spec) };
    return { columns: await this.rows.openColumns(query, spec, this.streamCompare(query, spec)) };
  }

  /** The query's comparison as the streamed rows join it: its slice, and each period's earlier start. */
  private streamCompare(query: AggregateQuery, spec: SliceSpec): StreamCompare | undefined {
    const comparison = this.aggregates.comparison(query, spec);
    if (comparison === null) return undefined;
    const options = { fiscalYearStartMonth: spec.fiscalYearStartMonth };
    return {
      spec: comparison.spec,
      earlierStart: (label) => {
        const earlier = comparison.earlierPeriod(label);
        return earlier === null ? null : (parsePeriodLabel(earlier, spec.grain, options)?.start ?? null);
      },
    };
  }

  private async writeStreamed(
    request: ExportRequest,
    manifest: ExportManifest,
    columns: ReturnType<typeof exportColumns>,
    totals: ReturnType<typeof totalsRow>,
    opened: OpenRows,
    sink: ExportSink,
    user: AuthUser,
    address: string | null,
  ): Promise<number> {
    const stream = rowStreamOf(opened);
    let rows: number;
    try {
      if ('lines' in opened) rows = await writeCsvLines(columns, opened.lines.batches(), totals, request.bom, sink);
      else if (request.format === 'csv') rows = await writeCsv(columns, opened.columns.batches(), totals, request.bom, sink);
      else if (request.format === 'xlsx') rows = await writeXlsx(columns, opened.columns.batches(), totals, (count) => ({ ...manifest, rowCount: count }), sink);
      else rows = await writeArrow(columns, opened.columns.batches(), totals, manifest, sink);
    } catch (error) {
      await stream.close();
      // An export that was cut off is audited too, with the rows it had sent.
      await this.record({ ...manifest, rowCount: stream.rows }, user, address, { rows: stream.rows, completed: false }).catch((failure: unknown) =>
        this.logger.error(`the audit entry of an abandoned export could not be written: ${String(failure)}`),
      );
      throw error;
    }
    // The audit entry is written before the response ends: a file the client received whole is in the log.
    await this.record({ ...manifest, rowCount: rows }, user, address, { rows, completed: true, bytes: sink.bytes });
    return rows;
  }

  private manifest(query: AggregateQuery, format: ExportFormat, version: string, user: AuthUser, report: SuppressionReport, rowCount: number | null): ExportManifest {
    return {
      title: exportTitle(query),
      format,
      measures: [...query.measures],
      groupBy: [...query.groupBy],
      grain: query.grain,
      from: query.from,
      to: query.to,
      filters: Object.fromEntries(Object.entries(query.filters).filter((entry): entry is [string, string[]] => entry[1] !== undefined)),
      orderBy: query.orderBy === null ? null : `${query.orderBy.descending ? '-' : ''}${query.orderBy.key}`,
      limit: query.limit,
      compare: query.compare,
      dataAsOf: dataAsOf(version),
      dataVersion: version,
      generatedAt: new Date().toISOString(),
      generatedBy: user.email,
      rowCount,
      rowsLeftOut: 0,
      suppression: report,
    };
  }

  private async record(manifest: ExportManifest, user: AuthUser, address: string | null, outcome: { rows: number | null; completed?: boolean; bytes?: number }): Promise<void> {
    const report = manifest.suppression;
    await this.audit.record({
      action: 'export',
      actor: user.email,
      address,
      details: {
        format: manifest.format,
        query: { ...manifest, suppression: undefined, generatedAt: undefined, generatedBy: undefined, title: undefined, format: undefined },
        departmentScope: user.departments,
        ...outcome,
        suppression: { requested: report.requested, applied: report.applied, blankedCells: report.blankedCells, blankedTotals: report.blankedTotals },
      },
    });
    const state = outcome.completed === false ? ' (cut off)' : '';
    this.logger.log(`export ${manifest.format} by ${user.email}: ${outcome.rows ?? '?'} rows${state}, ${report.blankedCells + report.blankedTotals} values suppressed`);
  }
}

function render(format: ExportFormat, request: ExportRequest, table: ExportTable, manifest: ExportManifest): Readable | Uint8Array {
  switch (format) {
    case 'csv':
      return csvStream(table, request.bom);
    case 'xlsx':
      return xlsxStream(table, manifest);
    case 'arrow':
      return arrowFile(table, manifest);
    case 'pdf':
      return pdfStream(table, manifest);
  }
}

/** `caseload-<measures>-<from>-<to>.<ext>`: measure ids and dates only, safe in a header. */
export function fileName(manifest: Pick<ExportManifest, 'measures' | 'from' | 'to'>, format: ExportFormat): string {
  return `caseload-${manifest.measures.join('_')}-${manifest.from}-${manifest.to}.${format}`;
}
