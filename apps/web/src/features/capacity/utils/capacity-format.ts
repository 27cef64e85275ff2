import type { CapacityResourceKind } from '@caseload/contracts';
import { periodName } from '../../../ui/format-period';

/** `0.923` → `92%`: planners read utilization in whole percent. */
export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${Math.round(rate * 100)}%`;
}

/** Units and FTEs with at most one decimal: `2`, `2.5`. */
export function formatCount(value: number): string {
  // Equipment counts are whole in the inventory, but a need or a gap may be a fraction of one.
  const rounded = Math.round(value * 10) / 10;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** `1 unit`, `2.5 FTEs`. */
export function formatUnits(value: number, kind: CapacityResourceKind): string {
  const figure = formatCount(value);
  const one = figure === '1';
  return kind === 'staff' ? `${figure} ${one ? 'FTE' : 'FTEs'}` : `${figure} ${one ? 'unit' : 'units'}`;
}

/** `1,234 h`. */
export function formatHours(hours: number | null): string {
  return hours === null || !Number.isFinite(hours) ? '—' : `${Math.round(hours).toLocaleString('en-US')} h`;
}

/** The horizon in words: `next month`, `next quarter`, `the next 6 months`. */
export function horizonWords(months: number): string {
  if (months === 1) return 'next month';
  if (months === 3) return 'next quarter';
  return `over the next ${months} months`;
}

/** `Dec 2026 – Feb 2027` from two month keys. */
export function monthRange(from: string, to: string): string {
  return from === to ? periodName(from) : `${periodName(from)} – ${periodName(to)}`;
}

/**
 * What the filter bar's other filters do here: capacity is planned per department and
 * resource over all lines; only the volume forecast narrows to sections.
 */
export function capacityFiltersNote(filters: { sections: readonly string[]; payerCategories: readonly string[]; placesOfService: readonly string[] }): string | null {
  const notes: string[] = [];
  if (filters.sections.length > 0) notes.push('The sections filter narrows the volume forecast only; needs and utilization count every section.');
  if (filters.payerCategories.length > 0 || filters.placesOfService.length > 0) notes.push('Payers and places of service do not apply to capacity: every line counts.');
  return notes.length === 0 ? null : notes.join(' ');
}
