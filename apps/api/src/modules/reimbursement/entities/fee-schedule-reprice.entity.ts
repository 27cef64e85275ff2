import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Each time the lines were priced again (a schedule year loaded, another locality): it moves
 * the data version, so cached answers and the in-memory index see the new amounts.
 */
@Entity({ name: 'fee_schedule_reprice' })
export class FeeScheduleRepriceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** CASELOAD_LOCALITY the prices were computed for; '' for the national average. */
  @Column({ type: 'varchar', length: 8 })
  locality!: string;

  @Column({ name: 'lines_changed', type: 'bigint' })
  linesChanged!: string;

  @Column({ name: 'finished_at', type: 'timestamptz', default: () => 'now()' })
  finishedAt!: Date;
}
