import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AggregateService } from '../analytics/aggregate.service.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/current-user.decorator.js';
import { dataAsOf, exportTitle, type ExportManifest } from './export-manifest.js';
import type { ExportFormat, ExportRequest } from './export-query.js';
import { suppressAnswer } from './export-suppression.js';
import { buildExportTable } from './export-table.js';
import { arrowFile } from './writers/arrow-writer.js';
import { csvStream } from './writers/csv-writer.js';
import { pdfStream } from './writers/pdf-writer.js';
import { xlsxStream } from './writers/xlsx-writer.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  arrow: 'application/vnd.apache.arrow.file',
  pdf: 'application/pdf',
};

export interface ExportFile {
  fileName: string;
  contentType: string;
  manifest: ExportManifest;
  body: Readable | Uint8Array;
}

/**
 * An aggregate answer as a file. The rows come from the aggregate service under the user's
 * department scope; small counts of people are blanked unless an admin or analyst said not to;
 * every export is written to the audit log.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly aggregates: AggregateService,
    private readonly dataVersion: DataVersionService,
    private readonly audit: AuditService,
  ) {}

  async export(request: ExportRequest, user: AuthUser, address: string | null): Promise<ExportFile> {
    const { query, format } = request;
    // The version is read first: the answer is at least this recent.
    const version = await this.dataVersion.current();
    const original = await this.aggregates.aggregate(query, user.departments);
    const { answer, report } = suppressAnswer(original, query.groupBy, query.measures, { requested: request.suppress, compare: query.compare !== null });
    const table = buildExportTable(query, answer, original);
    const manifest: ExportManifest = {
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
      rowCount: answer.rows.length,
      suppression: report,
    };

    await this.audit.record({
      action: 'export',
      actor: user.email,
      address,
      details: {
        format,
        query: { ...manifest, suppression: undefined, generatedAt: undefined, generatedBy: undefined, title: undefined, format: undefined },
        departmentScope: user.departments,
        rows: manifest.rowCount,
        suppression: { requested: report.requested, applied: report.applied, blankedCells: report.blankedCells, blankedTotals: report.blankedTotals },
      },
    });
    this.logger.log(`export ${format} by ${user.email}: ${manifest.rowCount} rows, ${report.blankedCells + report.blankedTotals} values suppressed`);

    return { fileName: fileName(manifest, format), contentType: CONTENT_TYPES[format], manifest, body: render(format, request, table, manifest) };
  }
}

function render(format: ExportFormat, request: ExportRequest, table: ReturnType<typeof buildExportTable>, manifest: ExportManifest): Readable | Uint8Array {
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
