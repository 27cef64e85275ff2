import type { ReportInput, ReportRun, ReportRunsResponse, ReportsResponse, SavedReport } from '@caseload/contracts';
import { ApiError, messageFromErrorBody } from '../../../api/api-error';
import { apiFetch } from '../../../api/api-fetch';
import { fileNameOf } from '../../../ui/export-download';
import { clearToken, getToken } from '../../auth/utils/token-store';

const BASE = '/api/v1/reports';

export async function fetchReports(signal?: AbortSignal): Promise<SavedReport[]> {
  return (await apiFetch<ReportsResponse>(BASE, { signal })).reports;
}

export async function fetchRuns(id: number, signal?: AbortSignal): Promise<ReportRun[]> {
  return (await apiFetch<ReportRunsResponse>(`${BASE}/${id}/runs`, { signal })).runs;
}

export function createReport(input: ReportInput): Promise<SavedReport> {
  return apiFetch<SavedReport>(BASE, { method: 'POST', json: input });
}

export function updateReport(id: number, input: ReportInput): Promise<SavedReport> {
  return apiFetch<SavedReport>(`${BASE}/${id}`, { method: 'PATCH', json: input });
}

export function deleteReport(id: number): Promise<void> {
  return apiFetch<void>(`${BASE}/${id}`, { method: 'DELETE' });
}

export function runReport(id: number): Promise<ReportRun> {
  return apiFetch<ReportRun>(`${BASE}/${id}/run`, { method: 'POST' });
}

export function runFileUrl(reportId: number, runId: number): string {
  return `${BASE}/${reportId}/runs/${runId}/file`;
}

export interface DownloadedFile {
  blob: Blob;
  /** The name the server gave the file (Content-Disposition), if any. */
  fileName: string | null;
}

/**
 * Fetches a file with the session's bearer token (a plain link could not send it). A refusal
 * becomes an ApiError with the server's message; a 401 ends the session as apiFetch does.
 */
export async function downloadFile(url: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: '*/*' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Cannot reach the Caseload server. Check your connection and try again.');
  }
  if (!response.ok) {
    if (response.status === 401 && token) clearToken('expired');
    throw new ApiError(response.status, messageFromErrorBody(parseJson(await response.text()), response.status));
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition'));
  try {
    return { blob: await response.blob(), fileName };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The file was cut off before it was complete. Try again.');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
