import type { Role } from '@caseload/contracts';
import type { AuthUser } from './current-user.decorator.js';

/** `METHOD /path` as the controllers declare it, without the /api/v1 prefix. */
export type RouteKey = `${HttpVerb} /${string}`;
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL' | 'SEARCH';

export type RouteRule =
  | { access: 'public' }
  | {
      access: 'signed-in';
      roles: readonly Role[];
      /** What the route does, for the refusal message ("… cannot create imports"). */
      does: string;
      /** Refused to a user limited to departments, whatever the role, with this reason. */
      unscopedOnly?: string;
    };

const EVERYONE: readonly Role[] = ['admin', 'analyst', 'viewer'];
const STAFF: readonly Role[] = ['admin', 'analyst'];
const ADMIN: readonly Role[] = ['admin'];
const CAPACITY_EDITS = 'An account limited to departments cannot edit the capacity model: its lists hold every department. Ask an unrestricted administrator.';

/**
 * Who may call what: the one place access is decided (DESIGN §7). The global guard reads
 * it for every request, and a route missing here answers 403 to everyone; the
 * authorization-matrix test enumerates the server's routes against this table.
 *
 * Viewers see dashboards and may follow imports, but not the rows an import rejected (the
 * raw lines carry record-level data that suppression exists to hide). A user limited to
 * departments cannot import: a file may hold any department's lines. Exports, when they
 * come, are for every role (viewers get suppressed cells only; the export decides that).
 */
export const ROUTE_RULES = {
  'GET /health': { access: 'public' },
  'POST /auth/login': { access: 'public' },
  'GET /auth/options': { access: 'public' },
  // Single sign-on: both answer with redirects (404 while no identity provider is configured).
  'GET /auth/oidc/login': { access: 'public' },
  'GET /auth/oidc/callback': { access: 'public' },
  'GET /auth/me': { access: 'signed-in', roles: EVERYONE, does: 'read their own account' },

  'GET /aggregate': { access: 'signed-in', roles: EVERYONE, does: 'read aggregates' },
  // Viewers export too, always with small-cell suppression (the export refuses suppress=false).
  'GET /export': { access: 'signed-in', roles: EVERYONE, does: 'export aggregates' },

  'POST /imports': {
    access: 'signed-in',
    roles: STAFF,
    does: 'create imports',
    unscopedOnly: 'An account limited to departments cannot import: a file may hold lines of any department. Ask an unrestricted analyst or an administrator.',
  },
  'GET /imports': { access: 'signed-in', roles: EVERYONE, does: 'list imports' },
  'GET /imports/:id': { access: 'signed-in', roles: EVERYONE, does: 'follow imports' },
  'GET /imports/:id/rejections': { access: 'signed-in', roles: STAFF, does: 'read rejected import rows' },

  'GET /users': { access: 'signed-in', roles: ADMIN, does: 'manage users' },
  'POST /users': { access: 'signed-in', roles: ADMIN, does: 'manage users' },
  'PATCH /users/:id': { access: 'signed-in', roles: ADMIN, does: 'manage users' },
  'POST /users/:id/password': { access: 'signed-in', roles: ADMIN, does: 'manage users' },

  'GET /audit': { access: 'signed-in', roles: ADMIN, does: 'read the audit log' },

  // Capacity: everyone reads (a scoped user, their departments' only); admins edit the resource
  // model, and never an admin limited to departments: the lists hold every department's rows.
  'GET /capacity/resource-types': { access: 'signed-in', roles: EVERYONE, does: 'read the capacity model' },
  'PUT /capacity/resource-types': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'POST /capacity/resource-types/import': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'GET /capacity/inventories': { access: 'signed-in', roles: EVERYONE, does: 'read the capacity model' },
  'PUT /capacity/inventories': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'POST /capacity/inventories/import': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'GET /capacity/holidays': { access: 'signed-in', roles: EVERYONE, does: 'read the capacity model' },
  'PUT /capacity/holidays': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'POST /capacity/holidays/import': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'GET /capacity/profiles': { access: 'signed-in', roles: EVERYONE, does: 'read the capacity model' },
  'PUT /capacity/profiles': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  'POST /capacity/profiles/import': { access: 'signed-in', roles: ADMIN, does: 'edit the capacity model', unscopedOnly: CAPACITY_EDITS },
  // Saved reports: every role keeps its own (a viewer's run suppressed, as its exports are); admins see all.
  'GET /reports': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'POST /reports': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'GET /reports/:id': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'PATCH /reports/:id': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'DELETE /reports/:id': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'POST /reports/:id/run': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'GET /reports/:id/runs': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'GET /reports/:id/runs/:runId/file': { access: 'signed-in', roles: EVERYONE, does: 'keep reports' },
  'GET /capacity/utilization': { access: 'signed-in', roles: EVERYONE, does: 'read capacity' },
  'GET /capacity/forecast': { access: 'signed-in', roles: EVERYONE, does: 'read capacity' },
  'GET /capacity/needs': { access: 'signed-in', roles: EVERYONE, does: 'read capacity' },

  'GET /fee-schedules': { access: 'signed-in', roles: EVERYONE, does: 'list fee schedules' },
  'POST /fee-schedules/:year/rvu': { access: 'signed-in', roles: ADMIN, does: 'load fee schedules' },
  'POST /fee-schedules/:year/gpci': { access: 'signed-in', roles: ADMIN, does: 'load fee schedules' },
  'GET /reimbursement/what-if': { access: 'signed-in', roles: EVERYONE, does: 'read aggregates' },
  'GET /reimbursement/denial-reasons': { access: 'signed-in', roles: EVERYONE, does: 'read aggregates' },
  'POST /reimbursement/denial-codes': { access: 'signed-in', roles: ADMIN, does: 'load the CARC list' },
} as const satisfies Record<RouteKey, RouteRule>;

export function ruleFor(key: RouteKey): RouteRule | undefined {
  return Object.hasOwn(ROUTE_RULES, key) ? (ROUTE_RULES as Record<RouteKey, RouteRule>)[key] : undefined;
}

/** Why `user` may not call a route with `rule`, or null when they may. */
export function refusal(rule: RouteRule | undefined, user: AuthUser): string | null {
  if (rule === undefined) return 'This route is not open to any role.';
  if (rule.access === 'public') return null;
  if (!rule.roles.includes(user.role)) {
    return `The ${user.role} role cannot ${rule.does}; it takes the ${rule.roles.join(' or ')} role.`;
  }
  if (rule.unscopedOnly !== undefined && user.departments.length > 0) return rule.unscopedOnly;
  return null;
}
