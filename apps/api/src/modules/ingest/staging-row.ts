import { createHmac } from 'node:crypto';
import {
  CLAIM_STATUSES,
  LINE_COLUMNS,
  PAYER_CATEGORIES,
  SECTIONS,
  validateLine,
  type HeaderMap,
  type LineColumn,
  type LineRules,
} from '@caseload/domain';
import { copyRow, copyValue } from './copy-format.js';
import { formatCsvRecord } from './csv-records.js';

/** Columns of the per-import staging table, in COPY order. */
export const STAGING_COLUMNS = [
  'row_no int NOT NULL',
  'err_column text',
  'err_reason text',
  'raw text',
  'encounter_ext text',
  'line_number int',
  'patient_hash bytea',
  'service_date date',
  'department text',
  'code text',
  'section smallint',
  'modifiers text',
  'units smallint',
  'pos smallint',
  'payer text',
  'payer_category smallint',
  'npi bigint',
  'charge bigint',
  'allowed bigint',
  'paid bigint',
  'status smallint',
  'denial text',
  'minutes smallint',
] as const;

const MASK = '***';
const indexOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value, i) => [value, i])) as Record<T, number>;
const SECTION_INDEX = indexOf(SECTIONS);
const PAYER_CATEGORY_INDEX = indexOf(PAYER_CATEGORIES);
const CLAIM_STATUS_INDEX = indexOf(CLAIM_STATUSES);
const STAGING_WIDTH = STAGING_COLUMNS.length;

/** Keyed hash of a patient id: the raw id never reaches the database. */
export class PatientHasher {
  // Patients recur (every line of an encounter, every visit), and an HMAC costs a few µs:
  // remember recent ones, forgetting all at a bound so memory stays flat on any file.
  private readonly recent = new Map<string, string>();

  constructor(private readonly key: string) {}

  hex(patientId: string): string {
    let hex = this.recent.get(patientId);
    if (hex === undefined) {
      hex = createHmac('sha256', this.key).update(patientId, 'utf8').digest('hex');
      if (this.recent.size >= 200_000) this.recent.clear();
      this.recent.set(patientId, hex);
    }
    return hex;
  }
}

export interface StagedRow {
  copyLine: string;
  rejected: boolean;
}

/** Turns one CSV record into a staging row: typed values when valid, the reasons when not. */
export class StagingRowEncoder {
  private readonly fieldIndex: Array<[LineColumn, number]>;
  private readonly patientIndex: number;

  constructor(
    header: HeaderMap,
    private readonly headerWidth: number,
    private readonly rules: LineRules,
    private readonly hasher: PatientHasher,
  ) {
    this.fieldIndex = LINE_COLUMNS.flatMap((column) => {
      const index = header.index[column];
      return index === undefined ? [] : [[column, index] as [LineColumn, number]];
    });
    this.patientIndex = header.index.patient_id ?? -1;
  }

  encode(rowNumber: number, fields: readonly string[]): StagedRow {
    if (fields.length !== this.headerWidth) {
      const reason = `this row has ${fields.length} fields but the header has ${this.headerWidth}; check for a missing or extra delimiter`;
      return this.reject(rowNumber, null, reason, this.maskedRaw(fields), null);
    }
    const values: Partial<Record<LineColumn, string>> = {};
    for (const [column, index] of this.fieldIndex) values[column] = fields[index];
    const result = validateLine(values, this.rules);
    if (!result.ok) {
      const [first, ...others] = result.errors;
      const also = others.length > 0 ? ` (also: ${others.map((e) => `${e.column}: ${e.reason}`).join('; ')})` : '';
      const encounter = values.encounter_id?.trim() ?? '';
      const encounterKey = encounter !== '' && encounter.length <= 64 ? encounter : null;
      return this.reject(rowNumber, first!.column, first!.reason + also, this.maskedRaw(fields), encounterKey);
    }
    const line = result.line;
    // Valid rows carry no raw text (half the staging bytes); the few that the set-based
    // checks reject later get theirs by a second read of the file (see IngestService).
    const copyLine =
      `${rowNumber}\t\\N\t\\N\t\\N\t${copyValue(line.encounterId)}\t${line.lineNumber ?? '\\N'}\t\\\\x${this.hasher.hex(line.patientId)}\t` +
      `${line.serviceDate}\t${copyValue(line.department)}\t${line.code}\t${SECTION_INDEX[line.section]}\t` +
      `${line.modifiers.length > 0 ? line.modifiers.join(' ') : '\\N'}\t${line.units}\t${Number(line.placeOfService)}\t` +
      `${line.payer === null ? '\\N' : copyValue(line.payer)}\t${PAYER_CATEGORY_INDEX[line.payerCategory]}\t${line.providerNpi ?? '\\N'}\t` +
      `${line.chargeCents}\t${line.allowedCents}\t${line.paidCents}\t${CLAIM_STATUS_INDEX[line.claimStatus]}\t` +
      `${line.denialReason ?? '\\N'}\t${line.minutes ?? '\\N'}\n`;
    return { rejected: false, copyLine };
  }

  /** A row the CSV reader could not split into fields at all. */
  unreadable(rowNumber: number, reason: string): StagedRow {
    return this.reject(rowNumber, null, reason, '(not shown: the row could not be split into fields, so its patient identifier could not be masked)', null);
  }

  private reject(rowNumber: number, column: string | null, reason: string, raw: string, encounterKey: string | null): StagedRow {
    const values: Array<string | number | null> = new Array(STAGING_WIDTH).fill(null);
    values[0] = rowNumber;
    values[1] = column;
    values[2] = reason;
    values[3] = raw;
    values[4] = encounterKey;
    return { rejected: true, copyLine: copyRow(values) };
  }

  /** The row as sent, as CSV text, with the patient identifier masked. */
  maskedRaw(fields: readonly string[]): string {
    if (this.patientIndex < 0) return formatCsvRecord(fields);
    // A missing or extra delimiter shifts the fields after it, so in a row of the wrong width
    // the patient id may sit up to that many places left or right: mask every such place.
    const from = Math.max(0, this.patientIndex - Math.max(0, this.headerWidth - fields.length));
    const to = Math.min(fields.length - 1, this.patientIndex + Math.max(0, fields.length - this.headerWidth));
    const masked = fields.slice();
    for (let i = from; i <= to; i++) masked[i] = MASK;
    return formatCsvRecord(masked);
  }
}
