import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, dictionaries, the procedure-line fact table and the import bookkeeping.
 * The fact table carries no foreign keys on purpose: it is written only by the import's
 * set-based SQL, which fills the dictionaries first in the same transaction, and a
 * foreign-key check per row would slow bulk loads several times over.
 */
export class InitialSchema1795780000000 implements MigrationInterface {
  name = 'InitialSchema1795780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_user" ("id" SERIAL NOT NULL, "email" character varying(254) NOT NULL, "password_hash" text NOT NULL, "role" character varying(16) NOT NULL, "departments" text array NOT NULL DEFAULT '{}', "disabled" boolean NOT NULL DEFAULT false, "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "department" ("id" SERIAL NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "created_by_import" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_62690f4fe31da9eb824d909285f" UNIQUE ("code"), CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "payer" ("id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "UQ_6322f9ab32f15b580f9c7c98021" UNIQUE ("name"), CONSTRAINT "PK_b397f4290f45cd2e824c63200f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "procedure_code" ("id" SERIAL NOT NULL, "code" character varying(5) NOT NULL, "section" smallint NOT NULL, CONSTRAINT "UQ_776b63498a42b16cced50c5e9cf" UNIQUE ("code"), CONSTRAINT "PK_4710d7a2c97f6bfd3cfb0a48f9b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "encounter" ("id" BIGSERIAL NOT NULL, "external_id" character varying(64) NOT NULL, "patient_key" integer NOT NULL, CONSTRAINT "UQ_5ffe98e1bba2764c805d7180dc8" UNIQUE ("external_id"), CONSTRAINT "PK_1cf9e15e693ff9f0ef9b9061372" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "import_rejection" ("import_id" integer NOT NULL, "row_number" integer NOT NULL, "column_name" character varying(64), "reason" text NOT NULL, "raw" text NOT NULL, CONSTRAINT "PK_d9300a208b5b8cebf3560b756cd" PRIMARY KEY ("import_id", "row_number"))`);
    await queryRunner.query(`CREATE TABLE "import" ("id" SERIAL NOT NULL, "status" character varying(16) NOT NULL, "file_name" character varying(255), "file_bytes" bigint NOT NULL DEFAULT '0', "file_sha256" character varying(64), "progress" real NOT NULL DEFAULT '0', "rows_total" integer NOT NULL DEFAULT '0', "rows_loaded" integer NOT NULL DEFAULT '0', "rows_rejected" integer NOT NULL DEFAULT '0', "departments_created" jsonb NOT NULL DEFAULT '[]', "unknown_columns" jsonb NOT NULL DEFAULT '[]', "error" text, "created_by" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4ed733f5bcc70cec27187bd90eb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "patient" ("id" SERIAL NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "UQ_2acca00643998b1aaa4ce26abc7" UNIQUE ("hash"), CONSTRAINT "PK_8dfa510bb29ad31ab2139fbfb99" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "procedure_line" ("encounter_key" bigint NOT NULL, "line_number" integer NOT NULL, "patient_key" integer NOT NULL, "service_date" date NOT NULL, "department_id" integer NOT NULL, "code_id" integer NOT NULL, "section" smallint NOT NULL, "modifiers" character varying(11), "units" smallint NOT NULL, "place_of_service" smallint NOT NULL, "payer_id" integer, "payer_category" smallint NOT NULL, "provider_npi" bigint, "charge_cents" bigint NOT NULL, "allowed_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL, "claim_status" smallint NOT NULL, "denial_reason" character varying(8), "minutes" smallint, "import_id" integer NOT NULL, CONSTRAINT "PK_a17b11fc2795d442b668f5517e2" PRIMARY KEY ("encounter_key", "line_number"))`);
    await queryRunner.query(`CREATE INDEX "procedure_line_service_date_idx" ON "procedure_line"  ("service_date") `);  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['procedure_line', 'patient', 'import', 'import_rejection', 'encounter', 'procedure_code', 'payer', 'department', 'app_user']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
