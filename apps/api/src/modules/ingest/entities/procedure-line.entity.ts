import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The fact table: one row per procedure line, narrow and typed for scans — dictionary ids,
 * integer cents, a date column, small enums as smallint. Written only by set-based SQL in the
 * ingest repository; the entity exists so that migrations and the schema can be compared.
 * `encounter_key` is the distribution key for a distributed PostgreSQL later on.
 */
@Entity({ name: 'procedure_line' })
@Index('procedure_line_service_date_idx', ['serviceDate'])
export class ProcedureLineEntity {
  @PrimaryColumn({ name: 'encounter_key', type: 'bigint' })
  encounterKey!: string;

  @PrimaryColumn({ name: 'line_number', type: 'integer' })
  lineNumber!: number;

  @Column({ name: 'patient_key', type: 'integer' })
  patientKey!: number;

  @Column({ name: 'service_date', type: 'date' })
  serviceDate!: string;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ name: 'code_id', type: 'integer' })
  codeId!: number;

  /** Index into SECTIONS, copied from the code so that section queries need no join. */
  @Column({ type: 'smallint' })
  section!: number;

  /** Up to four two-character modifiers, space separated, in the order given. */
  @Column({ type: 'varchar', length: 11, nullable: true })
  modifiers!: string | null;

  @Column({ type: 'smallint' })
  units!: number;

  @Column({ name: 'place_of_service', type: 'smallint' })
  placeOfService!: number;

  @Column({ name: 'payer_id', type: 'integer', nullable: true })
  payerId!: number | null;

  /** Index into PAYER_CATEGORIES. */
  @Column({ name: 'payer_category', type: 'smallint' })
  payerCategory!: number;

  @Column({ name: 'provider_npi', type: 'bigint', nullable: true })
  providerNpi!: string | null;

  @Column({ name: 'charge_cents', type: 'bigint' })
  chargeCents!: string;

  @Column({ name: 'allowed_cents', type: 'bigint' })
  allowedCents!: string;

  @Column({ name: 'paid_cents', type: 'bigint' })
  paidCents!: string;

  /** Index into CLAIM_STATUSES. */
  @Column({ name: 'claim_status', type: 'smallint' })
  claimStatus!: number;

  @Column({ name: 'denial_reason', type: 'varchar', length: 8, nullable: true })
  denialReason!: string | null;

  @Column({ type: 'smallint', nullable: true })
  minutes!: number | null;

  @Column({ name: 'import_id', type: 'integer' })
  importId!: number;

  /** units × the work RVU in hundredths, priced when the line is loaded (DESIGN §4); 0 when unpriced. */
  @Column({ name: 'wrvu_hundredths', type: 'integer', default: 0 })
  wrvuHundredths!: number;

  /** units × the fee-schedule fee in cents; 0 when unpriced. */
  @Column({ name: 'expected_cents', type: 'bigint', default: 0 })
  expectedCents!: string;

  /** False when the fee schedule could not price the line: it counts in `meta.unpriced`. */
  @Column({ type: 'boolean', default: false })
  priced!: boolean;
}
