import type { CapacityRejectedResponse, CapacityReplaceResponse } from '@caseload/contracts';
import { ApiError, messageFromErrorBody } from '../../../api/api-error';
import { clearToken, getToken } from '../../auth/utils/token-store';

/** The lists of the resource model, in the order an administrator loads them. */
export const MODEL_LISTS = [
  { list: 'resource-types', name: 'Resource types', holds: 'Scanners, rooms and staff roles' },
  { list: 'inventories', name: 'Inventories', holds: 'What each department has, with its opening hours or FTEs' },
  { list: 'holidays', name: 'Holidays', holds: 'Days on which nothing is open' },
  { list: 'profiles', name: 'Profiles', holds: 'Minutes of each resource that one unit of a code takes' },
] as const;

export type ModelList = (typeof MODEL_LISTS)[number]['list'];

const NETWORK_ERROR_MESSAGE = 'Cannot reach the Caseload server. Check your connection and try again.';

/** A refused import: the server's message and each row problem it found. */
export class ModelRejectedError extends ApiError {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(400, message);
  }
}

/** `Row 3, minutes: must be above 0`; a problem of the whole file has no row. */
export function describeRowError(error: CapacityRejectedResponse['errors'][number]): string {
  const where = [error.row === null ? null : `Row ${error.row}`, error.column].filter((part) => part !== null).join(', ');
  return where === '' ? error.reason : `${where}: ${error.reason}`;
}

/** Sends the request with the session's token (a plain link could not), turning failures into ApiErrors. */
async function send(url: string, init: { method: 'GET' | 'POST'; accept: string; body?: Blob; contentType?: string }): Promise<Response> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: init.accept };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { method: init.method, headers, body: init.body });
  } catch {
    throw new ApiError(0, NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) {
    if (response.status === 401 && token) clearToken('expired');
    const body = parseJson(await response.text());
    const rejected = body as Partial<CapacityRejectedResponse> | null;
    if (response.status === 400 && rejected?.code === 'CAPACITY_REJECTED' && Array.isArray(rejected.errors)) {
      throw new ModelRejectedError(messageFromErrorBody(body, 400), rejected.errors.map(describeRowError));
    }
    throw new ApiError(response.status, messageFromErrorBody(body, response.status));
  }
  return response;
}

/** The list as a CSV file in the import's format. */
export async function downloadModelCsv(list: ModelList): Promise<Blob> {
  const response = await send(`/api/v1/capacity/${list}?format=csv`, { method: 'GET', accept: 'text/csv, application/json' });
  return response.blob();
}

/** Replaces the whole list from a CSV file; nothing changes when a row is wrong. */
export async function importModelCsv(list: ModelList, file: Blob): Promise<CapacityReplaceResponse> {
  const response = await send(`/api/v1/capacity/${list}/import`, { method: 'POST', accept: 'application/json', body: file, contentType: 'text/csv' });
  return (await response.json()) as CapacityReplaceResponse;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
