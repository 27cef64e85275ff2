// The columns of a procedure-line CSV (DESIGN §3.1) and how a header row maps to them.

export const LINE_COLUMNS = [
  'encounter_id',
  'line_number',
  'patient_id',
  'service_date',
  'department',
  'code',
  'modifiers',
  'units',
  'place_of_service',
  'payer',
  'payer_category',
  'provider_npi',
  'charge_amount',
  'allowed_amount',
  'paid_amount',
  'claim_status',
  'denial_reason',
  'minutes',
] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly LineColumn[] = ['encounter_id', 'patient_id', 'service_date', 'department', 'code'];

export const COLUMN_ALIASES: Readonly<Record<string, LineColumn>> = {
  cpt_code: 'code',
  hcpcs_code: 'code',
  procedure_code: 'code',
};

export const PAYER_CATEGORIES = ['medicare', 'medicaid', 'commercial', 'self_pay', 'other'] as const;
export type PayerCategory = (typeof PAYER_CATEGORIES)[number];

export const CLAIM_STATUSES = ['paid', 'denied', 'pending'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * `index`: the position of each known column (its first occurrence); `unknown`: other
 * names as written (blank names are skipped); `missing`: required columns absent;
 * `conflicts`: columns named more than once, by canonical name, e.g. `code` for a
 * header with both `code` and `cpt_code`.
 */
export interface HeaderMap {
  index: Partial<Record<LineColumn, number>>;
  unknown: string[];
  missing: LineColumn[];
  conflicts: string[];
}

const KNOWN: ReadonlySet<string> = new Set(LINE_COLUMNS);

export function columnFor(name: string): LineColumn | null {
  const key = name.replace(/^\uFEFF/, '').trim().toLowerCase();
  if (KNOWN.has(key)) return key as LineColumn;
  return Object.hasOwn(COLUMN_ALIASES, key) ? COLUMN_ALIASES[key]! : null;
}

export function resolveHeader(header: readonly string[]): HeaderMap {
  const map: HeaderMap = { index: {}, unknown: [], missing: [], conflicts: [] };
  header.forEach((raw, i) => {
    const column = columnFor(raw);
    if (column === null) {
      const name = raw.replace(/^\uFEFF/, '').trim();
      if (name !== '') map.unknown.push(name);
    } else if (map.index[column] === undefined) {
      map.index[column] = i;
    } else if (!map.conflicts.includes(column)) {
      map.conflicts.push(column);
    }
  });
  map.missing = REQUIRED_COLUMNS.filter((c) => map.index[c] === undefined);
  return map;
}
