import type { ReportRange } from '@caseload/contracts';
import { useQuery } from '@tanstack/react-query';
import { parseAggregateResponse } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import { aggregateUrlOf, PREVIEW_LIMIT } from '../utils/report-query';

/** Rows the count asks for at most: beyond it the preview says "more than 10,000". */
export const COUNT_CAP = 10_001;

export interface PreviewRequest {
  query: Record<string, string>;
  range: ReportRange;
  today: string;
}

/**
 * The first rows of the report's answer, and how many rows the whole answer has. The
 * answer's `rowCount` counts only the rows sent, so when the preview is full a second, light
 * question (procedure lines only, up to COUNT_CAP rows) counts them.
 */
export function useReportPreview(request: PreviewRequest | null) {
  const preview = useQuery({
    queryKey: ['reports', 'preview', request],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrlOf(request!.query, request!.range, request!.today, PREVIEW_LIMIT), { signal })),
    enabled: request !== null,
  });
  const full = preview.data !== undefined && preview.data.rows.length >= PREVIEW_LIMIT;
  const countQuery: Record<string, string> | null = request === null ? null : { ...request.query, measures: 'lines' };
  if (countQuery !== null) {
    delete countQuery['orderBy'];
    delete countQuery['limit'];
  }
  const count = useQuery({
    queryKey: ['reports', 'preview-count', request],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrlOf(countQuery!, request!.range, request!.today, COUNT_CAP), { signal })).rows.length,
    enabled: request !== null && full,
  });
  const total = preview.data === undefined ? null : full ? (count.data ?? null) : preview.data.rows.length;
  return { preview, count, total };
}
