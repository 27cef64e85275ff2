import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'admin' | 'analyst' | 'viewer';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** Department codes the user is limited to; empty means every department. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  departments!: string[];

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Bumped on disable or password change, so tokens issued before stop working at once. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
