import { CLAIM_REASONS, LINE_REASONS } from './denials.js';

/** Small closed sets the engine refers to by index; both row encoders map them back. */
export const MODIFIERS = ['', '26', 'TC', '25', 'LT', 'RT', '59;RT', '59'] as const;
export const MOD_26 = 1;
export const MOD_TC = 2;
export const MOD_25 = 3;
export const MOD_LT = 4;
export const MOD_RT = 5;
export const MOD_59_RT = 6;
export const MOD_59 = 7;

export const STATUSES = ['paid', 'denied', 'pending'] as const;
export const PAID = 0;
export const DENIED = 1;
export const PENDING = 2;

/** '' then the claim-level reasons, then the line-level ones. */
export const REASONS: readonly string[] = ['', ...CLAIM_REASONS, ...LINE_REASONS];
export const FIRST_CLAIM_REASON = 1;
export const FIRST_LINE_REASON = 1 + CLAIM_REASONS.length;
