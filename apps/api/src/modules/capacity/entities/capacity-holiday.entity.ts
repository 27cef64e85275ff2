import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day on which nothing is open and nobody works, for every department ('') or for one. */
@Entity({ name: 'capacity_holiday' })
export class CapacityHolidayEntity {
  /** A calendar date, read as text: never a Date that a time zone could shift. */
  @PrimaryColumn({ type: 'date' })
  date!: string;

  /** '' = every department (a key column cannot be null). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  department!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;
}
