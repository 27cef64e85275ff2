import type { SessionUser } from '../../auth/utils/session-user';

export type Access = { allowed: true } | { allowed: false; reason: string };

// The same rules the API applies (access-rules.ts); the page says why up front instead of
// letting a request fail. An unknown user is let through: the server still decides.

export function uploadAccess(user: SessionUser | null): Access {
  if (user === null) return { allowed: true };
  if (user.role === 'viewer') {
    return { allowed: false, reason: 'Your viewer account can follow imports but not start one. Ask an analyst or an administrator to import the file.' };
  }
  if (user.departments.length > 0) {
    return {
      allowed: false,
      reason: `Your account is limited to ${user.departments.join(', ')}, and a file may hold lines of any department, so it cannot import. Ask an unrestricted analyst or an administrator.`,
    };
  }
  return { allowed: true };
}

export function rejectionsAccess(user: SessionUser | null): Access {
  if (user?.role === 'viewer') {
    return { allowed: false, reason: 'Rejected rows hold record-level data, so viewers cannot see them. Ask an analyst or an administrator.' };
  }
  return { allowed: true };
}
