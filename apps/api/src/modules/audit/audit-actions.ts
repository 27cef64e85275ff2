import type { AuditAction } from '@caseload/contracts';

const ACTIONS: Record<AuditAction, true> = {
  'login.success': true,
  'login.failure': true,
  'login.locked': true,
  import: true,
  export: true,
  'user.create': true,
  'user.update': true,
  'user.password': true,
  'capacity.update': true,
  'fee_schedule.load': true,
  'denial_codes.load': true,
};

/** Every action the log knows, from the contract's type (a new action fails to compile until listed). */
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(ACTIONS, value);
}
