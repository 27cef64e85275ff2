import { aggregateUrl } from '../api/aggregate';
import type { AggregateQuery } from '../api/aggregate';
import { ApiError, messageFromErrorBody } from '../api/api-error';
import { clearToken, getToken } from '../features/auth/utils/token-store';

/** The files /api/v1/export writes that a person opens (Arrow is for programs). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** What the menu calls each format, and what the progress and error messages say. */
export const EXPORT_FORMAT_NAMES: Record<ExportFormat | 'png', string> = {
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  pdf: 'PDF',
  png: 'PNG image',
};

export interface ExportOptions {
  /** CSV only: lead with a byte-order mark, for spreadsheets that guess the encoding. */
  bom?: boolean;
  /** `false` turns small-cell suppression off; the server refuses it to viewers (DESIGN §7). */
  suppress?: boolean;
}

/**
 * The export URL of an aggregate query: the very parameters the card's chart asked
 * /api/v1/aggregate for, so the file holds the same numbers, plus the format.
 */
export function exportUrl(query: AggregateQuery, format: ExportFormat, options: ExportOptions = {}): string {
  const aggregate = aggregateUrl(query);
  const parameters = aggregate.slice(aggregate.indexOf('?') + 1);
  const parts = [parameters, `format=${format}`];
  if (options.bom && format === 'csv') parts.push('bom=true');
  if (options.suppress === false) parts.push('suppress=false');
  return `/api/v1/export?${parts.join('&')}`;
}

/**
 * `Procedure lines by month` → `procedure-lines-by-month`: lower case, letters and digits
 * joined by single hyphens, safe in every file system.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'export' : slug.slice(0, 80).replace(/-+$/, '');
}

/**
 * The name a card's file is saved under: `caseload-<card>-<from>-<to>.<extension>`. The card
 * names the file (several cards export the same measures, which the server's name is built
 * from); the dates say which range it holds.
 */
export function exportFileName(baseName: string, query: Pick<AggregateQuery, 'from' | 'to'>, extension: ExportFormat | 'png'): string {
  const dates = query.from && query.to ? `-${query.from}-${query.to}` : '';
  return `caseload-${slugify(baseName)}${dates}.${extension}`;
}

export interface ExportedFile {
  blob: Blob;
  /** What the server calls the file (Content-Disposition), if it said. */
  serverFileName: string | null;
}

const NETWORK_ERROR_MESSAGE = 'Cannot reach the Caseload server. Check your connection and try again.';

/**
 * Asks the server for the query's file with the session's bearer token (a plain link could
 * not send it) and reads it whole. A refusal becomes an ApiError with the server's message;
 * a 401 ends the session as every other request does.
 */
export async function fetchExport(query: AggregateQuery, format: ExportFormat, options: ExportOptions = {}, signal?: AbortSignal): Promise<ExportedFile> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: `${CONTENT_TYPES[format]}, application/json` };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(exportUrl(query, format, options), { method: 'GET', headers, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) {
    if (response.status === 401 && token) clearToken('expired');
    throw new ApiError(response.status, messageFromErrorBody(parseJson(await response.text()), response.status));
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    // The server aborts the connection when a file fails after its first byte (DESIGN §6).
    throw new ApiError(0, 'The file was cut off before it was complete. Try again.');
  }
  return { blob, serverFileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** The `filename` of a Content-Disposition header, or null. */
export function fileNameOf(disposition: string | null): string | null {
  const name = disposition?.match(/filename="?([^";]+)"?/i)?.[1]?.trim();
  return name ? name : null;
}

/**
 * Hands a blob to the browser as a download named `fileName`. The object URL is released
 * once the browser has surely read it (some read it after the click returns).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
