import type { CreateUserRequest, ResetPasswordRequest, Role, UpdateUserRequest } from '@caseload/contracts';
import { InvalidParameterException } from '../../common/app.exception.js';

export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 1024;
const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];
const DEPARTMENTS_MAX = 200;
/** As long as the department table's code column. */
const DEPARTMENT_CODE_MAX = 32;

/** The JSON body as an object whose every property is one we know; 400 names the first stranger. */
function fields(body: unknown, known: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidParameterException('body', `must be a JSON object with ${known.join(', ')}`);
  }
  for (const name of Object.keys(body)) {
    if (!known.includes(name)) throw new InvalidParameterException(name, `is not a field here; use ${known.join(', ')}`);
  }
  return body as Record<string, unknown>;
}

function email(value: unknown): string {
  if (typeof value !== 'string' || value.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(value.trim())) {
    throw new InvalidParameterException('email', 'must be an email address (at most 254 characters)');
  }
  return value.trim().toLowerCase();
}

export function password(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidParameterException('password', `is required: at least ${PASSWORD_MIN_LENGTH} characters`);
  if (value.length < PASSWORD_MIN_LENGTH) throw new InvalidParameterException('password', `must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (value.length > PASSWORD_MAX_LENGTH) throw new InvalidParameterException('password', `must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  return value;
}

function role(value: unknown): Role {
  if (typeof value !== 'string' || !ROLES.includes(value as Role)) throw new InvalidParameterException('role', `must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

/**
 * Department codes, trimmed, deduplicated and sorted. Codes not (yet) in the catalogue are
 * accepted: departments appear with the imports that name them.
 */
function departments(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > DEPARTMENTS_MAX) {
    throw new InvalidParameterException('departments', `must be a list of at most ${DEPARTMENTS_MAX} department codes ([] for every department)`);
  }
  const codes = value.map((code) => {
    if (typeof code !== 'string' || code.trim() === '' || code.trim().length > DEPARTMENT_CODE_MAX || /\p{Cc}/u.test(code)) {
      throw new InvalidParameterException('departments', `each department code must be text of 1 to ${DEPARTMENT_CODE_MAX} characters`);
    }
    return code.trim();
  });
  return [...new Set(codes)].sort();
}

export function parseCreateUser(body: unknown): Required<CreateUserRequest> {
  const input = fields(body, ['email', 'password', 'role', 'departments']);
  return {
    email: email(input['email']),
    password: password(input['password']),
    role: role(input['role']),
    departments: input['departments'] === undefined ? [] : departments(input['departments']),
  };
}

export function parseUpdateUser(body: unknown): UpdateUserRequest {
  const input = fields(body, ['role', 'departments', 'disabled']);
  const update: UpdateUserRequest = {};
  if (input['role'] !== undefined) update.role = role(input['role']);
  if (input['departments'] !== undefined) update.departments = departments(input['departments']);
  if (input['disabled'] !== undefined) {
    if (typeof input['disabled'] !== 'boolean') throw new InvalidParameterException('disabled', 'must be true or false');
    update.disabled = input['disabled'];
  }
  if (Object.keys(update).length === 0) throw new InvalidParameterException('body', 'names nothing to change; send role, departments or disabled');
  return update;
}

export function parseResetPassword(body: unknown): ResetPasswordRequest {
  return { password: password(fields(body, ['password'])['password']) };
}
