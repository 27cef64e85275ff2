// The CARC (Claim Adjustment Reason Code) list a user loads for the descriptions of denial
// reasons: a CSV with `code` and `description` columns, as X12 publishes it. X12's own export
// runs its dates on after the text ("…AmountStart: 01/01/1995"), so the description ends
// where "Start:" begins.

import { readCsvRecords, stripByteOrderMark } from './fee-schedule-csv.js';
import { FeeScheduleFileError } from './fee-schedule-files.js';

export interface DenialCode {
  code: string;
  description: string;
}

/** CARC numbers: 1–3 digits, or a letter and up to 2 digits/letters (A1, B7, P12, W1). */
const CARC_CODE = /^(?:\d{1,3}|[A-Z][0-9A-Z]{1,2})$/;
export const MAX_DENIAL_DESCRIPTION = 1000;
export const MAX_DENIAL_CODES = 5000;

/** The codes of a CARC list, or the first problem with its row and column; nothing half-read. */
export function parseDenialCodes(text: string): DenialCode[] {
  const { rows, unclosedQuoteRow } = readCsvRecords(stripByteOrderMark(text));
  if (unclosedQuoteRow !== null) throw new FeeScheduleFileError(`row ${unclosedQuoteRow}: a quoted field is never closed`, unclosedQuoteRow);
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const codeAt = header.indexOf('code');
  const descriptionAt = header.indexOf('description');
  if (codeAt < 0 || descriptionAt < 0) {
    throw new FeeScheduleFileError(`the first row must name the columns code and description (found: ${header.join(', ').slice(0, 120) || 'nothing'})`, 1);
  }
  const codes = new Map<string, DenialCode>();
  rows.slice(1).forEach((fields, i) => {
    const row = i + 2;
    if (fields.every((field) => field.trim() === '')) return;
    const code = (fields[codeAt] ?? '').trim().toUpperCase();
    if (!CARC_CODE.test(code)) {
      throw new FeeScheduleFileError(`row ${row}, column code: "${code.slice(0, 20)}" is not a CARC code (such as 50, 197 or B7)`, row, 'code');
    }
    if (codes.has(code)) throw new FeeScheduleFileError(`row ${row}, column code: ${code} is listed twice`, row, 'code');
    const raw = fields[descriptionAt] ?? '';
    const start = raw.search(/Start:\s*\d/);
    const description = (start >= 0 ? raw.slice(0, start) : raw).replace(/\s+/g, ' ').trim();
    if (description === '') throw new FeeScheduleFileError(`row ${row}, column description: is empty`, row, 'description');
    if (description.length > MAX_DENIAL_DESCRIPTION) {
      throw new FeeScheduleFileError(`row ${row}, column description: is longer than ${MAX_DENIAL_DESCRIPTION} characters`, row, 'description');
    }
    codes.set(code, { code, description });
  });
  if (codes.size === 0) throw new FeeScheduleFileError('the file lists no codes');
  if (codes.size > MAX_DENIAL_CODES) throw new FeeScheduleFileError(`the file lists more than ${MAX_DENIAL_CODES} codes`);
  return [...codes.values()];
}
