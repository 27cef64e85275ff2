import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Service years from_year..to_year are priced from the rows of (rvu_year, gpci_year) in fee_schedule_price. */
@Entity({ name: 'fee_schedule_price_period' })
export class FeeSchedulePricePeriodEntity {
  @PrimaryColumn({ name: 'from_year', type: 'smallint' })
  fromYear!: number;

  @Column({ name: 'to_year', type: 'smallint' })
  toYear!: number;

  @Column({ name: 'rvu_year', type: 'smallint' })
  rvuYear!: number;

  @Column({ name: 'gpci_year', type: 'smallint' })
  gpciYear!: number;
}
