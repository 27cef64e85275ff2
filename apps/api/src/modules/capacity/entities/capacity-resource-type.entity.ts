import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A resource type that profiles and inventories name: equipment (a scanner, a room) or a staff role. */
@Entity({ name: 'capacity_resource_type' })
export class CapacityResourceTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** `equipment` or `staff`; the service checks it. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;
}
