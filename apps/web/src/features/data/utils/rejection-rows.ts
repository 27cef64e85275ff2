import type { RejectionRow } from '@caseload/contracts';
import { formatCount, type FormatOptions } from './format';

export const REJECTIONS_PAGE_SIZE = 50;

/** One line of the rejections table, ready to print. */
export interface RejectionTableRow {
  key: string;
  rowNumber: string;
  column: string;
  reason: string;
  /** The line as sent, patient identifier already masked by the server; "(empty line)" when blank. */
  raw: string;
}

export function toRejectionRows(rows: readonly RejectionRow[], options: FormatOptions = {}): RejectionTableRow[] {
  return rows.map((row, index) => ({
    // Row numbers are unique within an import; the index guards against a repeated one.
    key: `${row.rowNumber}-${index}`,
    rowNumber: formatCount(row.rowNumber, options),
    // A rejection of the line as a whole (wrong field count, duplicate key) names no column.
    column: row.column?.trim() || 'Whole row',
    reason: row.reason,
    raw: row.raw === '' ? '(empty line)' : row.raw,
  }));
}

export interface RejectionPage {
  /** 1-based, within 1..pageCount. */
  page: number;
  pageCount: number;
  offset: number;
  limit: number;
  /** "Rows 51–100 of 137 rejected", or "3 rejected rows" on a single page. */
  caption: string;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** The slice of an import's rejections that `page` shows; a page past the end shows the last one. */
export function rejectionPage(total: number, requestedPage: number, pageSize = REJECTIONS_PAGE_SIZE, options: FormatOptions = {}): RejectionPage {
  const safeTotal = Math.max(0, Math.floor(total));
  const pageCount = Math.max(1, Math.ceil(safeTotal / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const offset = (page - 1) * pageSize;
  const last = Math.min(offset + pageSize, safeTotal);
  const caption =
    pageCount === 1
      ? `${formatCount(safeTotal, options)} rejected ${safeTotal === 1 ? 'row' : 'rows'}`
      : `Rejected rows ${formatCount(offset + 1, options)}–${formatCount(last, options)} of ${formatCount(safeTotal, options)}`;
  return { page, pageCount, offset, limit: pageSize, caption, hasPrevious: page > 1, hasNext: page < pageCount };
}
