import type { Role } from '@caseload/contracts';
import type { OidcConfig } from '../../../config/app-config.js';

export type Claims = Readonly<Record<string, unknown>>;

/** Who the provider says signed in, as Caseload will hold them. */
export interface MappedIdentity {
  email: string;
  role: Role;
  /** Department codes the user is limited to; empty = all. */
  departments: string[];
}

export type ClaimMapping = { ok: true; identity: MappedIdentity } | { ok: false; email: string | null; reason: string; message: string };

/** Most privileged first: a member of several mapped groups gets the strongest of their roles. */
const ROLE_ORDER: readonly Role[] = ['admin', 'analyst', 'viewer'];
const EMAIL_MAX = 254;
const DEPARTMENTS_MAX = 200;
/** As long as the department table's code column. */
const DEPARTMENT_CODE_MAX = 32;

/**
 * The provider's claims as a Caseload user, or why they cannot be one. Strict on purpose: no
 * email, an email the provider marks unverified, no mapped role or a malformed department list
 * refuse the sign-in rather than fall back to some default access.
 */
export function mapClaims(claims: Claims, config: Pick<OidcConfig, 'roleClaim' | 'roleMap' | 'departmentsClaim'>): ClaimMapping {
  const rawEmail = claims['email'];
  if (typeof rawEmail !== 'string' || rawEmail.trim() === '') {
    return refuse(null, 'no email claim', 'The identity provider did not send an email address for this account.');
  }
  const email = rawEmail.trim().toLowerCase();
  if (email.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    return refuse(null, 'email claim not an email address', 'The identity provider sent an email address Caseload cannot use.');
  }
  // An unverified address could name someone else's Caseload account.
  if (claims['email_verified'] === false || claims['email_verified'] === 'false') {
    return refuse(email, 'email not verified', 'The identity provider has not verified the email address of this account.');
  }
  const role = roleOf(claims[config.roleClaim], config.roleMap);
  if (role === null) {
    return refuse(email, 'no mapped role', 'This account has no Caseload role at the identity provider. Ask your administrator for access.');
  }
  const departments = departmentsOf(claims[config.departmentsClaim]);
  if (departments === null) {
    return refuse(email, 'departments claim not usable', 'The identity provider sent a department list Caseload cannot read. Ask your administrator.');
  }
  return { ok: true, identity: { email, role, departments } };
}

function refuse(email: string | null, reason: string, message: string): ClaimMapping {
  return { ok: false, email, reason, message };
}

/** The role a claim value (one string or a list of group names) gives, or null when none. */
export function roleOf(value: unknown, map: ReadonlyMap<string, Role> | null): Role | null {
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const roles = new Set<Role>();
  for (const item of values) {
    const role = map === null ? (ROLE_ORDER.includes(item as Role) ? (item as Role) : undefined) : map.get(item);
    if (role !== undefined) roles.add(role);
  }
  return ROLE_ORDER.find((role) => roles.has(role)) ?? null;
}

/**
 * Department codes from a list or a comma-separated string, trimmed, deduplicated and sorted;
 * no claim means every department; null when the claim cannot be read (refused, not widened).
 */
export function departmentsOf(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(',').filter((item) => item.trim() !== '') : value;
  if (!Array.isArray(items) || items.length > DEPARTMENTS_MAX) return null;
  const codes: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return null;
    const code = item.trim();
    if (code === '' || code.length > DEPARTMENT_CODE_MAX || /\p{Cc}/u.test(code)) return null;
    codes.push(code);
  }
  return [...new Set(codes)].sort();
}
