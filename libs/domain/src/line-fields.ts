// Readers for single fields of a procedure line. Each takes the trimmed text and returns
// the value or a `Problem` whose text completes a sentence that starts with the column
// name ("units" + " must be a whole number …").

import { ACCEPTED_CODE_FORMATS, isValidCode, normalizeCode } from './codes.js';
import { isRealDate, readDateShape, formatIsoDate, type IsoDate } from './dates.js';
import { parseMoney } from './money.js';
import { isNpiShape, isValidNpi } from './npi.js';
import { got, quote } from './reasons.js';

export class Problem {
  constructor(readonly text: string) {}
}

const REQUIRED = new Problem('is required');

export function readText(v: string, max: number, opts: { required: boolean; quote: boolean }): string | null | Problem {
  if (v === '') return opts.required ? REQUIRED : null;
  // PostgreSQL text cannot hold a NUL character; it is never part of a real identifier.
  if (v.includes('\0')) return new Problem('must not contain a NUL character');
  if (v.length <= max) return v;
  // The patient id is never quoted: reasons are shown and exported.
  const shown = opts.quote ? `${v.length} characters: ${quote(v)}` : `${v.length} characters`;
  return new Problem(`must be at most ${max} characters (got ${shown})`);
}

export function readWholeNumber(v: string, min: number, max: number): number | Problem {
  // Length first: a 40-digit string would lose precision as a number.
  const n = /^\d{1,10}$/.test(v) ? Number(v) : NaN;
  if (n >= min && n <= max) return n;
  return new Problem(`must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} ${got(v)}`);
}

export function readServiceDate(v: string, earliest: IsoDate, today: IsoDate): IsoDate | Problem {
  if (v === '') return REQUIRED;
  const parts = readDateShape(v);
  if (parts === null) return new Problem(`must be a date written YYYY-MM-DD or MM/DD/YYYY ${got(v)}`);
  if (!isRealDate(parts)) return new Problem(`is not a real calendar date ${got(v)}`);
  const date = formatIsoDate(parts);
  if (date < earliest) return new Problem(`must be on or after ${earliest} ${got(v)}`);
  if (date > today) return new Problem(`must not be in the future: today is ${today} ${got(v)}`);
  return date;
}

export function readCode(v: string): string | Problem {
  if (v === '') return REQUIRED;
  const code = normalizeCode(v);
  return isValidCode(code) ? code : new Problem(`must be ${ACCEPTED_CODE_FORMATS} ${got(v)}`);
}

export const MAX_MODIFIERS = 4;

export function readModifiers(v: string): string[] | Problem {
  if (v === '') return [];
  const list = v.toUpperCase().split(/[;,\s]+/).filter((m) => m !== '');
  if (!list.every((m) => /^[A-Z0-9]{2}$/.test(m))) {
    return new Problem(`must be codes of two letters or digits, such as 26 or TC, separated by ";", "," or spaces ${got(v)}`);
  }
  if (list.length > MAX_MODIFIERS) {
    return new Problem(`must list at most ${MAX_MODIFIERS} modifiers (got ${list.length}: ${quote(v)})`);
  }
  return list;
}

export const DEFAULT_PLACE_OF_SERVICE = '22';

export function readPlaceOfService(v: string): string | Problem {
  if (v === '') return DEFAULT_PLACE_OF_SERVICE;
  return /^\d{2}$/.test(v) && v !== '00' ? v : new Problem(`must be a two-digit place-of-service code from 01 to 99 ${got(v)}`);
}

/** Case-insensitive choice from a list; empty means the default. */
export function readChoice<T extends string>(v: string, choices: readonly T[], fallback: T): T | Problem {
  if (v === '') return fallback;
  const lower = v.toLowerCase();
  const found = choices.find((c) => c === lower);
  return found ?? new Problem(`must be one of ${choices.join(', ')} ${got(v)}`);
}

export function readNpi(v: string): string | null | Problem {
  if (v === '') return null;
  if (!isNpiShape(v)) return new Problem(`must be exactly 10 digits ${got(v)}`);
  return isValidNpi(v) ? v : new Problem(`has a check digit that does not match, so it is not a real NPI; check for a typo ${got(v)}`);
}

export function readMoney(v: string): number | Problem {
  const result = parseMoney(v);
  return result.ok ? result.cents : new Problem(result.reason);
}

const GROUP_CODES = '(CO|PR|OA|PI|CR)';
const CARC = new RegExp(`^(?:${GROUP_CODES}(?:-|\\s+))?(\\d{1,3}|[A-Z]\\d{1,2})$`);

/** A CARC code, optionally after a claim adjustment group code: `CO-50`, `PR 204`, `B7`. */
export function readDenialReason(v: string): string | null | Problem {
  if (v === '') return null;
  const m = CARC.exec(v.toUpperCase());
  if (!m) {
    return new Problem(`must be a CARC code, optionally after a group code CO, PR, OA, PI or CR, such as 50, CO-50, PR 204 or CO-B7 ${got(v)}`);
  }
  return m[1] ? `${m[1]}-${m[2]}` : m[2]!;
}
