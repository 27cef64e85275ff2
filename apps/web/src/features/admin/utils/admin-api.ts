import type {
  AuditResponse,
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserSummary,
  UsersResponse,
} from '@caseload/contracts';
import { ApiError } from '../../../api/api-error';
import { apiFetch } from '../../../api/api-fetch';
import { auditRequestUrl, type AuditFilters } from './audit-filters';

// Requests of the admin API (admins only). The answers' outlines are checked here so a
// wrong shape fails with a readable message instead of deep inside a table.

export async function fetchUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  const body = await apiFetch<unknown>('/api/v1/users', { signal });
  if (!isObject(body) || !Array.isArray(body['users']) || !body['users'].every(isUserSummary)) throw unexpectedShape();
  return (body as unknown as UsersResponse).users;
}

export async function createUser(request: CreateUserRequest): Promise<UserSummary> {
  return apiFetch<UserSummary>('/api/v1/users', { method: 'POST', json: request });
}

export async function updateUser(id: number, request: UpdateUserRequest): Promise<UserSummary> {
  return apiFetch<UserSummary>(`/api/v1/users/${id}`, { method: 'PATCH', json: request });
}

export async function resetPassword(id: number, password: string): Promise<void> {
  const request: ResetPasswordRequest = { password };
  await apiFetch<null>(`/api/v1/users/${id}/password`, { method: 'POST', json: request });
}

export async function fetchAuditPage(filters: AuditFilters, before: number | null, signal?: AbortSignal): Promise<AuditResponse> {
  const body = await apiFetch<unknown>(auditRequestUrl(filters, before), { signal });
  if (!isObject(body) || !Array.isArray(body['entries'])) throw unexpectedShape();
  const nextBefore = body['nextBefore'];
  if (nextBefore !== null && typeof nextBefore !== 'number') throw unexpectedShape();
  return body as unknown as AuditResponse;
}

function isUserSummary(value: unknown): value is UserSummary {
  return (
    isObject(value) &&
    typeof value['id'] === 'number' &&
    typeof value['email'] === 'string' &&
    typeof value['role'] === 'string' &&
    Array.isArray(value['departments']) &&
    typeof value['disabled'] === 'boolean'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpectedShape(): ApiError {
  return new ApiError(502, 'The server sent an answer this version of Caseload cannot read. Reload the page.');
}
