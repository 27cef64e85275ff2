import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved reports and their runs (a report's runs go with it). */
export class Reports1795890000000 implements MigrationInterface {
  name = 'Reports1795890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "owner_id" integer NOT NULL, "query" jsonb NOT NULL, "range" jsonb NOT NULL, "format" character varying(8) NOT NULL, "suppress" boolean NOT NULL, "schedule" jsonb, "write_file" boolean NOT NULL, "webhook_url" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_run" ("id" SERIAL NOT NULL, "report_id" integer NOT NULL, "trigger" character varying(8) NOT NULL, "status" character varying(10) NOT NULL, "attempts" smallint NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "range_from" date NOT NULL, "range_to" date NOT NULL, "bytes" bigint, "file_path" character varying(500), "webhook_status" smallint, "error" text, CONSTRAINT "PK_report_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "report_run_report_id_idx" ON "report_run" ("report_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_run"`);
    await queryRunner.query(`DROP TABLE "report"`);
  }
}
