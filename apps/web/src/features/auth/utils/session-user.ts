import type { LoginResponse, Role } from '@caseload/contracts';
import { getToken } from './token-store';

// Who signed in, as the login answer described them. The access token carries no role, so
// the answer's `user` is kept beside the token it came with, and counts only while that
// token is the current one: signing out or an expired session drops it without extra work.
const SESSION_USER_KEY = 'caseload.sessionUser';

export type SessionUser = LoginResponse['user'];

interface StoredSessionUser {
  token: string;
  user: SessionUser;
}

const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

/** Keeps the signed-in user for as long as `token` is the session's token. */
export function rememberSessionUser(token: string, user: SessionUser): void {
  const stored: StoredSessionUser = { token, user };
  try {
    window.sessionStorage.setItem(SESSION_USER_KEY, JSON.stringify(stored));
  } catch {
    // Blocked storage: the app behaves as for a user without the admin role.
  }
}

let cachedRaw: string | null = null;
let cached: StoredSessionUser | null = null;

/** The signed-in user, or null when unknown or when the stored user belongs to another token. */
export function getSessionUser(): SessionUser | null {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(SESSION_USER_KEY);
  } catch {
    return null;
  }
  // The same stored text gives the same object, so React's external-store reads stay stable.
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseStored(raw);
  }
  const token = getToken();
  return cached !== null && token !== null && cached.token === token ? cached.user : null;
}

function parseStored(raw: string | null): StoredSessionUser | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { token, user } = value as Partial<Record<keyof StoredSessionUser, unknown>>;
  if (typeof token !== 'string' || typeof user !== 'object' || user === null) return null;
  const { id, email, role, departments } = user as Record<string, unknown>;
  if (typeof id !== 'number' || typeof email !== 'string' || !ROLES.includes(role as Role)) return null;
  if (!Array.isArray(departments) || !departments.every((code) => typeof code === 'string')) return null;
  return { token, user: { id, email, role: role as Role, departments: departments as string[] } };
}

export function isAdmin(user: SessionUser | null): boolean {
  return user?.role === 'admin';
}
