import { cumulative } from './prng.js';

export type PayerCategory = 'medicare' | 'medicaid' | 'commercial' | 'self_pay' | 'other';

export interface Payer {
  name: string;
  category: PayerCategory;
  /** Allowed amount relative to Medicare's, in 2024; self-pay: share of the charge. */
  allowedFactor: number;
  /** Paid ÷ allowed; undefined = the code's Medicare ratio (coinsurance, sequestration). */
  paidRatio: number | undefined;
  /** Annual change of the allowed amounts (fee schedule updates, contract escalators). */
  escalator: number;
  /** Relative denial propensity. */
  denials: number;
}

export const PAYERS: readonly Payer[] = [
  { name: 'Medicare Part B', category: 'medicare', allowedFactor: 1, paidRatio: undefined, escalator: 0.01, denials: 0.8 },
  { name: 'Humana Medicare Advantage', category: 'medicare', allowedFactor: 1.02, paidRatio: undefined, escalator: 0.015, denials: 1.15 },
  { name: 'Medicaid', category: 'medicaid', allowedFactor: 0.68, paidRatio: 0.98, escalator: 0.005, denials: 1.35 },
  { name: 'Molina Medicaid', category: 'medicaid', allowedFactor: 0.74, paidRatio: 0.97, escalator: 0.01, denials: 1.5 },
  { name: 'BlueCross', category: 'commercial', allowedFactor: 1.38, paidRatio: 0.84, escalator: 0.03, denials: 1 },
  { name: 'UnitedHealthcare', category: 'commercial', allowedFactor: 1.5, paidRatio: 0.82, escalator: 0.035, denials: 1.3 },
  { name: 'Aetna', category: 'commercial', allowedFactor: 1.56, paidRatio: 0.83, escalator: 0.03, denials: 1.1 },
  { name: 'Cigna', category: 'commercial', allowedFactor: 1.62, paidRatio: 0.85, escalator: 0.03, denials: 1.05 },
  { name: 'Self pay', category: 'self_pay', allowedFactor: 0.3, paidRatio: 0.25, escalator: 0, denials: 0 },
  { name: 'Tricare', category: 'other', allowedFactor: 1, paidRatio: 0.92, escalator: 0.01, denials: 1 },
  { name: 'Workers Comp', category: 'other', allowedFactor: 1.55, paidRatio: 0.98, escalator: 0.02, denials: 1.2 },
  { name: 'VA Community Care', category: 'other', allowedFactor: 1, paidRatio: 0.97, escalator: 0.01, denials: 1 },
];

export const SELF_PAY = PAYERS.findIndex((p) => p.category === 'self_pay');

/** Share of each named payer within its category. */
const WITHIN: readonly number[] = [0.72, 0.28, 0.62, 0.38, 0.38, 0.26, 0.2, 0.16, 1, 0.45, 0.3, 0.25];

/** Category mix per age band (child, adult, senior); tuned to ≈40/33/16/6/5 over all lines. */
const BAND_MIX: ReadonlyArray<Readonly<Record<PayerCategory, number>>> = [
  { medicare: 0, medicaid: 0.52, commercial: 0.42, self_pay: 0.03, other: 0.03 },
  { medicare: 0.05, medicaid: 0.22, commercial: 0.55, self_pay: 0.11, other: 0.07 },
  { medicare: 0.84, medicaid: 0.04, commercial: 0.07, self_pay: 0.02, other: 0.03 },
];

/** Cumulative weights over PAYERS, one table per age band. */
export const PAYER_CUM_BY_BAND: readonly Float64Array[] = BAND_MIX.map((mix) =>
  cumulative(PAYERS.map((p, i) => mix[p.category] * (WITHIN[i] ?? 0))),
);
