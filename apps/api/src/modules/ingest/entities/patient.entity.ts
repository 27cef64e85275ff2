import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A patient is known only by a keyed hash (HMAC-SHA256 with the server secret) of the id. */
@Entity({ name: 'patient' })
export class PatientEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bytea', unique: true })
  hash!: Buffer;
}
