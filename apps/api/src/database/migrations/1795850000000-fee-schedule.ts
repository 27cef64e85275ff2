import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Medicare Physician Fee Schedule by year: RVUs per code and pricing modifier, GPCIs per
 * locality, and the conversion factor. The shipped 2025 schedule is loaded by the server at
 * its first start (FeeScheduleService), not here, so the data has one loader and one format.
 */
export class FeeSchedule1795850000000 implements MigrationInterface {
  name = 'FeeSchedule1795850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fee_schedule_rvu" ("year" smallint NOT NULL, "code" character varying(5) NOT NULL, "modifier" character varying(2) NOT NULL, "status" character varying(1) NOT NULL, "work_rvu" numeric(8,2) NOT NULL, "pe_non_facility_rvu" numeric(8,2) NOT NULL, "pe_facility_rvu" numeric(8,2) NOT NULL, "mp_rvu" numeric(8,2) NOT NULL, "global_days" character varying(3) NOT NULL, "pctc_indicator" character varying(1) NOT NULL, "non_facility_na" boolean NOT NULL, "facility_na" boolean NOT NULL, CONSTRAINT "PK_c8fdde4a6738ae0e8034d7e45fb" PRIMARY KEY ("year", "code", "modifier"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_schedule_gpci" ("year" smallint NOT NULL, "carrier" character varying(5) NOT NULL, "locality" character varying(2) NOT NULL, "state" character varying(2) NOT NULL, "name" character varying(100) NOT NULL, "work_gpci" numeric(6,3) NOT NULL, "pe_gpci" numeric(6,3) NOT NULL, "mp_gpci" numeric(6,3) NOT NULL, CONSTRAINT "PK_0633b2064231c0f79f1e4c0cf36" PRIMARY KEY ("year", "carrier", "locality"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fee_schedule_cf" ("year" smallint NOT NULL, "conversion_factor" numeric(9,4) NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_882d1207cd05f2a9f91109c8a4c" PRIMARY KEY ("year"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fee_schedule_cf', 'fee_schedule_gpci', 'fee_schedule_rvu']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
