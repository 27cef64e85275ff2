import { formatCompactMoney, formatCompactNumber, formatPercent } from '@caseload/domain';
import { periodName } from '../../../ui/format-period';
import { grainNoun } from '../../../ui/grain-words';
import type { DenialTrendPoint, DepartmentPayment, MoneyTrendPoint, PayerShare } from './reimbursement-shaping';

/** Accessible names of the charts: what each shows and its most telling figures. */
export function moneyTrendSummary(points: readonly MoneyTrendPoint[], range: string, grain: string): string {
  const intro = `Line chart of charges, allowed and paid by ${grainNoun(grain)}, ${range}`;
  const sum = (key: 'charges' | 'allowed' | 'paid') => points.reduce((total, point) => total + (point[key] ?? 0), 0);
  if (points.every((point) => point.charges === null && point.allowed === null && point.paid === null)) return `${intro}: no values.`;
  return `${intro}. In all: charges ${formatCompactMoney(sum('charges'))}, allowed ${formatCompactMoney(sum('allowed'))}, paid ${formatCompactMoney(sum('paid'))}.`;
}

export function denialTrendSummary(points: readonly DenialTrendPoint[], range: string, grain: string): string {
  const intro = `Line chart of the denial rate by ${grainNoun(grain)}, ${range}`;
  const known = points.filter((point): point is DenialTrendPoint & { rate: number } => point.rate !== null);
  if (known.length === 0) return `${intro}: no values.`;
  const high = known.reduce((best, point) => (point.rate > best.rate ? point : best));
  const low = known.reduce((best, point) => (point.rate < best.rate ? point : best));
  return `${intro}. Highest ${formatPercent(high.rate)} in ${periodName(high.period)}, lowest ${formatPercent(low.rate)} in ${periodName(low.period)}.`;
}

export function payerMixSummary(payers: readonly PayerShare[], range: string, basis: 'charges' | 'encounters' = 'charges'): string {
  const intro = `Bar chart of ${basis} by payer category, ${range}`;
  if (payers.length === 0) return `${intro}: no values.`;
  if (basis === 'encounters') {
    return `${intro}. ${payers.map((payer) => `${payer.name} ${payer.encounters === null ? 'hidden' : formatCompactNumber(payer.encounters)}${payer.encounterShare === null ? '' : ` (${(payer.encounterShare * 100).toFixed(1)}%)`}`).join(', ')}.`;
  }
  return `${intro}. ${payers.map((payer) => `${payer.name} ${formatCompactMoney(payer.charges)} (${(payer.share * 100).toFixed(1)}%)`).join(', ')}.`;
}

export function wrvuSummary(departments: readonly DepartmentPayment[], range: string, bars: number): string {
  const drawn = Math.min(bars, departments.length);
  const intro = `Bar chart of work RVUs by department, ${range}${departments.length > bars ? `, the ${drawn} with the most of ${departments.length}` : ''}`;
  if (departments.length === 0) return `${intro}: no values.`;
  const top = departments.slice(0, Math.min(3, drawn)).map((item) => `${item.department} ${formatCompactNumber(item.wrvu)}`);
  return `${intro}, most first. The most: ${top.join(', ')}.`;
}
