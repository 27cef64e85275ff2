import { GRAIN_LABELS, GRAINS, PAYER_CATEGORIES, SECTION_LABELS, SECTIONS } from '@caseload/domain';
import type { Grain, PayerCategory, SectionId } from '@caseload/domain';

export interface FilterOption<T extends string = string> {
  value: T;
  label: string;
}

export const GRAIN_OPTIONS: ReadonlyArray<FilterOption<Grain>> = GRAINS.map((grain) => ({ value: grain, label: GRAIN_LABELS[grain] }));

export const SECTION_OPTIONS: ReadonlyArray<FilterOption<SectionId>> = SECTIONS.map((section) => ({ value: section, label: SECTION_LABELS[section] }));

const PAYER_CATEGORY_LABELS: Readonly<Record<PayerCategory, string>> = {
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  self_pay: 'Self-pay',
  other: 'Other',
};

export const PAYER_CATEGORY_OPTIONS: ReadonlyArray<FilterOption<PayerCategory>> = PAYER_CATEGORIES.map((category) => ({
  value: category,
  label: PAYER_CATEGORY_LABELS[category],
}));

// CMS place-of-service codes that hospitals and clinics bill most. The shared domain library
// has no POS list yet; a code outside this list still filters when a link carries it.
const PLACE_OF_SERVICE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['02', 'Telehealth (not at home)'],
  ['10', 'Telehealth at home'],
  ['11', 'Office'],
  ['12', 'Home'],
  ['19', 'Outpatient hospital, off campus'],
  ['20', 'Urgent care facility'],
  ['21', 'Inpatient hospital'],
  ['22', 'Outpatient hospital, on campus'],
  ['23', 'Emergency room, hospital'],
  ['24', 'Ambulatory surgical center'],
  ['31', 'Skilled nursing facility'],
  ['32', 'Nursing facility'],
  ['49', 'Independent clinic'],
  ['50', 'Federally qualified health center'],
  ['61', 'Comprehensive inpatient rehabilitation'],
  ['81', 'Independent laboratory'],
  ['99', 'Other place of service'],
];

export const PLACE_OF_SERVICE_OPTIONS: ReadonlyArray<FilterOption> = PLACE_OF_SERVICE_NAMES.map(([code, name]) => ({
  value: code,
  label: `${code} · ${name}`,
}));

/** Options for the values a link selected that the list does not offer, so they stay visible and removable. */
export function withSelected(options: ReadonlyArray<FilterOption>, selected: readonly string[]): FilterOption[] {
  const known = new Set(options.map((option) => option.value));
  return [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value }))];
}
