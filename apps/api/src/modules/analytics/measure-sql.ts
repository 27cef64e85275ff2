import { centsToDollars, type MeasureId } from '@caseload/domain';

type Components = Record<string, number>;

/**
 * Each measure defined once: the SQL aggregates it needs over the fact table `f` and how its
 * value follows from them. Money is summed in integer cents and turned into dollars last.
 */
interface MeasureSql {
  components: Record<string, string>;
  value(c: Components): number | null;
}

const PAID = 0;
const DENIED = 1;
const UNPRICED_LINES = 'count(*) FILTER (WHERE NOT f.priced)';

/** Hundredths of an RVU summed exactly as integers, then one division. */
function hundredthsToUnits(hundredths: number): number {
  return Math.round(hundredths) / 100;
}

export const MEASURE_SQL: Partial<Record<MeasureId, MeasureSql>> = {
  lines: { components: { lines: 'count(*)' }, value: (c) => c['lines']! },
  units: { components: { units: 'coalesce(sum(f.units), 0)' }, value: (c) => c['units']! },
  encounters: { components: { encounters: 'count(DISTINCT f.encounter_key)' }, value: (c) => c['encounters']! },
  patients: { components: { patients: 'count(DISTINCT f.patient_key)' }, value: (c) => c['patients']! },
  charges: { components: { charge_cents: 'coalesce(sum(f.charge_cents), 0)' }, value: (c) => centsToDollars(c['charge_cents']!) },
  allowed: { components: { allowed_cents: 'coalesce(sum(f.allowed_cents), 0)' }, value: (c) => centsToDollars(c['allowed_cents']!) },
  paid: { components: { paid_cents: 'coalesce(sum(f.paid_cents), 0)' }, value: (c) => centsToDollars(c['paid_cents']!) },
  denial_rate: {
    components: {
      denied_lines: `count(*) FILTER (WHERE f.claim_status = ${DENIED})`,
      adjudicated_lines: `count(*) FILTER (WHERE f.claim_status IN (${PAID}, ${DENIED}))`,
    },
    // Pending lines are not adjudicated yet, so they are in neither count; a rate over nothing is null.
    value: (c) => (c['adjudicated_lines'] === 0 ? null : c['denied_lines']! / c['adjudicated_lines']!),
  },
  // Priced once, as each line is loaded or the schedule changes (fee_schedule_price): sums here.
  // Lines the schedule could not price add 0 and are counted for `meta.unpriced`.
  wrvu: {
    components: { wrvu_hundredths: 'coalesce(sum(f.wrvu_hundredths), 0)', unpriced_lines: UNPRICED_LINES },
    value: (c) => hundredthsToUnits(c['wrvu_hundredths']!),
  },
  expected_payment: {
    components: { expected_cents: 'coalesce(sum(f.expected_cents), 0)', unpriced_lines: UNPRICED_LINES },
    value: (c) => centsToDollars(c['expected_cents']!),
  },
};

/** The component behind `meta.unpriced`, present whenever a priced measure is asked. */
export const UNPRICED_COMPONENT = 'unpriced_lines';

/**
 * The components a rollup holds, each in a column of its name: per-slice sums and counts.
 * Distinct counts have none: they are not additive across days or slices.
 */
const ROLLUP_COLUMNS = ['lines', 'units', 'charge_cents', 'allowed_cents', 'paid_cents', 'denied_lines', 'adjudicated_lines', 'wrvu_hundredths', 'expected_cents', 'unpriced_lines'];

/** The same components summed from a rollup's rows (rollup_month and the others). */
export const ROLLUP_COMPONENT_SQL: Readonly<Record<string, string>> = Object.fromEntries(ROLLUP_COLUMNS.map((column) => [column, `coalesce(sum(f.${column}), 0)`]));

/** The same components from one rollup row: for groups the rollup's own key makes unique, with nothing to sum. */
export const ROLLUP_COMPONENT_COLUMN: Readonly<Record<string, string>> = Object.fromEntries(ROLLUP_COLUMNS.map((column) => [column, `f.${column}`]));

export const SUPPORTED_MEASURES = Object.keys(MEASURE_SQL) as MeasureId[];

export function measureComponents(measures: readonly MeasureId[]): Array<[alias: string, sql: string]> {
  const seen = new Map<string, string>();
  for (const measure of measures) {
    for (const [alias, sql] of Object.entries(MEASURE_SQL[measure]!.components)) seen.set(alias, sql);
  }
  return [...seen.entries()];
}

export function measureValue(measure: MeasureId, components: Components): number | null {
  return MEASURE_SQL[measure]!.value(components);
}
