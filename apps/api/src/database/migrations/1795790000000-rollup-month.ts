import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_MONTH_REFRESH } from '../../modules/analytics/rollup-sql.js';

/** The monthly rollup of additive measures, filled from the facts already loaded. */
export class RollupMonth1795790000000 implements MigrationInterface {
  name = 'RollupMonth1795790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rollup_month" ("month" date NOT NULL, "department_id" integer NOT NULL, "section" smallint NOT NULL, "payer_category" smallint NOT NULL, "place_of_service" smallint NOT NULL, "lines" bigint NOT NULL, "units" bigint NOT NULL, "charge_cents" bigint NOT NULL, "allowed_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL, "denied_lines" bigint NOT NULL, "adjudicated_lines" bigint NOT NULL, CONSTRAINT "PK_1d1bc169ca5e6c73ac27ea6f72a" PRIMARY KEY ("month", "department_id", "section", "payer_category", "place_of_service"))`,
    );
    await queryRunner.query(ROLLUP_MONTH_REFRESH.replace('$MONTHS_FILTER', 'TRUE'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollup_month"`);
  }
}
