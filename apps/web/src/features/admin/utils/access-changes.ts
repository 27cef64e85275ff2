import type { Role, UpdateUserRequest, UserSummary } from '@caseload/contracts';

/**
 * The fields that differ from the stored user, so an edit sends only what changed (a
 * change ends the user's tokens; an untouched dialog should not). Departments compare as
 * sets: the order typed does not matter.
 */
export function accessChanges(user: Pick<UserSummary, 'role' | 'departments'>, role: Role, departments: readonly string[]): UpdateUserRequest {
  const changes: UpdateUserRequest = {};
  if (role !== user.role) changes.role = role;
  const same = departments.length === user.departments.length && departments.every((code) => user.departments.includes(code));
  if (!same) changes.departments = [...departments];
  return changes;
}
