import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The capacity model (DESIGN §3.2 resources): resource types, each department's units or
 * FTEs and weekly hours, the holiday calendar, and per code the minutes of each resource
 * type (its profile). Keys are the codes people type (department code, resource-type key,
 * procedure code), not ids: the model is edited and imported as a whole, and may name a
 * department or code before any line does. The demo model is loaded by the demo seeding.
 */
export class Capacity1795880000000 implements MigrationInterface {
  name = 'Capacity1795880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "capacity_resource_type" ("key" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "kind" character varying(16) NOT NULL, CONSTRAINT "PK_5d0c1d651a64d3f51d15a9f56a9" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "capacity_inventory" ("department" character varying(32) NOT NULL, "resource_type" character varying(40) NOT NULL, "count" numeric(10,2) NOT NULL, "hours_mon" numeric(4,2) NOT NULL, "hours_tue" numeric(4,2) NOT NULL, "hours_wed" numeric(4,2) NOT NULL, "hours_thu" numeric(4,2) NOT NULL, "hours_fri" numeric(4,2) NOT NULL, "hours_sat" numeric(4,2) NOT NULL, "hours_sun" numeric(4,2) NOT NULL, "productive_hours_per_fte" numeric(6,1), CONSTRAINT "PK_9a857c8cfd74f4a84fe4a5eb80d" PRIMARY KEY ("department", "resource_type"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "capacity_holiday" ("date" date NOT NULL, "department" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "PK_e9dfb49793b8dca6d4edf537e2b" PRIMARY KEY ("date", "department"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "capacity_profile" ("code" character varying(5) NOT NULL, "resource_type" character varying(40) NOT NULL, "minutes" numeric(7,2) NOT NULL, CONSTRAINT "PK_9dca12e6337faaa2682aea4f693" PRIMARY KEY ("code", "resource_type"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['capacity_profile', 'capacity_holiday', 'capacity_inventory', 'capacity_resource_type']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
