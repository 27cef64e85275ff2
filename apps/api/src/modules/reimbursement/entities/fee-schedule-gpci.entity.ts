import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One Medicare locality's GPCIs for a year, keyed as CASELOAD_LOCALITY names it (01112-05). */
@Entity({ name: 'fee_schedule_gpci' })
export class FeeScheduleGpciEntity {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  /** The Medicare Administrative Contractor number. */
  @PrimaryColumn({ type: 'varchar', length: 5 })
  carrier!: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  locality!: string;

  @Column({ type: 'varchar', length: 2 })
  state!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'work_gpci', type: 'numeric', precision: 6, scale: 3 })
  workGpci!: string;

  @Column({ name: 'pe_gpci', type: 'numeric', precision: 6, scale: 3 })
  peGpci!: string;

  @Column({ name: 'mp_gpci', type: 'numeric', precision: 6, scale: 3 })
  mpGpci!: string;
}
