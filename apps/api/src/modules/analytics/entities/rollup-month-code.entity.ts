import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RollupMeasures } from './rollup-measures.js';

/**
 * Additive measures per month, code and department (the code views: movers, top codes,
 * drill-downs). The section is the code's, kept so section filters need no join. Refreshed
 * by each import for the months it touched, like rollup_month.
 */
@Entity({ name: 'rollup_month_code' })
export class RollupMonthCodeEntity extends RollupMeasures {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'code_id', type: 'integer' })
  codeId!: number;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ type: 'smallint' })
  section!: number;
}
