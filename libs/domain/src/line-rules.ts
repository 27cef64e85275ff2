// Validation of one procedure line against every rule of DESIGN §3.1. All errors of a
// line are reported at once, so a data steward fixes a row in one pass.

import { sectionOf, type SectionId } from './codes.js';
import type { IsoDate } from './dates.js';
import {
  CLAIM_STATUSES,
  LINE_COLUMNS,
  PAYER_CATEGORIES,
  type ClaimStatus,
  type LineColumn,
  type PayerCategory,
} from './line-columns.js';
import {
  Problem,
  readChoice,
  readCode,
  readDenialReason,
  readModifiers,
  readMoney,
  readNpi,
  readPlaceOfService,
  readServiceDate,
  readText,
  readWholeNumber,
} from './line-fields.js';

export interface ValidLine {
  encounterId: string;
  lineNumber: number | null;
  patientId: string;
  serviceDate: IsoDate;
  department: string;
  code: string;
  section: SectionId;
  modifiers: string[];
  units: number;
  placeOfService: string;
  payer: string | null;
  payerCategory: PayerCategory;
  providerNpi: string | null;
  chargeCents: number;
  allowedCents: number;
  paidCents: number;
  claimStatus: ClaimStatus;
  denialReason: string | null;
  minutes: number | null;
}

export interface FieldError {
  column: LineColumn;
  reason: string;
}

export interface LineRules {
  /** The facility's today (`todayIn(CASELOAD_TIMEZONE)`): later service dates are refused. */
  today: IsoDate;
  /** Default `EARLIEST_SERVICE_DATE`. */
  earliest?: IsoDate;
}

export type LineResult = { ok: true; line: ValidLine } | { ok: false; errors: FieldError[] };

export const EARLIEST_SERVICE_DATE: IsoDate = '1990-01-01';
export const MAX_ID_LENGTH = 64;
export const MAX_DEPARTMENT_LENGTH = 32;
export const MAX_PAYER_LENGTH = 100;
export const MAX_LINE_NUMBER = 2_147_483_647;
export const MAX_UNITS = 999;
export const MAX_MINUTES = 1440;

const REQUIRED = { required: true, quote: true };
const OPTIONAL = { required: false, quote: true };

export function validateLine(fields: Partial<Record<LineColumn, string>>, rules: LineRules): LineResult {
  const errors: FieldError[] = [];
  const read = <T>(column: LineColumn, reader: (v: string) => T | Problem): T => {
    const result = reader((fields[column] ?? '').trim());
    if (!(result instanceof Problem)) return result;
    errors.push({ column, reason: `${column} ${result.text}` });
    // Never used: a line with any error is not returned.
    return undefined as T;
  };
  const earliest = rules.earliest ?? EARLIEST_SERVICE_DATE;

  const encounterId = read('encounter_id', (v) => readText(v, MAX_ID_LENGTH, REQUIRED));
  const lineNumber = read('line_number', (v) => (v === '' ? null : readWholeNumber(v, 1, MAX_LINE_NUMBER)));
  const patientId = read('patient_id', (v) => readText(v, MAX_ID_LENGTH, { required: true, quote: false }));
  const serviceDate = read('service_date', (v) => readServiceDate(v, earliest, rules.today));
  const department = read('department', (v) => readText(v, MAX_DEPARTMENT_LENGTH, REQUIRED));
  const code = read('code', readCode);
  const line: ValidLine = {
    encounterId: encounterId as string,
    lineNumber,
    patientId: patientId as string,
    serviceDate,
    department: department as string,
    code,
    section: code === undefined ? 'other' : sectionOf(code),
    modifiers: read('modifiers', readModifiers),
    units: read('units', (v) => (v === '' ? 1 : readWholeNumber(v, 1, MAX_UNITS))),
    placeOfService: read('place_of_service', readPlaceOfService),
    payer: read('payer', (v) => readText(v, MAX_PAYER_LENGTH, OPTIONAL)),
    payerCategory: read('payer_category', (v) => readChoice(v, PAYER_CATEGORIES, 'other')),
    providerNpi: read('provider_npi', readNpi),
    chargeCents: read('charge_amount', readMoney),
    allowedCents: read('allowed_amount', readMoney),
    paidCents: read('paid_amount', readMoney),
    claimStatus: read('claim_status', (v) => readChoice(v, CLAIM_STATUSES, 'paid')),
    denialReason: read('denial_reason', readDenialReason),
    minutes: read('minutes', (v) => (v === '' ? null : readWholeNumber(v, 0, MAX_MINUTES))),
  };
  if (errors.length === 0) return { ok: true, line };
  const order = (c: LineColumn): number => LINE_COLUMNS.indexOf(c);
  return { ok: false, errors: errors.sort((a, b) => order(a.column) - order(b.column)) };
}
