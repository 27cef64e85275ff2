import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lines carry their price (DESIGN §4 `wrvu`, `expected_payment`): work RVUs in hundredths,
 * expected cents and whether the schedule priced them; the rollups carry their sums and the
 * count of unpriced lines. The price tables are computed by the domain's `priceLine`, so the
 * server fills them at its first start and prices the lines already loaded then, in one
 * transaction (FeeScheduleService); until then every line reads as unpriced, which is what
 * the rollups are filled with here.
 */
export class LinePrices1795860000000 implements MigrationInterface {
  name = 'LinePrices1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "procedure_line" ADD "wrvu_hundredths" integer NOT NULL DEFAULT 0, ADD "expected_cents" bigint NOT NULL DEFAULT 0, ADD "priced" boolean NOT NULL DEFAULT false`,
    );
    for (const table of ['rollup_month', 'rollup_month_code']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "wrvu_hundredths" bigint NOT NULL DEFAULT 0, ADD "expected_cents" bigint NOT NULL DEFAULT 0, ADD "unpriced_lines" bigint NOT NULL DEFAULT 0`,
      );
      await queryRunner.query(`UPDATE "${table}" SET "unpriced_lines" = "lines"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "wrvu_hundredths" DROP DEFAULT, ALTER COLUMN "expected_cents" DROP DEFAULT, ALTER COLUMN "unpriced_lines" DROP DEFAULT`,
      );
    }
    await queryRunner.query(
      `CREATE TABLE "fee_schedule_price" ("rvu_year" smallint NOT NULL, "gpci_year" smallint NOT NULL, "code" character varying(5) NOT NULL, "modifier" character varying(2) NOT NULL, "facility" boolean NOT NULL, "payable" boolean NOT NULL, "work_hundredths" integer NOT NULL, "fee_cents" integer NOT NULL, CONSTRAINT "PK_fee_schedule_price" PRIMARY KEY ("rvu_year", "gpci_year", "code", "modifier", "facility"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_schedule_price_period" ("from_year" smallint NOT NULL, "to_year" smallint NOT NULL, "rvu_year" smallint NOT NULL, "gpci_year" smallint NOT NULL, CONSTRAINT "PK_fee_schedule_price_period" PRIMARY KEY ("from_year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_schedule_reprice" ("id" SERIAL NOT NULL, "locality" character varying(8) NOT NULL, "lines_changed" bigint NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fee_schedule_reprice" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fee_schedule_reprice', 'fee_schedule_price_period', 'fee_schedule_price']) await queryRunner.query(`DROP TABLE "${table}"`);
    for (const table of ['rollup_month_code', 'rollup_month']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "unpriced_lines", DROP COLUMN "expected_cents", DROP COLUMN "wrvu_hundredths"`);
    }
    await queryRunner.query(`ALTER TABLE "procedure_line" DROP COLUMN "priced", DROP COLUMN "expected_cents", DROP COLUMN "wrvu_hundredths"`);
  }
}
