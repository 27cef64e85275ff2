import type { Role, UserSummary } from '@caseload/contracts';
import { formatDepartments } from './departments';
import { roleLabel } from './roles';

/** One line of the users table, ready to print. */
export interface UserRow {
  id: number;
  email: string;
  role: Role;
  roleLabel: string;
  /** As the table prints it: the codes, or "All departments". */
  departments: string;
  departmentCodes: string[];
  status: 'Active' | 'Disabled';
  disabled: boolean;
  /** ISO timestamp for `<time dateTime>`. */
  createdAt: string;
  created: string;
  /** The signed-in admin's own row: they cannot disable themselves from here. */
  isSelf: boolean;
}

/**
 * Shapes the API's users for the table: active users first, then by email, so the people
 * who can sign in are on top and a disabled account does not hide among them.
 */
export function toUserRows(users: readonly UserSummary[], selfId: number | null, locale?: string): UserRow[] {
  return [...users]
    .sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.email.localeCompare(b.email))
    .map((user) => ({
      id: user.id,
      email: user.email,
      role: user.role,
      roleLabel: roleLabel(user.role),
      departments: formatDepartments(user.departments),
      departmentCodes: [...user.departments],
      status: user.disabled ? 'Disabled' : 'Active',
      disabled: user.disabled,
      createdAt: user.createdAt,
      created: formatCreated(user.createdAt, locale),
      isSelf: selfId !== null && user.id === selfId,
    }));
}

/** A calendar date in the reader's locale; the time of day adds nothing here. */
export function formatCreated(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
