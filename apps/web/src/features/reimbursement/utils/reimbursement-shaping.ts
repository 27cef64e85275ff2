import { centsToDollars, dollarsToCents, formatMoney, PAYER_CATEGORIES } from '@caseload/domain';
import type { PayerCategory } from '@caseload/domain';
import type { AggregateRow } from '../../../api/aggregate';
import { toMeasureValue } from '../../../ui/measure-value';

export const PAYER_CATEGORY_NAMES: Readonly<Record<PayerCategory, string>> = {
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  self_pay: 'Self-pay',
  other: 'Other',
};

/** A category the API sends that the product does not know keeps its own name. */
export function payerCategoryName(category: string): string {
  return (PAYER_CATEGORIES as readonly string[]).includes(category) ? PAYER_CATEGORY_NAMES[category as PayerCategory] : category;
}

export interface MoneyTrendPoint {
  period: string;
  charges: number | null;
  allowed: number | null;
  paid: number | null;
}

export interface DenialTrendPoint {
  period: string;
  /** Denied ÷ adjudicated lines, 0..1; null where no line was adjudicated. */
  rate: number | null;
  /** The same rate in percent (0..100): chart axes read whole numbers. */
  percent: number | null;
}

function periodRows(rows: readonly AggregateRow[]): AggregateRow[] {
  return rows.filter((row) => typeof row['period'] === 'string').sort((a, b) => String(a['period']).localeCompare(String(b['period'])));
}

/** One point per period, oldest first: charges, allowed and paid in dollars. */
export function buildMoneyTrend(rows: readonly AggregateRow[]): MoneyTrendPoint[] {
  return periodRows(rows).map((row) => ({
    period: String(row['period']),
    charges: toMeasureValue(row['charges']),
    allowed: toMeasureValue(row['allowed']),
    paid: toMeasureValue(row['paid']),
  }));
}

/** One point per period, oldest first: the denial rate. */
export function buildDenialTrend(rows: readonly AggregateRow[]): DenialTrendPoint[] {
  return periodRows(rows).map((row) => {
    const rate = toMeasureValue(row['denial_rate']);
    return { period: String(row['period']), rate, percent: rate === null ? null : rate * 100 };
  });
}

export interface PayerShare {
  category: string;
  name: string;
  charges: number;
  /** Share of all charges in the answer, 0..1. */
  share: number;
  /** Distinct encounters; null where the count is hidden as a small cell. */
  encounters: number | null;
  /**
   * Share of the encounters of all categories, 0..1. An encounter billed to two categories
   * counts in each, so the shares are of the categories' sum, not of distinct encounters.
   */
  encounterShare: number | null;
}

/** Charges and encounters by payer category, most charges first, each with its share of the whole. */
export function buildPayerMix(rows: readonly AggregateRow[]): PayerShare[] {
  const cents = new Map<string, number>();
  const encounters = new Map<string, number | null>();
  for (const row of rows) {
    const category = row['payer_category'];
    if (typeof category !== 'string') continue;
    cents.set(category, (cents.get(category) ?? 0) + dollarsToCents(toMeasureValue(row['charges']) ?? 0));
    encounters.set(category, toMeasureValue(row['encounters']));
  }
  const total = [...cents.values()].reduce((sum, value) => sum + value, 0);
  const counts = [...encounters.values()];
  const encounterTotal = counts.every((count) => count !== null) ? counts.reduce<number>((sum, count) => sum + (count ?? 0), 0) : null;
  return [...cents.entries()]
    .map(([category, value]) => {
      const count = encounters.get(category) ?? null;
      return {
        category,
        name: payerCategoryName(category),
        charges: centsToDollars(value),
        share: total > 0 ? value / total : 0,
        encounters: count,
        encounterShare: count === null || encounterTotal === null || encounterTotal === 0 ? null : count / encounterTotal,
      };
    })
    .sort((a, b) => b.charges - a.charges || a.name.localeCompare(b.name));
}

export interface CodePayment {
  code: string;
  lines: number;
  paid: number;
  expected: number;
  variance: number;
  variancePercent: number | null;
}

/** Paid against expected by code, in the API's order (most expected payment first). */
export function buildCodePayments(rows: readonly AggregateRow[]): CodePayment[] {
  return rows
    .filter((row) => typeof row['code'] === 'string')
    .map((row) => {
      const paidCents = dollarsToCents(toMeasureValue(row['paid']) ?? 0);
      const expectedCents = dollarsToCents(toMeasureValue(row['expected_payment']) ?? 0);
      return {
        code: String(row['code']),
        lines: toMeasureValue(row['lines']) ?? 0,
        paid: centsToDollars(paidCents),
        expected: centsToDollars(expectedCents),
        variance: centsToDollars(paidCents - expectedCents),
        variancePercent: expectedCents === 0 ? null : (paidCents - expectedCents) / expectedCents,
      };
    });
}

export interface ProviderWrvu {
  /** The NPI; null for lines without a rendering provider. */
  npi: string | null;
  label: string;
  wrvu: number;
  lines: number;
}

/** Work RVUs by provider, in the API's order (most first). */
export function buildProviderWrvu(rows: readonly AggregateRow[]): ProviderWrvu[] {
  return rows.map((row) => {
    const npi = typeof row['provider'] === 'string' ? row['provider'] : null;
    return { npi, label: npi === null ? 'No provider on the line' : `NPI ${npi}`, wrvu: toMeasureValue(row['wrvu']) ?? 0, lines: toMeasureValue(row['lines']) ?? 0 };
  });
}

export interface DepartmentPayment {
  department: string;
  paid: number;
  expected: number;
  /** paid − expected, in dollars (computed in cents). */
  variance: number;
  /** variance ÷ expected; null when nothing was expected. */
  variancePercent: number | null;
  wrvu: number;
}

/** Paid against expected payment and wRVUs per department, largest expected payment first. */
export function buildDepartmentPayments(rows: readonly AggregateRow[]): DepartmentPayment[] {
  return rows
    .filter((row) => typeof row['department'] === 'string')
    .map((row) => {
      const paidCents = dollarsToCents(toMeasureValue(row['paid']) ?? 0);
      const expectedCents = dollarsToCents(toMeasureValue(row['expected_payment']) ?? 0);
      const varianceCents = paidCents - expectedCents;
      return {
        department: String(row['department']),
        paid: centsToDollars(paidCents),
        expected: centsToDollars(expectedCents),
        variance: centsToDollars(varianceCents),
        variancePercent: expectedCents === 0 ? null : varianceCents / expectedCents,
        wrvu: toMeasureValue(row['wrvu']) ?? 0,
      };
    })
    .sort((a, b) => b.expected - a.expected || a.department.localeCompare(b.department));
}

/** Departments by wRVUs, most first (the bar chart's order). */
export function byWrvu(departments: readonly DepartmentPayment[]): DepartmentPayment[] {
  return [...departments].sort((a, b) => b.wrvu - a.wrvu || a.department.localeCompare(b.department));
}

export interface ReimbursementTotals {
  charges: number | null;
  allowed: number | null;
  paid: number | null;
  expectedPayment: number | null;
  wrvu: number | null;
  /** paid ÷ allowed; null when nothing was allowed. */
  netCollectionRatio: number | null;
}

export function buildReimbursementTotals(totals: Readonly<Record<string, unknown>>): ReimbursementTotals {
  const allowed = toMeasureValue(totals['allowed']);
  const paid = toMeasureValue(totals['paid']);
  return {
    charges: toMeasureValue(totals['charges']),
    allowed,
    paid,
    expectedPayment: toMeasureValue(totals['expected_payment']),
    wrvu: toMeasureValue(totals['wrvu']),
    netCollectionRatio: netCollectionRatio(paid, allowed),
  };
}

/** Paid ÷ allowed, from cents so that equal amounts give exactly 1. */
export function netCollectionRatio(paid: number | null, allowed: number | null): number | null {
  if (paid === null || allowed === null) return null;
  const allowedCents = dollarsToCents(allowed);
  return allowedCents === 0 ? null : dollarsToCents(paid) / allowedCents;
}

/** `+12.5%`, `−3.0%`, `—`: a signed share for variance columns. */
export function formatSignedPercent(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const figure = (Math.abs(rate) * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (figure === '0.0') return '0.0%';
  return `${rate > 0 ? '+' : '\u2212'}${figure}%`;
}

/** `+$1,944.72`, `−$5,282.27`: the same minus sign as the percentages beside it. */
export function formatSignedMoney(dollars: number): string {
  const text = formatMoney(Math.abs(dollars));
  if (dollarsToCents(dollars) === 0) return text;
  return `${dollars > 0 ? '+' : '\u2212'}${text}`;
}

/** The note under the expected-payment table; null when every line was priced. */
export function unpricedNote(unpriced: number | null | undefined): string | null {
  if (!unpriced || unpriced <= 0) return null;
  return `${unpriced.toLocaleString('en-US')} ${unpriced === 1 ? 'line' : 'lines'} could not be priced (a code the fee schedule does not list or does not pay), so ${unpriced === 1 ? 'it adds' : 'they add'} nothing to expected payment or wRVUs.`;
}
