import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A department's units (equipment) or FTEs (staff) of a resource type and their weekly
 * hours. The department is its code, as the lines name it: an inventory may be entered
 * before the department's first import.
 */
@Entity({ name: 'capacity_inventory' })
export class CapacityInventoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  department!: string;

  @PrimaryColumn({ name: 'resource_type', type: 'varchar', length: 40 })
  resourceType!: string;

  /** numeric arrives from PostgreSQL as a string; the repository converts it. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  count!: string;

  @Column({ name: 'hours_mon', type: 'numeric', precision: 4, scale: 2 })
  hoursMon!: string;

  @Column({ name: 'hours_tue', type: 'numeric', precision: 4, scale: 2 })
  hoursTue!: string;

  @Column({ name: 'hours_wed', type: 'numeric', precision: 4, scale: 2 })
  hoursWed!: string;

  @Column({ name: 'hours_thu', type: 'numeric', precision: 4, scale: 2 })
  hoursThu!: string;

  @Column({ name: 'hours_fri', type: 'numeric', precision: 4, scale: 2 })
  hoursFri!: string;

  @Column({ name: 'hours_sat', type: 'numeric', precision: 4, scale: 2 })
  hoursSat!: string;

  @Column({ name: 'hours_sun', type: 'numeric', precision: 4, scale: 2 })
  hoursSun!: string;

  /** Staff only: productive hours of 1 FTE a year; null = the default (1768). */
  @Column({ name: 'productive_hours_per_fte', type: 'numeric', precision: 6, scale: 1, nullable: true })
  productiveHoursPerFte!: string | null;
}
