// Each measure and dimension is defined once here (DESIGN §4) and reused by the SQL
// builder, the API validation, the web labels and the exports.

import { formatCompactMoney, formatCompactNumber, formatPercent, NO_VALUE } from './money.js';

export const MEASURES = [
  'lines',
  'units',
  'encounters',
  'patients',
  'charges',
  'allowed',
  'paid',
  'denial_rate',
  'wrvu',
  'expected_payment',
  'minutes',
] as const;
export type MeasureId = (typeof MEASURES)[number];

export const DIMENSIONS = ['period', 'department', 'code', 'section', 'payer_category', 'place_of_service', 'provider'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export type MeasureUnit = 'count' | 'money' | 'rate' | 'rvu' | 'minutes';

export interface MeasureDefinition {
  id: MeasureId;
  label: string;
  unit: MeasureUnit;
  description: string;
  /** Counts people (encounters, patients): small cells of it are suppressed on export. */
  countsPeople: boolean;
}

const define = (
  id: MeasureId,
  label: string,
  unit: MeasureUnit,
  description: string,
  countsPeople = false,
): MeasureDefinition => ({ id, label, unit, description, countsPeople });

export const MEASURE_DEFINITIONS: Readonly<Record<MeasureId, MeasureDefinition>> = {
  lines: define('lines', 'Procedure lines', 'count', 'Number of procedure lines.'),
  units: define('units', 'Units', 'count', 'Sum of the units billed on each line.'),
  encounters: define('encounters', 'Encounters', 'count', 'Number of distinct encounters.', true),
  patients: define('patients', 'Patients', 'count', 'Number of distinct patients.', true),
  charges: define('charges', 'Charges', 'money', 'Sum of charge amounts, in dollars.'),
  allowed: define('allowed', 'Allowed', 'money', 'Sum of amounts the payers allowed, in dollars.'),
  paid: define('paid', 'Paid', 'money', 'Sum of amounts the payers paid, in dollars.'),
  denial_rate: define(
    'denial_rate',
    'Denial rate',
    'rate',
    'Denied lines divided by adjudicated (paid or denied) lines; pending lines are left out.',
  ),
  wrvu: define(
    'wrvu',
    'Work RVUs',
    'rvu',
    'Sum of units times the work RVU of the code (and modifier) in the fee schedule of the service year.',
  ),
  expected_payment: define(
    'expected_payment',
    'Expected payment',
    'money',
    'Sum of units times the fee-schedule fee of the code for the service year, place of service and locality.',
  ),
  minutes: define(
    'minutes',
    'Minutes',
    'minutes',
    "Sum of actual minutes where recorded, else units times the minutes in the code's resource profile.",
  ),
};

export const DIMENSION_LABELS: Readonly<Record<DimensionId, string>> = {
  period: 'Period',
  department: 'Department',
  code: 'Procedure code',
  section: 'Section',
  payer_category: 'Payer category',
  place_of_service: 'Place of service',
  provider: 'Provider (NPI)',
};

export function isMeasureId(s: string): s is MeasureId {
  return (MEASURES as readonly string[]).includes(s);
}

export function isDimensionId(s: string): s is DimensionId {
  return (DIMENSIONS as readonly string[]).includes(s);
}

/** A compact, human-readable value: `1.2k`, `$3.4M`, `4.1%`, `12.3`, `1.2k min`. */
export function formatMeasure(id: MeasureId, value: number | null): string {
  switch (MEASURE_DEFINITIONS[id].unit) {
    case 'count':
    case 'rvu':
      return formatCompactNumber(value);
    case 'money':
      return formatCompactMoney(value);
    case 'rate':
      return formatPercent(value);
    case 'minutes': {
      const text = formatCompactNumber(value);
      return text === NO_VALUE ? text : `${text} min`;
    }
  }
}
