import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RollupMeasures } from './rollup-measures.js';

/**
 * Additive measures per service date, code and department: what a day- or week-grain question
 * by code, or a range of part months, would otherwise read from every line (daily procedure
 * counts, exports by day and code). The section is the code's. Kept by each import's delta for
 * the days it touched, and recomputed for the months a repricing touched.
 */
@Entity({ name: 'rollup_day_code' })
export class RollupDayCodeEntity extends RollupMeasures {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ name: 'code_id', type: 'integer' })
  codeId!: number;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ type: 'smallint' })
  section!: number;
}
