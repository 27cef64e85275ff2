import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_MONTH_DENIAL_REFRESH, ROLLUP_MONTH_PRICE_REFRESH } from '../../modules/analytics/rollup-sql.js';

/**
 * The reimbursement page's rollups, filled from the facts already loaded: the priced units by
 * the schedule row that priced them (for what-ifs), and the denied lines by CARC. Also the
 * table of CARC descriptions the user loads.
 */
export class ReimbursementRollups1795870000000 implements MigrationInterface {
  name = 'ReimbursementRollups1795870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rollup_month_price" ("month" date NOT NULL, "department_id" integer NOT NULL, "code_id" integer NOT NULL, "price_modifier" character varying(2) NOT NULL, "facility" boolean NOT NULL, "section" smallint NOT NULL, "lines" bigint NOT NULL, "units" bigint NOT NULL, CONSTRAINT "PK_rollup_month_price" PRIMARY KEY ("month", "department_id", "code_id", "price_modifier", "facility"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rollup_month_denial" ("month" date NOT NULL, "department_id" integer NOT NULL, "section" smallint NOT NULL, "payer_category" smallint NOT NULL, "carc" character varying(8) NOT NULL, "lines" bigint NOT NULL, "charge_cents" bigint NOT NULL, CONSTRAINT "PK_rollup_month_denial" PRIMARY KEY ("month", "department_id", "section", "payer_category", "carc"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "denial_reason_code" ("code" character varying(8) NOT NULL, "description" character varying(1000) NOT NULL, CONSTRAINT "PK_denial_reason_code" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(ROLLUP_MONTH_PRICE_REFRESH.replace('$LINES_FILTER', 'true'));
    await queryRunner.query(ROLLUP_MONTH_DENIAL_REFRESH.replace('$LINES_FILTER', 'true'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['denial_reason_code', 'rollup_month_denial', 'rollup_month_price']) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
