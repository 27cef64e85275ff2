import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { PG_POOL } from '../../database/database.tokens.js';
import { STAGING_COLUMNS } from './staging-row.js';
import type { ImportStatus } from './entities/import.entity.js';

export interface ImportRecord {
  id: number;
  status: ImportStatus;
  fileName: string | null;
  fileBytes: number;
  progress: number;
  rowsTotal: number;
  rowsLoaded: number;
  rowsRejected: number;
  departmentsCreated: string[];
  unknownColumns: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RejectionRecord {
  rowNumber: number;
  column: string | null;
  reason: string;
  raw: string;
}

export interface LoadOutcome {
  rowsLoaded: number;
  rowsRejected: number;
  departmentsCreated: string[];
}

/** Serialises the load phase of concurrent imports, across processes too. */
const IMPORT_LOCK_KEY = 7_233_001;

const IMPORT_SELECT = `SELECT id, status, file_name, file_bytes, progress, rows_total, rows_loaded, rows_rejected,
  departments_created, unknown_columns, error, created_at, finished_at FROM import`;

function toImportRecord(row: Record<string, unknown>): ImportRecord {
  return {
    id: Number(row['id']),
    status: row['status'] as ImportStatus,
    fileName: (row['file_name'] as string | null) ?? null,
    fileBytes: Number(row['file_bytes']),
    progress: Number(row['progress']),
    rowsTotal: Number(row['rows_total']),
    rowsLoaded: Number(row['rows_loaded']),
    rowsRejected: Number(row['rows_rejected']),
    departmentsCreated: row['departments_created'] as string[],
    unknownColumns: row['unknown_columns'] as string[],
    error: (row['error'] as string | null) ?? null,
    createdAt: (row['created_at'] as Date).toISOString(),
    finishedAt: row['finished_at'] === null ? null : (row['finished_at'] as Date).toISOString(),
  };
}

/** Every query of the import: bookkeeping, the staging COPY and the set-based load. */
@Injectable()
export class IngestRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async createImport(fileName: string | null, fileBytes: number, sha256: string | null, userId: number | null): Promise<number> {
    const { rows } = await this.pool.query(
      `INSERT INTO import (status, file_name, file_bytes, file_sha256, created_by) VALUES ('queued', $1, $2, $3, $4) RETURNING id`,
      [fileName, fileBytes, sha256, userId],
    );
    return Number(rows[0].id);
  }

  async findImport(id: number): Promise<ImportRecord | null> {
    const { rows } = await this.pool.query(`${IMPORT_SELECT} WHERE id = $1`, [id]);
    return rows.length === 0 ? null : toImportRecord(rows[0]);
  }

  async listImports(limit: number): Promise<ImportRecord[]> {
    const { rows } = await this.pool.query(`${IMPORT_SELECT} ORDER BY id DESC LIMIT $1`, [limit]);
    return rows.map(toImportRecord);
  }

  async markRunning(id: number, unknownColumns: string[]): Promise<void> {
    await this.pool.query(`UPDATE import SET status = 'running', unknown_columns = $2 WHERE id = $1`, [id, JSON.stringify(unknownColumns)]);
  }

  async reportProgress(id: number, progress: number): Promise<void> {
    await this.pool.query(`UPDATE import SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, progress]);
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.pool.query(`UPDATE import SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [id, error]);
  }

  /** Imports that were under way when the server stopped: their transaction never committed. */
  async failInterrupted(): Promise<number> {
    const result = await this.pool.query(
      `UPDATE import SET status = 'failed', finished_at = now(),
         error = 'The import was interrupted (the server stopped); nothing from it was loaded. Import the file again.'
       WHERE status IN ('queued', 'running')`,
    );
    return result.rowCount ?? 0;
  }

  async rejections(id: number, limit: number, offset: number): Promise<RejectionRecord[]> {
    const { rows } = await this.pool.query(
      `SELECT row_number, column_name, reason, raw FROM import_rejection WHERE import_id = $1 ORDER BY row_number LIMIT $2 OFFSET $3`,
      [id, limit, offset],
    );
    return rows.map((row) => ({ rowNumber: Number(row.row_number), column: row.column_name, reason: row.reason, raw: row.raw }));
  }

  /**
   * Opens the import's transaction with an empty staging table and hands back a COPY stream
   * into it. Nothing is visible to anyone until `load` commits.
   */
  async beginStaging(): Promise<{ client: PoolClient; copy: Writable }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE TEMP TABLE stg (${STAGING_COLUMNS.join(', ')}) ON COMMIT DROP`);
      const copy = client.query(copyFrom(`COPY stg FROM STDIN`));
      return { client, copy };
    } catch (error) {
      await this.abort(client);
      throw error;
    }
  }

  async abort(client: PoolClient): Promise<void> {
    try {
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  }

  /**
   * The set-based load, inside the staging transaction: default line numbers, the
   * encounter↔patient rule, duplicate keys, dictionaries, then the facts (a later file
   * replaces lines with the same key), the rejections and the import's summary — committed
   * together or not at all.
   */
  async load(client: PoolClient, importId: number): Promise<LoadOutcome> {
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      await client.query(`ANALYZE stg`);
      // A line without a number takes its position among its encounter's lines in this file.
      await client.query(`
        CREATE TEMP TABLE stg_keyed ON COMMIT DROP AS
        SELECT s.*, coalesce(s.line_number, row_number() OVER (PARTITION BY s.encounter_ext ORDER BY s.row_no))::int AS ln
        FROM stg s WHERE s.encounter_ext IS NOT NULL`);
      await client.query(`
        CREATE TEMP TABLE stg_checked ON COMMIT DROP AS
        SELECT k.*,
          first_value(k.row_no) OVER enc AS enc_first_row,
          coalesce(p.hash, first_value(k.patient_hash) OVER enc) AS enc_patient,
          p.hash IS NOT NULL AS enc_known,
          first_value(k.row_no) OVER (PARTITION BY k.encounter_ext, k.ln ORDER BY k.row_no) AS key_first_row
        FROM stg_keyed k
        LEFT JOIN encounter e ON e.external_id = k.encounter_ext
        LEFT JOIN patient p ON p.id = e.patient_key
        WHERE k.err_reason IS NULL
        WINDOW enc AS (PARTITION BY k.encounter_ext ORDER BY k.row_no)`);
      await client.query(`
        CREATE TEMP TABLE good ON COMMIT DROP AS
        SELECT * FROM stg_checked WHERE patient_hash = enc_patient AND key_first_row = row_no`);
      await client.query(`ANALYZE good`);

      const rejected = await client.query(
        `INSERT INTO import_rejection (import_id, row_number, column_name, reason, raw)
         SELECT $1::int, row_no, err_column, err_reason, raw FROM stg WHERE err_reason IS NOT NULL
         UNION ALL
         SELECT $1::int, row_no, 'patient_id',
           CASE WHEN enc_known
             THEN format('encounter_id "%s" belongs to a different patient in an earlier import; every line of an encounter must carry the same patient_id', encounter_ext)
             ELSE format('encounter_id "%s" has a different patient_id on row %s; every line of an encounter must carry the same patient_id', encounter_ext, enc_first_row)
           END, raw
         FROM stg_checked WHERE patient_hash <> enc_patient
         UNION ALL
         SELECT $1::int, row_no, 'line_number',
           format('duplicate of row %s: encounter_id "%s" with line_number %s appears twice in this file', key_first_row, encounter_ext, ln), raw
         FROM stg_checked WHERE patient_hash = enc_patient AND key_first_row <> row_no`,
        [importId],
      );

      const departments = await client.query(
        `INSERT INTO department (code, name, created_by_import)
         SELECT DISTINCT g.department, g.department, $1::int FROM good g
         WHERE NOT EXISTS (SELECT 1 FROM department d WHERE d.code = g.department)
         ORDER BY 1 RETURNING code`,
        [importId],
      );
      await client.query(`
        INSERT INTO procedure_code (code, section)
        SELECT DISTINCT g.code, g.section FROM good g
        WHERE NOT EXISTS (SELECT 1 FROM procedure_code c WHERE c.code = g.code)`);
      await client.query(`
        INSERT INTO payer (name)
        SELECT DISTINCT g.payer FROM good g
        WHERE g.payer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payer p WHERE p.name = g.payer)`);
      await client.query(`
        INSERT INTO patient (hash)
        SELECT DISTINCT g.patient_hash FROM good g
        WHERE NOT EXISTS (SELECT 1 FROM patient p WHERE p.hash = g.patient_hash)`);
      await client.query(`
        INSERT INTO encounter (external_id, patient_key)
        SELECT DISTINCT ON (g.encounter_ext) g.encounter_ext, p.id
        FROM good g JOIN patient p ON p.hash = g.patient_hash
        WHERE NOT EXISTS (SELECT 1 FROM encounter e WHERE e.external_id = g.encounter_ext)
        ORDER BY g.encounter_ext`);

      await client.query(`
        DELETE FROM procedure_line f
        USING good g JOIN encounter e ON e.external_id = g.encounter_ext
        WHERE f.encounter_key = e.id AND f.line_number = g.ln`);
      const loaded = await client.query(
        `INSERT INTO procedure_line (encounter_key, line_number, patient_key, service_date, department_id, code_id, section,
           modifiers, units, place_of_service, payer_id, payer_category, provider_npi, charge_cents, allowed_cents, paid_cents,
           claim_status, denial_reason, minutes, import_id)
         SELECT e.id, g.ln, e.patient_key, g.service_date, d.id, c.id, g.section,
           g.modifiers, g.units, g.pos, py.id, g.payer_category, g.npi, g.charge, g.allowed, g.paid,
           g.status, g.denial, g.minutes, $1
         FROM good g
         JOIN encounter e ON e.external_id = g.encounter_ext
         JOIN department d ON d.code = g.department
         JOIN procedure_code c ON c.code = g.code
         LEFT JOIN payer py ON py.name = g.payer
         ORDER BY g.service_date`,
        [importId],
      );

      const outcome: LoadOutcome = {
        rowsLoaded: loaded.rowCount ?? 0,
        rowsRejected: rejected.rowCount ?? 0,
        departmentsCreated: departments.rows.map((row) => row.code as string),
      };
      await client.query(
        `UPDATE import SET status = 'completed', progress = 1, rows_total = $2, rows_loaded = $3, rows_rejected = $4,
           departments_created = $5, finished_at = now() WHERE id = $1`,
        [importId, outcome.rowsLoaded + outcome.rowsRejected, outcome.rowsLoaded, outcome.rowsRejected, JSON.stringify(outcome.departmentsCreated)],
      );
      await client.query('COMMIT');
      client.release();
      return outcome;
    } catch (error) {
      await this.abort(client);
      throw error;
    }
  }
}
