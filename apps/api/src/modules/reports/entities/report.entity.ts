import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A saved report: an export query with a moving date range, and when and where it goes. */
@Entity({ name: 'report' })
export class ReportEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The user who saved it; runs export with their role and department scope. */
  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  /** The aggregate query without dates, as query-string parameters. */
  @Column({ type: 'jsonb' })
  query!: Record<string, string>;

  /** `{ preset }` or `{ preset: 'fixed', from, to }`. */
  @Column({ type: 'jsonb' })
  range!: Record<string, string>;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  @Column({ type: 'boolean' })
  suppress!: boolean;

  /** `{ frequency, cron }`, or null: runs only when asked. */
  @Column({ type: 'jsonb', nullable: true })
  schedule!: { frequency: string; cron: string } | null;

  @Column({ name: 'write_file', type: 'boolean' })
  writeFile!: boolean;

  @Column({ name: 'webhook_url', type: 'varchar', length: 2000, nullable: true })
  webhookUrl!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
