import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of a code's profile: the minutes one unit of the code takes of a resource type. */
@Entity({ name: 'capacity_profile' })
export class CapacityProfileEntity {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  @PrimaryColumn({ name: 'resource_type', type: 'varchar', length: 40 })
  resourceType!: string;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  minutes!: string;
}
