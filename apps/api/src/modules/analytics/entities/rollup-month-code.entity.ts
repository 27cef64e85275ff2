import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Additive measures per month, code and department (the code views: movers, top codes,
 * drill-downs). The section is the code's, kept so section filters need no join. Refreshed
 * by each import for the months it touched, like rollup_month.
 */
@Entity({ name: 'rollup_month_code' })
export class RollupMonthCodeEntity {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'code_id', type: 'integer' })
  codeId!: number;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ type: 'smallint' })
  section!: number;

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
