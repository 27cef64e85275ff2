import type { Role } from '@caseload/contracts';

export interface RoleOption {
  value: Role;
  label: string;
  /** What the role may do, in a few words (DESIGN §7). */
  summary: string;
}

export const ROLE_OPTIONS: readonly RoleOption[] = [
  { value: 'viewer', label: 'Viewer', summary: 'the dashboards, and exports with small counts hidden' },
  { value: 'analyst', label: 'Analyst', summary: 'all data, imports and exports' },
  { value: 'admin', label: 'Admin', summary: 'everything, including users and the audit log' },
];

export function roleLabel(role: Role): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}

export function isRole(value: string): value is Role {
  return ROLE_OPTIONS.some((option) => option.value === value);
}
