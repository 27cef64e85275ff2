import type { ImportState, ImportStatusResponse } from '@caseload/contracts';
import { formatCount, formatDateTime, type FormatOptions } from './format';
import { importStatusLabel, isUnderWay, type StatusTone } from './import-status';

/** One line of the imports table, ready to print. */
export interface ImportRow {
  id: number;
  fileName: string;
  status: ImportState;
  statusLabel: string;
  tone: StatusTone;
  /** The reason a failed import gives, shown under its status. */
  error: string | null;
  /** ISO timestamps for `<time dateTime>`, and their printed forms. */
  startedAt: string;
  started: string;
  finishedAt: string | null;
  finished: string;
  rowsTotal: string;
  rowsLoaded: string;
  rowsRejected: string;
  rejectedCount: number;
  departmentsCreated: string;
}

const DEPARTMENTS_SHOWN = 6;

/** Newest first (by start, then by id), whatever order the answer came in. */
export function toImportRows(imports: readonly ImportStatusResponse[], options: FormatOptions = {}): ImportRow[] {
  return [...imports]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id)
    .map((item) => {
      const { label, tone } = importStatusLabel(item.status);
      // A refused file never had its rows counted: dashes, not zeros that look like a result.
      const counted = item.status !== 'failed' || item.rowsTotal > 0;
      const count = (value: number) => (counted ? formatCount(value, options) : '—');
      return {
        id: item.id,
        fileName: item.fileName?.trim() || `Import ${item.id}`,
        status: item.status,
        statusLabel: label,
        tone,
        error: item.status === 'failed' ? item.error?.trim() || 'The import failed; the server gave no reason.' : null,
        startedAt: item.createdAt,
        started: formatDateTime(item.createdAt, options),
        finishedAt: item.finishedAt,
        finished: formatDateTime(item.finishedAt, options),
        rowsTotal: count(item.rowsTotal),
        rowsLoaded: count(item.rowsLoaded),
        rowsRejected: count(item.rowsRejected),
        rejectedCount: item.rowsRejected,
        departmentsCreated: formatDepartments(item.departmentsCreated),
      };
    });
}

/** "CARD, RAD"; past a few, "A, B, C, D, E, F and 3 more"; none: "—". */
export function formatDepartments(codes: readonly string[]): string {
  if (codes.length === 0) return '—';
  if (codes.length <= DEPARTMENTS_SHOWN) return codes.join(', ');
  return `${codes.slice(0, DEPARTMENTS_SHOWN).join(', ')} and ${codes.length - DEPARTMENTS_SHOWN} more`;
}

/** The list is asked for again while any import has not reached its end. */
export function anyUnderWay(imports: readonly ImportStatusResponse[] | undefined): boolean {
  return imports?.some((item) => isUnderWay(item.status)) ?? false;
}
