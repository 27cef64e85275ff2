import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Maps the source system's encounter id to a compact key and pins it to one patient. */
@Entity({ name: 'encounter' })
export class EncounterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 64, unique: true })
  externalId!: string;

  @Column({ name: 'patient_key', type: 'integer' })
  patientKey!: number;
}
