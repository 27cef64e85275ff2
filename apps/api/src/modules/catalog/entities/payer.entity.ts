import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'payer' })
export class PayerEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;
}
