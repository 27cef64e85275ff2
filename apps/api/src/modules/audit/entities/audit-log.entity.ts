import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audit record. Append-only: a trigger in the database refuses UPDATE, DELETE and
 * TRUNCATE, so not even a bug in the server can rewrite history.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_action_id_idx', ['action', 'id'])
@Index('audit_log_actor_id_idx', ['actor', 'id'])
@Index('audit_log_at_idx', ['at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text' })
  action!: string;

  /** The acting user's email; for a failed sign-in, the email that was tried. */
  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  /** The client address. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** What happened, never a patient identifier nor a password. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
