import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

@Entity({ name: 'import' })
export class ImportEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ name: 'file_bytes', type: 'bigint', default: 0 })
  fileBytes!: string;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64, nullable: true })
  fileSha256!: string | null;

  @Column({ type: 'real', default: 0 })
  progress!: number;

  @Column({ name: 'rows_total', type: 'integer', default: 0 })
  rowsTotal!: number;

  @Column({ name: 'rows_loaded', type: 'integer', default: 0 })
  rowsLoaded!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  @Column({ name: 'departments_created', type: 'jsonb', default: () => "'[]'" })
  departmentsCreated!: string[];

  @Column({ name: 'unknown_columns', type: 'jsonb', default: () => "'[]'" })
  unknownColumns!: string[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
