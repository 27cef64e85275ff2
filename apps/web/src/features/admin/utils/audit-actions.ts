import type { AuditAction } from '@caseload/contracts';

/** Every audited action with the words the audit page uses for it. */
export const AUDIT_ACTIONS: ReadonlyArray<{ value: AuditAction; label: string }> = [
  { value: 'login.success', label: 'Sign-in' },
  { value: 'login.failure', label: 'Failed sign-in' },
  { value: 'login.locked', label: 'Sign-in locked' },
  { value: 'import', label: 'Import' },
  { value: 'export', label: 'Export' },
  { value: 'user.create', label: 'User created' },
  { value: 'user.update', label: 'User changed' },
  { value: 'user.password', label: 'Password reset' },
  { value: 'fee_schedule.load', label: 'Fee schedule loaded' },
  { value: 'denial_codes.load', label: 'CARC list loaded' },
  { value: 'capacity.update', label: 'Capacity model changed' },
];

export function isAuditAction(value: string): value is AuditAction {
  return AUDIT_ACTIONS.some((action) => action.value === value);
}

/** The label of a known action; an action newer than this version shows as the API names it. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS.find((known) => known.value === action)?.label ?? action;
}
