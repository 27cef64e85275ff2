import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year's conversion factor, taken from that year's RVU file. */
@Entity({ name: 'fee_schedule_cf' })
export class FeeScheduleCfEntity {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @Column({ name: 'conversion_factor', type: 'numeric', precision: 9, scale: 4 })
  conversionFactor!: string;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}
