import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One run of a saved report, by its schedule or on request, with its outcome. */
@Entity({ name: 'report_run' })
@Index('report_run_report_id_idx', ['reportId', 'id'])
export class ReportRunEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'report_id', type: 'integer' })
  reportId!: number;

  @Column({ type: 'varchar', length: 8 })
  trigger!: string;

  /** running, succeeded or failed. */
  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'smallint' })
  attempts!: number;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'range_from', type: 'date' })
  rangeFrom!: string;

  @Column({ name: 'range_to', type: 'date' })
  rangeTo!: string;

  @Column({ type: 'bigint', nullable: true })
  bytes!: string | null;

  /** The file under the reports folder, relative to it; null when not kept. */
  @Column({ name: 'file_path', type: 'varchar', length: 500, nullable: true })
  filePath!: string | null;

  @Column({ name: 'webhook_status', type: 'smallint', nullable: true })
  webhookStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
