import { cumulative } from './prng.js';

/**
 * CARC reasons with a realistic skew. Claim-level reasons deny every line of the
 * encounter (eligibility, coordination of benefits, timely filing, missing information);
 * line-level reasons deny one service (medical necessity, bundling, authorisation, coding).
 */
export const CLAIM_REASONS = ['CO-16', 'CO-27', 'CO-22', 'CO-29', 'CO-109'] as const;
export const CLAIM_REASON_CUM = cumulative([40, 20, 18, 10, 12]);

export const LINE_REASONS = [
  'CO-197', 'CO-50', 'CO-97', 'CO-18', 'CO-4', 'CO-11', 'CO-96', 'PR-204', 'CO-151', 'CO-167', 'CO-236',
] as const;
export const LINE_REASON_CUM = cumulative([24, 20, 16, 9, 8, 6, 5, 4, 3, 3, 2]);

/** Base probabilities before payer and department bias: ≈ 8–9 % of adjudicated lines. */
export const CLAIM_DENIAL_RATE = 0.029;
export const LINE_DENIAL_RATE = 0.056;

/** Share of claims still pending, by days between the service and the end of the data. */
export function pendingShare(ageDays: number): number {
  if (ageDays < 14) return 0.7;
  if (ageDays < 30) return 0.4;
  if (ageDays < 60) return 0.14;
  return 0.006;
}
