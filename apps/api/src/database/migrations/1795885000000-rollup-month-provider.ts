import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_MONTH_PROVIDER_REFRESH } from '../../modules/analytics/rollup-sql.js';

/** The monthly rollup by provider (lines without one under NPI 0), filled from the facts already loaded. */
export class RollupMonthProvider1795885000000 implements MigrationInterface {
  name = 'RollupMonthProvider1795885000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rollup_month_provider" ("month" date NOT NULL, "department_id" integer NOT NULL, "section" smallint NOT NULL, "provider_npi" bigint NOT NULL, "lines" bigint NOT NULL, "units" bigint NOT NULL, "charge_cents" bigint NOT NULL, "allowed_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL, "denied_lines" bigint NOT NULL, "adjudicated_lines" bigint NOT NULL, "wrvu_hundredths" bigint NOT NULL, "expected_cents" bigint NOT NULL, "unpriced_lines" bigint NOT NULL, CONSTRAINT "PK_rollup_month_provider" PRIMARY KEY ("month", "department_id", "section", "provider_npi"))`,
    );
    await queryRunner.query(ROLLUP_MONTH_PROVIDER_REFRESH.replace('$LINES_FILTER', 'true'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollup_month_provider"`);
  }
}
