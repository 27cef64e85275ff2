import { Entity, PrimaryColumn } from 'typeorm';
import { RollupMeasures } from './rollup-measures.js';

/**
 * Additive measures of the facts per month and slice (department, section, payer category,
 * place of service): a few thousand rows a month however many lines there are. Kept exact
 * by each import, which recomputes the months it touched inside its own transaction.
 */
@Entity({ name: 'rollup_month' })
export class RollupMonthEntity extends RollupMeasures {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'smallint' })
  section!: number;

  @PrimaryColumn({ name: 'payer_category', type: 'smallint' })
  payerCategory!: number;

  @PrimaryColumn({ name: 'place_of_service', type: 'smallint' })
  placeOfService!: number;
}
