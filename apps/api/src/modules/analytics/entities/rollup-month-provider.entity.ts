import { Entity, PrimaryColumn } from 'typeorm';
import { RollupMeasures } from './rollup-measures.js';

/**
 * Additive measures per month, department, section and rendering provider (the provider
 * views: work RVUs by provider). A line without a provider is kept under NPI 0. Kept by each
 * import's delta like rollup_month, and recomputed for the months a repricing touched.
 */
@Entity({ name: 'rollup_month_provider' })
export class RollupMonthProviderEntity extends RollupMeasures {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'smallint' })
  section!: number;

  /** 0 for lines without a provider. */
  @PrimaryColumn({ name: 'provider_npi', type: 'bigint' })
  providerNpi!: string;
}
