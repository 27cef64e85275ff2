import type { Role } from './auth.js';

/** A user as the admin API shows it: never the password hash. */
export interface UserSummary {
  id: number;
  email: string;
  role: Role;
  /** Department codes the user is limited to; empty means every department. */
  departments: string[];
  disabled: boolean;
  createdAt: string;
}

export interface UsersResponse {
  users: UserSummary[];
}

/** POST /api/v1/users */
export interface CreateUserRequest {
  email: string;
  password: string;
  role: Role;
  departments?: string[];
}

/** PATCH /api/v1/users/:id — any subset; disabling or re-scoping ends the user's tokens. */
export interface UpdateUserRequest {
  role?: Role;
  departments?: string[];
  disabled?: boolean;
}

/** POST /api/v1/users/:id/password */
export interface ResetPasswordRequest {
  password: string;
}

export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.locked'
  | 'import'
  | 'export'
  | 'user.create'
  | 'user.update'
  | 'user.password'
  /** A fee-schedule year's RVU or GPCI file loaded (the lines priced again). */
  | 'fee_schedule.load'
  /** The CARC list (denial reason descriptions) replaced. */
  | 'denial_codes.load'
  /** The capacity model (resource types, inventories, holidays, profiles) replaced by an edit or a CSV import. */
  | 'capacity.update';

/** One append-only audit record. `details` never holds a patient identifier. */
export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  /** The acting user's email; for failed logins, the email that was tried. */
  actor: string | null;
  /** The client address. */
  address: string | null;
  details: Record<string, unknown>;
}

/** GET /api/v1/audit?action=&actor=&from=&to=&limit=&before= (newest first). */
export interface AuditResponse {
  entries: AuditEntry[];
  /** Pass as `before` for the next, older page; null at the end. */
  nextBefore: number | null;
}
