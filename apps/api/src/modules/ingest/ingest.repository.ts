import { Inject, Injectable, Logger } from '@nestjs/common';
import pg, { type Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { PG_POOL } from '../../database/database.tokens.js';
import { ROLLUP_APPLY_DELTA, STAGED_LINE_PRICE } from '../analytics/rollup-sql.js';
import { STAGING_COLUMNS } from './staging-row.js';
import type { ImportStatus } from './entities/import.entity.js';

export interface ImportRecord {
  id: number;
  status: ImportStatus;
  fileName: string | null;
  fileBytes: number;
  fileSha256: string | null;
  /** The user who uploaded it; null for the command line. */
  createdBy: number | null;
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

/** The masked raw text of the given rows, read again from the file (ascending row numbers). */
export type RawLookup = (rowNumbers: number[]) => Promise<Map<number, string>>;

export interface LoadOutcome {
  rowsLoaded: number;
  rowsRejected: number;
  departmentsCreated: string[];
  /** Service dates whose facts changed (new lines, and the old dates of replaced ones). */
  touchedDays: string[];
}

/** Serialises the load phase of concurrent imports, across processes too (and repricing, which changes facts). */
export const IMPORT_LOCK_KEY = 7_233_001;
/** With the import id: held by the connection of an import that is running. */
const RUNNING_LOCK_CLASS = 7_233_002;

const IMPORT_SELECT = `SELECT id, status, file_name, file_bytes, file_sha256, created_by, progress, rows_total, rows_loaded, rows_rejected,
  departments_created, unknown_columns, error, created_at, finished_at FROM import`;

function toImportRecord(row: Record<string, unknown>): ImportRecord {
  return {
    id: Number(row['id']),
    status: row['status'] as ImportStatus,
    fileName: (row['file_name'] as string | null) ?? null,
    fileBytes: Number(row['file_bytes']),
    fileSha256: (row['file_sha256'] as string | null) ?? null,
    createdBy: row['created_by'] === null ? null : Number(row['created_by']),
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
  private readonly logger = new Logger(IngestRepository.name);

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async createImport(fileName: string | null, fileBytes: number, sha256: string | null, userId: number | null): Promise<number> {
    const { rows } = await this.pool.query(
      `INSERT INTO import (status, file_name, file_bytes, file_sha256, created_by) VALUES ('queued', $1, $2, $3, $4) RETURNING id`,
      [fileName, fileBytes, sha256, userId],
    );
    return Number(rows[0].id);
  }

  /** With `createdBy`, only an import that user uploaded (others read as missing). */
  async findImport(id: number, createdBy: number | null = null): Promise<ImportRecord | null> {
    const { rows } = await this.pool.query(`${IMPORT_SELECT} WHERE id = $1 AND ($2::int IS NULL OR created_by = $2)`, [id, createdBy]);
    return rows.length === 0 ? null : toImportRecord(rows[0]);
  }

  async listImports(limit: number, createdBy: number | null = null): Promise<ImportRecord[]> {
    const { rows } = await this.pool.query(`${IMPORT_SELECT} WHERE ($2::int IS NULL OR created_by = $2) ORDER BY id DESC LIMIT $1`, [limit, createdBy]);
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
       WHERE status IN ('queued', 'running') AND pg_try_advisory_xact_lock($1::int, id)`,
      [RUNNING_LOCK_CLASS],
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
  async beginStaging(importId: number): Promise<{ client: pg.Client; copy: Writable }> {
    // A connection of its own, sized for one big transaction: temp tables live in
    // temp_buffers (8 MB by default, which would send a large staging table to disk).
    const client = new pg.Client({
      connectionString: (this.pool.options as { connectionString: string }).connectionString,
      options: '-c jit=off -c temp_buffers=1GB -c work_mem=256MB -c maintenance_work_mem=256MB',
    });
    await client.connect();
    try {
      // Held while this connection lives: tells a server starting up that the import is alive.
      await client.query('SELECT pg_advisory_lock($1::int, $2::int)', [RUNNING_LOCK_CLASS, importId]);
      await client.query('BEGIN');
      await client.query(`CREATE TEMP TABLE stg (${STAGING_COLUMNS.join(', ')}) ON COMMIT DROP`);
      const copy = client.query(copyFrom(`COPY stg FROM STDIN`));
      return { client, copy };
    } catch (error) {
      await this.abort(client);
      throw error;
    }
  }

  async abort(client: pg.Client): Promise<void> {
    try {
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  }

  /**
   * The set-based load, inside the staging transaction: default line numbers, the
   * encounter↔patient rule, duplicate keys, dictionaries, then the facts (a later file
   * replaces lines with the same key), the rejections and the import's summary — committed
   * together or not at all.
   */
  async load(client: pg.Client, importId: number, rawOf: RawLookup): Promise<LoadOutcome> {
    const timings: string[] = [];
    const step = async (name: string, text: string, values?: unknown[]) => {
      const started = Date.now();
      const result = await client.query(text, values);
      timings.push(`${name} ${Date.now() - started}ms`);
      return result;
    };
    try {
      await step('lock', 'SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      await step('analyze', `ANALYZE stg`);
      // A line without a number takes its position among its encounter's lines in this file
      // (every row of the encounter counts, so fixing a rejected row never shifts the others).
      const unnumbered = await step('unnumbered', `SELECT EXISTS (SELECT 1 FROM stg WHERE line_number IS NULL AND err_reason IS NULL) AS any`);
      if (unnumbered.rows[0].any) {
        await step('number', `
          UPDATE stg s SET line_number = n.position
          FROM (SELECT row_no, row_number() OVER (PARTITION BY encounter_ext ORDER BY row_no) AS position
                FROM stg WHERE encounter_ext IS NOT NULL) n
          WHERE s.row_no = n.row_no AND s.line_number IS NULL AND s.err_reason IS NULL`);
      }
      // The encounters of this file: which patient each belongs to (an earlier import's, else
      // its first valid row's) and its key when it exists already.
      await step('encounters_of_file', `
        CREATE TEMP TABLE enc ON COMMIT DROP AS
        SELECT f.encounter_ext, f.first_row, s.patient_hash AS first_patient,
               e.id AS key, e.patient_key, p.hash AS known_patient, e.id IS NOT NULL AS existed
        FROM (SELECT encounter_ext, min(row_no) AS first_row FROM stg WHERE err_reason IS NULL GROUP BY encounter_ext) f
        JOIN stg s ON s.row_no = f.first_row
        LEFT JOIN encounter e ON e.external_id = f.encounter_ext
        LEFT JOIN patient p ON p.id = e.patient_key`);
      await step('analyze_enc', `ANALYZE enc`);
      await step('patient_rule', `
        UPDATE stg s SET err_column = 'patient_id', err_reason = CASE WHEN n.known_patient IS NOT NULL
            THEN format('encounter_id "%s" belongs to a different patient in an earlier import; every line of an encounter must carry the same patient_id', n.encounter_ext)
            ELSE format('encounter_id "%s" has a different patient_id on row %s; every line of an encounter must carry the same patient_id', n.encounter_ext, n.first_row)
          END
        FROM enc n
        WHERE s.encounter_ext = n.encounter_ext AND s.err_reason IS NULL AND s.patient_hash <> coalesce(n.known_patient, n.first_patient)`);
      await step('duplicates', `
        UPDATE stg s SET err_column = 'line_number',
          err_reason = format('duplicate of row %s: encounter_id "%s" with line_number %s appears twice in this file', d.first_row, d.encounter_ext, d.line_number)
        FROM (SELECT encounter_ext, line_number, min(row_no) AS first_row FROM stg WHERE err_reason IS NULL
              GROUP BY encounter_ext, line_number HAVING count(*) > 1) d
        WHERE s.encounter_ext = d.encounter_ext AND s.line_number = d.line_number AND s.err_reason IS NULL AND s.row_no <> d.first_row`);

      const needRaw = await step('raw_missing', `SELECT row_no FROM stg WHERE err_reason IS NOT NULL AND raw IS NULL ORDER BY row_no`);
      if (needRaw.rows.length > 0) {
        const raws = await rawOf(needRaw.rows.map((row) => Number(row.row_no)));
        await step('raw_fill', `UPDATE stg s SET raw = r.raw FROM unnest($1::int[], $2::text[]) AS r(row_no, raw) WHERE s.row_no = r.row_no`, [
          [...raws.keys()],
          [...raws.values()],
        ]);
      }

      const rejected = await step('rejections', `
        INSERT INTO import_rejection (import_id, row_number, column_name, reason, raw)
        SELECT $1::int, row_no, err_column, err_reason, coalesce(raw, '') FROM stg WHERE err_reason IS NOT NULL`, [importId]);

      // Dictionaries: one pass over the lines for the few distinct values.
      await step('distinct_values', `
        CREATE TEMP TABLE seen ON COMMIT DROP AS
        SELECT department, code, section, payer FROM stg WHERE err_reason IS NULL GROUP BY 1, 2, 3, 4`);
      const departments = await step('departments', `
        INSERT INTO department (code, name, created_by_import)
        SELECT DISTINCT v.department, v.department, $1::int FROM seen v
        WHERE NOT EXISTS (SELECT 1 FROM department d WHERE d.code = v.department)
        ORDER BY 1 RETURNING code`, [importId]);
      await step('codes', `
        INSERT INTO procedure_code (code, section)
        SELECT DISTINCT v.code, v.section FROM seen v
        WHERE NOT EXISTS (SELECT 1 FROM procedure_code c WHERE c.code = v.code)`);
      await step('payers', `
        INSERT INTO payer (name)
        SELECT DISTINCT v.payer FROM seen v
        WHERE v.payer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payer p WHERE p.name = v.payer)`);
      // A new encounter's first row is valid by construction, so its patient is the encounter's.
      await step('patients', `
        INSERT INTO patient (hash)
        SELECT DISTINCT n.first_patient FROM enc n
        WHERE n.key IS NULL AND NOT EXISTS (SELECT 1 FROM patient p WHERE p.hash = n.first_patient)`);
      // Keys for the new encounters are drawn here, so no pass has to write them back.
      await step('encounter_keys', `
        CREATE TEMP TABLE enc_key ON COMMIT DROP AS
        SELECT n.encounter_ext, n.existed,
               coalesce(n.key, nextval(pg_get_serial_sequence('encounter', 'id'))) AS key,
               coalesce(n.patient_key, p.id) AS patient_key
        FROM enc n LEFT JOIN patient p ON n.key IS NULL AND p.hash = n.first_patient`);
      await step('new_encounters', `
        INSERT INTO encounter (id, external_id, patient_key)
        SELECT key, encounter_ext, patient_key FROM enc_key WHERE NOT existed ORDER BY key`);

      await step('touched', `
        CREATE TEMP TABLE touched_day ON COMMIT DROP AS
        SELECT DISTINCT service_date AS day FROM stg WHERE err_reason IS NULL`);
      // Replaced lines are kept aside: the rollups subtract them, and their old days (a line may
      // move to another date) are refreshed in the index too.
      await step('gone', `
        CREATE TEMP TABLE gone ON COMMIT DROP AS
        SELECT service_date, department_id, code_id, section, payer_category, place_of_service, units,
               charge_cents, allowed_cents, paid_cents, claim_status, wrvu_hundredths, expected_cents, priced, modifiers, denial_reason,
               provider_npi
        FROM procedure_line WHERE false`);
      const replacing = await step('replacing', `SELECT EXISTS (SELECT 1 FROM enc_key WHERE existed) AS any`);
      if (replacing.rows[0].any) {
        await step('delete', `
          WITH removed AS (
            DELETE FROM procedure_line f
            USING stg s JOIN enc_key n ON n.encounter_ext = s.encounter_ext
            WHERE n.existed AND s.err_reason IS NULL AND f.encounter_key = n.key AND f.line_number = s.line_number
            RETURNING f.service_date, f.department_id, f.code_id, f.section, f.payer_category, f.place_of_service, f.units,
                      f.charge_cents, f.allowed_cents, f.paid_cents, f.claim_status, f.wrvu_hundredths, f.expected_cents, f.priced,
                      f.modifiers, f.denial_reason, f.provider_npi)
          INSERT INTO gone SELECT * FROM removed`);
        await step('gone_days', `INSERT INTO touched_day SELECT DISTINCT service_date FROM gone`);
      }
      const loaded = await step('insert', `
        INSERT INTO procedure_line (encounter_key, line_number, patient_key, service_date, department_id, code_id, section,
          modifiers, units, place_of_service, payer_id, payer_category, provider_npi, charge_cents, allowed_cents, paid_cents,
          claim_status, denial_reason, minutes, import_id, wrvu_hundredths, expected_cents, priced)
        SELECT n.key, s.line_number, n.patient_key, s.service_date, d.id, c.id, s.section,
          s.modifiers, s.units, s.pos, py.id, s.payer_category, s.npi, s.charge, s.allowed, s.paid,
          s.status, s.denial, s.minutes, $1,
          ${STAGED_LINE_PRICE.wrvuHundredths}, ${STAGED_LINE_PRICE.expectedCents}, ${STAGED_LINE_PRICE.priced}
        FROM stg s
        JOIN enc_key n ON n.encounter_ext = s.encounter_ext
        JOIN department d ON d.code = s.department
        JOIN procedure_code c ON c.code = s.code
        LEFT JOIN payer py ON py.name = s.payer
        ${STAGED_LINE_PRICE.joins}
        WHERE s.err_reason IS NULL
        ORDER BY s.service_date`, [importId]);

      // The rollups of the months this import touched, recomputed from the facts.
      await step('touched_months', `
        CREATE TEMP TABLE touched ON COMMIT DROP AS
        SELECT DISTINCT date_trunc('month', day::timestamp)::date AS month FROM touched_day`);
      const touchedDays = await step('touched_days', `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM touched_day GROUP BY day ORDER BY day`);
      for (const [i, statement] of ROLLUP_APPLY_DELTA.entries()) await step(`rollup_${i}`, statement);

      const outcome: LoadOutcome = {
        rowsLoaded: loaded.rowCount ?? 0,
        rowsRejected: rejected.rowCount ?? 0,
        departmentsCreated: departments.rows.map((row) => row.code as string),
        touchedDays: touchedDays.rows.map((row) => row.day as string),
      };
      await step('summary', 
        `UPDATE import SET status = 'completed', progress = 1, rows_total = $2, rows_loaded = $3, rows_rejected = $4,
           departments_created = $5, finished_at = now() WHERE id = $1`,
        [importId, outcome.rowsLoaded + outcome.rowsRejected, outcome.rowsLoaded, outcome.rowsRejected, JSON.stringify(outcome.departmentsCreated)],
      );
      await client.query('COMMIT');
      await client.end();
      this.logger.debug(`import ${importId} load: ${timings.join(', ')}`);
      return outcome;
    } catch (error) {
      await this.abort(client);
      throw error;
    }
  }
}
