import type { ImportStatusResponse, RejectionRow } from '@caseload/contracts';
import { ApiError, messageFromErrorBody } from '../../../api/api-error';
import { apiFetch } from '../../../api/api-fetch';
import { clearToken, getToken } from '../../auth/utils/token-store';

// Requests of the imports API. The answers' outlines are checked here so a wrong shape
// fails with a readable message instead of deep inside a table.

export const IMPORTS_PATH = '/api/v1/imports';

export async function fetchImports(signal?: AbortSignal): Promise<ImportStatusResponse[]> {
  const body = await apiFetch<unknown>(IMPORTS_PATH, { signal });
  if (!isObject(body) || !Array.isArray(body['rows']) || !body['rows'].every(isImportStatus)) throw unexpectedShape();
  return body['rows'];
}

export async function fetchImport(id: number, signal?: AbortSignal): Promise<ImportStatusResponse> {
  const body = await apiFetch<unknown>(`${IMPORTS_PATH}/${id}`, { signal });
  if (!isImportStatus(body)) throw unexpectedShape();
  return body;
}

export async function fetchRejections(id: number, slice: { offset: number; limit: number }, signal?: AbortSignal): Promise<RejectionRow[]> {
  const body = await apiFetch<unknown>(`${IMPORTS_PATH}/${id}/rejections?limit=${slice.limit}&offset=${slice.offset}`, { signal });
  if (!isObject(body) || !Array.isArray(body['rows']) || !body['rows'].every(isRejection)) throw unexpectedShape();
  return body['rows'];
}

/**
 * The rejections as the API's CSV file. A link cannot carry the bearer token, so the file
 * is fetched with it and handed to the browser as a blob.
 */
export async function fetchRejectionsCsv(id: number): Promise<{ blob: Blob; fileName: string }> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: 'text/csv' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${IMPORTS_PATH}/${id}/rejections?format=csv`, { headers });
  } catch {
    throw new ApiError(0, 'Cannot reach the Caseload server. Check your connection and try again.');
  }
  if (!response.ok) {
    if (response.status === 401 && token) clearToken('expired');
    throw new ApiError(response.status, messageFromErrorBody(parseJson(await response.text()), response.status));
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition'), `import-${id}-rejections.csv`) };
}

/** The `filename` of a Content-Disposition header, else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  const name = match?.[1]?.trim();
  return name ? name : fallback;
}

export function isImportStatus(value: unknown): value is ImportStatusResponse {
  return (
    isObject(value) &&
    typeof value['id'] === 'number' &&
    typeof value['status'] === 'string' &&
    typeof value['progress'] === 'number' &&
    typeof value['rowsTotal'] === 'number' &&
    typeof value['rowsLoaded'] === 'number' &&
    typeof value['rowsRejected'] === 'number' &&
    Array.isArray(value['departmentsCreated']) &&
    Array.isArray(value['unknownColumns']) &&
    typeof value['createdAt'] === 'string'
  );
}

function isRejection(value: unknown): value is RejectionRow {
  return isObject(value) && typeof value['rowNumber'] === 'number' && typeof value['reason'] === 'string' && typeof value['raw'] === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function unexpectedShape(): ApiError {
  return new ApiError(502, 'The server sent an answer this version of Caseload cannot read. Reload the page.');
}
