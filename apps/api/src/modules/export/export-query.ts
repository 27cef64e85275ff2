import type { Role } from '@caseload/contracts';
import type { IsoDate } from '@caseload/domain';
import { InvalidParameterException } from '../../common/app.exception.js';
import { parseAggregateQuery, type AggregateQuery } from '../analytics/aggregate-query.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'arrow', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The parameters /export reads on top of the aggregate query's own. */
const EXPORT_PARAMETERS = ['format', 'suppress', 'bom'] as const;

export interface ExportRequest {
  query: AggregateQuery;
  format: ExportFormat;
  /** Small-cell suppression asked for (always true for viewers). */
  suppress: boolean;
  /** CSV only: lead with a UTF-8 byte-order mark, for spreadsheets that guess the encoding. */
  bom: boolean;
}

function flag(params: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const raw = params[name];
  if (raw === undefined) return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new InvalidParameterException(name, 'must be true or false, given once');
}

/**
 * Splits the query string into the aggregate query (checked by the aggregate parser, so the
 * same 400s) and the export's own parameters. Viewers cannot turn suppression off (DESIGN §7).
 */
export function parseExportRequest(params: Record<string, unknown>, today: IsoDate, role: Role): ExportRequest {
  const aggregateParams: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(name)) aggregateParams[name] = value;
  }
  const format = params['format'];
  if (format === undefined) throw new InvalidParameterException('format', `is required: one of ${EXPORT_FORMATS.join(', ')}`);
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidParameterException('format', `must be one of ${EXPORT_FORMATS.join(', ')}, given once`);
  }
  const suppress = flag(params, 'suppress', true);
  if (!suppress && role === 'viewer') {
    throw new InvalidParameterException('suppress', 'small-cell suppression is always applied for viewers; leave suppress out or set it to true');
  }
  const bom = flag(params, 'bom', false);
  if (bom && format !== 'csv') throw new InvalidParameterException('bom', 'applies to csv only');
  const query = withExportParameters(() => parseAggregateQuery(aggregateParams, today));
  return { query, format: format as ExportFormat, suppress, bom };
}

/** The aggregate parser lists its own parameters when it refuses an unknown one; add the export's. */
function withExportParameters(parse: () => AggregateQuery): AggregateQuery {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidParameterException && error.message.includes('is not a parameter of this query')) {
      throw new InvalidParameterException(error.parameter, `${error.message.slice(error.parameter.length + 2)}, ${EXPORT_PARAMETERS.join(', ')}`);
    }
    throw error;
  }
}
