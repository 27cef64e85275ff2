import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row of a year's Medicare RVU file: a code, or a code with a pricing modifier (26, TC,
 * 53). CMS's numbers only; no descriptor text is stored.
 */
@Entity({ name: 'fee_schedule_rvu' })
export class FeeScheduleRvuEntity {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  /** '' for the global row. */
  @PrimaryColumn({ type: 'varchar', length: 2 })
  modifier!: string;

  @Column({ type: 'varchar', length: 1 })
  status!: string;

  /** numeric arrives from PostgreSQL as a string; the repository converts it. */
  @Column({ name: 'work_rvu', type: 'numeric', precision: 8, scale: 2 })
  workRvu!: string;

  @Column({ name: 'pe_non_facility_rvu', type: 'numeric', precision: 8, scale: 2 })
  peNonFacilityRvu!: string;

  @Column({ name: 'pe_facility_rvu', type: 'numeric', precision: 8, scale: 2 })
  peFacilityRvu!: string;

  @Column({ name: 'mp_rvu', type: 'numeric', precision: 8, scale: 2 })
  mpRvu!: string;

  @Column({ name: 'global_days', type: 'varchar', length: 3 })
  globalDays!: string;

  @Column({ name: 'pctc_indicator', type: 'varchar', length: 1 })
  pctcIndicator!: string;

  @Column({ name: 'non_facility_na', type: 'boolean' })
  nonFacilityNa!: boolean;

  @Column({ name: 'facility_na', type: 'boolean' })
  facilityNa!: boolean;
}
