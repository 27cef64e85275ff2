import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Dictionary of the codes seen in facts; the fact table stores the id. */
@Entity({ name: 'procedure_code' })
export class ProcedureCodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 5, unique: true })
  code!: string;

  /** Index into SECTIONS of @caseload/domain. */
  @Column({ type: 'smallint' })
  section!: number;
}
