import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_DAY_CODE_REFRESH } from '../../modules/analytics/rollup-sql.js';

/** The daily rollup by code and department, filled from the facts already loaded. */
export class RollupDayCode1795895000000 implements MigrationInterface {
  name = 'RollupDayCode1795895000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rollup_day_code" ("day" date NOT NULL, "code_id" integer NOT NULL, "department_id" integer NOT NULL, "section" smallint NOT NULL, "lines" bigint NOT NULL, "units" bigint NOT NULL, "charge_cents" bigint NOT NULL, "allowed_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL, "denied_lines" bigint NOT NULL, "adjudicated_lines" bigint NOT NULL, "wrvu_hundredths" bigint NOT NULL, "expected_cents" bigint NOT NULL, "unpriced_lines" bigint NOT NULL, CONSTRAINT "PK_rollup_day_code" PRIMARY KEY ("day", "code_id", "department_id"))`,
    );
    await queryRunner.query(ROLLUP_DAY_CODE_REFRESH.replace('$LINES_FILTER', 'true'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollup_day_code"`);
  }
}
