import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The units of the priced lines per month, department and code, by the fee-schedule row
 * that priced them (the modifier, '' for the global row) and the setting. A what-if prices
 * these again under another conversion factor or work RVUs, to the cent, without reading the
 * facts. Kept by each import's delta; rebuilt whole when the lines are priced again.
 */
@Entity({ name: 'rollup_month_price' })
export class RollupMonthPriceEntity {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ name: 'code_id', type: 'integer' })
  codeId!: number;

  @PrimaryColumn({ name: 'price_modifier', type: 'varchar', length: 2 })
  priceModifier!: string;

  @PrimaryColumn({ type: 'boolean' })
  facility!: boolean;

  @Column({ type: 'smallint' })
  section!: number;

  @Column({ type: 'bigint' })
  lines!: string;

  @Column({ type: 'bigint' })
  units!: string;
}
