import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Additive measures of the facts per month and slice (department, section, payer category,
 * place of service): a few thousand rows a month however many lines there are. Kept exact
 * by each import, which recomputes the months it touched inside its own transaction.
 */
@Entity({ name: 'rollup_month' })
export class RollupMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'smallint' })
  section!: number;

  @PrimaryColumn({ name: 'payer_category', type: 'smallint' })
  payerCategory!: number;

  @PrimaryColumn({ name: 'place_of_service', type: 'smallint' })
  placeOfService!: number;

  @Column({ type: 'bigint' })
  lines!: string;

  @Column({ type: 'bigint' })
  units!: string;

  @Column({ name: 'charge_cents', type: 'bigint' })
  chargeCents!: string;

  @Column({ name: 'allowed_cents', type: 'bigint' })
  allowedCents!: string;

  @Column({ name: 'paid_cents', type: 'bigint' })
  paidCents!: string;

  @Column({ name: 'denied_lines', type: 'bigint' })
  deniedLines!: string;

  @Column({ name: 'adjudicated_lines', type: 'bigint' })
  adjudicatedLines!: string;
}
