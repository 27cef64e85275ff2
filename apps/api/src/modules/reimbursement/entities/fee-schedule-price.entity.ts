import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One unit of an RVU row priced in one setting for the configured locality, as the domain's
 * `priceLine` computes it: the table the import and the repricing join to price lines in SQL.
 */
@Entity({ name: 'fee_schedule_price' })
export class FeeSchedulePriceEntity {
  @PrimaryColumn({ name: 'rvu_year', type: 'smallint' })
  rvuYear!: number;

  /** 0 for the national average. */
  @PrimaryColumn({ name: 'gpci_year', type: 'smallint' })
  gpciYear!: number;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  modifier!: string;

  @PrimaryColumn({ type: 'boolean' })
  facility!: boolean;

  @Column({ type: 'boolean' })
  payable!: boolean;

  @Column({ name: 'work_hundredths', type: 'integer' })
  workHundredths!: number;

  @Column({ name: 'fee_cents', type: 'integer' })
  feeCents!: number;
}
