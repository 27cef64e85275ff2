import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Denied lines and their charges per month, department, section and payer category, by the
 * CARC number of the denial reason ('' when the line gave none). Kept by each import's delta.
 */
@Entity({ name: 'rollup_month_denial' })
export class RollupMonthDenialEntity {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'smallint' })
  section!: number;

  @PrimaryColumn({ name: 'payer_category', type: 'smallint' })
  payerCategory!: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  carc!: string;

  @Column({ type: 'bigint' })
  lines!: string;

  @Column({ name: 'charge_cents', type: 'bigint' })
  chargeCents!: string;
}
