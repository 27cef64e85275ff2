import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_MONTH_CODE_REFRESH } from '../../modules/analytics/rollup-sql.js';

/** The monthly rollup by code and department, filled from the facts already loaded. */
export class RollupMonthCode1795800000000 implements MigrationInterface {
  name = 'RollupMonthCode1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rollup_month_code" ("month" date NOT NULL, "code_id" integer NOT NULL, "department_id" integer NOT NULL, "section" smallint NOT NULL, "lines" bigint NOT NULL, "units" bigint NOT NULL, "charge_cents" bigint NOT NULL, "allowed_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL, "denied_lines" bigint NOT NULL, "adjudicated_lines" bigint NOT NULL, CONSTRAINT "PK_fa90ef81a14a6a3b5099aa87fd3" PRIMARY KEY ("month", "code_id", "department_id"))`,
    );
    await queryRunner.query(ROLLUP_MONTH_CODE_REFRESH.replace('$MONTHS_FILTER', 'TRUE'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollup_month_code"`);
  }
}
