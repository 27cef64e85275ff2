import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { buildFeeSchedule, pricePeriods, priceRows, type FeeSchedule, type GpciRow, type RvuRow } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import { ROLLUP_PRICE_REBUILD, ROLLUP_REFRESH_TOUCHED } from '../analytics/rollup-sql.js';
import { IMPORT_LOCK_KEY } from '../ingest/ingest.repository.js';
import { linePriceSql } from './line-price-sql.js';

export interface FeeScheduleYearSummary {
  year: number;
  conversionFactor: number | null;
  rvuRows: number;
  gpciLocalities: number;
}

/** With the year: held while a year's schedule is replaced, so two loads of it queue. */
const YEAR_LOCK_CLASS = 7_233_101;

/** Every query of the fee schedule; each load is one transaction. */
@Injectable()
export class FeeScheduleRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Replaces the year's RVU rows and conversion factor and prices the lines again, all or nothing. */
  async replaceRvus(year: number, rows: readonly RvuRow[], conversionFactor: number, locality: string | null): Promise<number> {
    return this.inYearTransaction(year, async (client) => {
      await writeRvus(client, year, rows, conversionFactor);
      return reprice(client, locality);
    });
  }

  /** Replaces the year's GPCI rows and prices the lines again, all or nothing. */
  async replaceGpcis(year: number, rows: readonly GpciRow[], locality: string | null): Promise<number> {
    return this.inYearTransaction(year, async (client) => {
      await writeGpcis(client, year, rows);
      return reprice(client, locality);
    });
  }

  /**
   * Loads a whole year (RVUs, conversion factor, GPCIs) and prices the lines in one
   * transaction unless the year already has a conversion factor; true when it did load.
   */
  async loadYearIfAbsent(year: number, rvus: readonly RvuRow[], conversionFactor: number, gpcis: readonly GpciRow[], locality: string | null): Promise<boolean> {
    return this.inYearTransaction(year, async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM fee_schedule_cf WHERE year = $1', [year]);
      if ((rowCount ?? 0) > 0) return false;
      await writeRvus(client, year, rvus, conversionFactor);
      await writeGpcis(client, year, gpcis);
      await reprice(client, locality);
      return true;
    });
  }

  /**
   * Whether the lines were priced for this locality by the schedule as it is: false on a
   * database whose lines were never priced (before its first start with prices), or after
   * CASELOAD_LOCALITY changed.
   */
  async pricedFor(locality: string | null): Promise<boolean> {
    const { rows } = await this.pool.query<{ locality: string }>('SELECT locality FROM fee_schedule_reprice ORDER BY id DESC LIMIT 1');
    return rows.length > 0 && rows[0]!.locality === (locality ?? '');
  }

  /** Prices every line again from the schedule as it is, in one transaction; the lines changed. */
  async repriceAll(locality: string | null): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const changed = await reprice(client, locality);
      await client.query('COMMIT');
      return changed;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async hasYear(year: number): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM fee_schedule_cf WHERE year = $1', [year]);
    return (rowCount ?? 0) > 0;
  }

  async summaries(): Promise<FeeScheduleYearSummary[]> {
    const { rows } = await this.pool.query<{ year: number; conversion_factor: string | null; rvu_rows: number; gpci_localities: number }>(
      `WITH years AS (
         SELECT year FROM fee_schedule_cf UNION SELECT DISTINCT year FROM fee_schedule_rvu UNION SELECT DISTINCT year FROM fee_schedule_gpci
       )
       SELECT y.year, cf.conversion_factor,
              (SELECT count(*)::int FROM fee_schedule_rvu r WHERE r.year = y.year) AS rvu_rows,
              (SELECT count(*)::int FROM fee_schedule_gpci g WHERE g.year = y.year) AS gpci_localities
       FROM years y LEFT JOIN fee_schedule_cf cf ON cf.year = y.year
       ORDER BY y.year`,
    );
    return rows.map((row) => ({
      year: row.year,
      conversionFactor: row.conversion_factor === null ? null : Number(row.conversion_factor),
      rvuRows: row.rvu_rows,
      gpciLocalities: row.gpci_localities,
    }));
  }

  /** Every loaded year, for pricing in the domain's `priceLine`. */
  readSchedule(): Promise<FeeSchedule> {
    return readSchedule(this.pool);
  }

  private async inYearTransaction<T>(year: number, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [YEAR_LOCK_CLASS, year]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

// One INSERT per table: the rows travel as arrays, one parameter per column.
async function writeRvus(client: PoolClient, year: number, rows: readonly RvuRow[], conversionFactor: number): Promise<void> {
  await client.query('DELETE FROM fee_schedule_rvu WHERE year = $1', [year]);
  await client.query(
    `INSERT INTO fee_schedule_rvu (year, code, modifier, status, work_rvu, pe_non_facility_rvu, pe_facility_rvu, mp_rvu, global_days, pctc_indicator, non_facility_na, facility_na)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::text[], $10::text[], $11::boolean[], $12::boolean[])`,
    [
      year,
      rows.map((r) => r.code),
      rows.map((r) => r.modifier),
      rows.map((r) => r.status),
      rows.map((r) => r.work.toFixed(2)),
      rows.map((r) => r.peNonFacility.toFixed(2)),
      rows.map((r) => r.peFacility.toFixed(2)),
      rows.map((r) => r.mp.toFixed(2)),
      rows.map((r) => r.globalDays),
      rows.map((r) => r.pctcIndicator),
      rows.map((r) => r.nonFacilityNa),
      rows.map((r) => r.facilityNa),
    ],
  );
  await client.query(
    `INSERT INTO fee_schedule_cf (year, conversion_factor) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET conversion_factor = EXCLUDED.conversion_factor, loaded_at = now()`,
    [year, conversionFactor.toFixed(4)],
  );
}

async function writeGpcis(client: PoolClient, year: number, rows: readonly GpciRow[]): Promise<void> {
  await client.query('DELETE FROM fee_schedule_gpci WHERE year = $1', [year]);
  await client.query(
    `INSERT INTO fee_schedule_gpci (year, carrier, locality, state, name, work_gpci, pe_gpci, mp_gpci)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::numeric[])`,
    [
      year,
      rows.map((r) => r.carrier),
      rows.map((r) => r.locality),
      rows.map((r) => r.state),
      rows.map((r) => r.name),
      rows.map((r) => r.work.toFixed(3)),
      rows.map((r) => r.pe.toFixed(3)),
      rows.map((r) => r.mp.toFixed(3)),
    ],
  );
}

/** Every loaded year, as one connection sees them (inside a load, the load's own rows). */
async function readSchedule(db: Pick<Pool, 'query'> | Pick<PoolClient, 'query'>): Promise<FeeSchedule> {
  // One query after another: a client runs one at a time anyway.
  const rvus = await db.query<Record<string, string | number | boolean>>(
    `SELECT year, code, modifier, status, work_rvu, pe_non_facility_rvu, pe_facility_rvu, mp_rvu, global_days, pctc_indicator, non_facility_na, facility_na
     FROM fee_schedule_rvu`,
  );
  const gpcis = await db.query<Record<string, string | number>>(`SELECT year, carrier, locality, state, name, work_gpci, pe_gpci, mp_gpci FROM fee_schedule_gpci`);
  const cfs = await db.query<{ year: number; conversion_factor: string }>(`SELECT year, conversion_factor FROM fee_schedule_cf`);
  // numeric arrives as a string of at most 2, 3 or 4 decimals: Number() reads it exactly
  // enough for the domain to scale it back to whole hundredths, thousandths, ten-thousandths.
  return buildFeeSchedule({
    rvus: rvus.rows.map((r) => ({
      year: Number(r['year']),
      code: String(r['code']),
      modifier: String(r['modifier']),
      status: String(r['status']),
      work: Number(r['work_rvu']),
      peNonFacility: Number(r['pe_non_facility_rvu']),
      peFacility: Number(r['pe_facility_rvu']),
      mp: Number(r['mp_rvu']),
      globalDays: String(r['global_days']),
      pctcIndicator: String(r['pctc_indicator']),
      nonFacilityNa: r['non_facility_na'] === true,
      facilityNa: r['facility_na'] === true,
    })),
    gpcis: gpcis.rows.map((r) => ({
      year: Number(r['year']),
      carrier: String(r['carrier']),
      locality: String(r['locality']),
      state: String(r['state']),
      name: String(r['name']),
      work: Number(r['work_gpci']),
      pe: Number(r['pe_gpci']),
      mp: Number(r['mp_gpci']),
    })),
    conversionFactors: cfs.rows.map((r) => ({ year: r.year, conversionFactor: Number(r.conversion_factor) })),
  });
}

const FACT_PRICE = linePriceSql({ code: 'c.code', modifiers: 'f.modifiers', serviceDate: 'f.service_date', placeOfService: 'f.place_of_service', units: 'f.units' });

/**
 * Inside the caller's transaction: the price tables recomputed by the domain from the schedule
 * as this transaction sees it, then every line whose price changed written again, the rollup
 * months of those lines recomputed, and a row that moves the data version. Holds the import
 * lock, so no import prices lines from tables that are being replaced.
 */
async function reprice(client: PoolClient, locality: string | null): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
  const schedule = await readSchedule(client);
  const periods = pricePeriods(schedule, locality);
  const rows = priceRows(schedule, locality, periods);
  await client.query('DELETE FROM fee_schedule_price_period');
  await client.query('DELETE FROM fee_schedule_price');
  await client.query(
    `INSERT INTO fee_schedule_price_period (from_year, to_year, rvu_year, gpci_year) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[])`,
    [periods.map((p) => p.fromYear), periods.map((p) => p.toYear), periods.map((p) => p.rvuYear), periods.map((p) => p.gpciYear)],
  );
  await client.query(
    `INSERT INTO fee_schedule_price (rvu_year, gpci_year, code, modifier, facility, payable, work_hundredths, fee_cents)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::boolean[], $6::boolean[], $7::int[], $8::int[])`,
    [
      rows.map((r) => r.rvuYear),
      rows.map((r) => r.gpciYear),
      rows.map((r) => r.code),
      rows.map((r) => r.modifier),
      rows.map((r) => r.facility),
      rows.map((r) => r.payable),
      rows.map((r) => r.workHundredths),
      rows.map((r) => r.feeCents),
    ],
  );
  await client.query('ANALYZE fee_schedule_price');
  await client.query(`CREATE TEMP TABLE touched (month date) ON COMMIT DROP`);
  const { rows: changed } = await client.query<{ lines: string }>(
    `WITH priced AS (
       SELECT f.encounter_key, f.line_number, ${FACT_PRICE.wrvuHundredths} AS wrvu_hundredths, ${FACT_PRICE.expectedCents} AS expected_cents,
              ${FACT_PRICE.priced} AS priced
       FROM procedure_line f JOIN procedure_code c ON c.id = f.code_id
       ${FACT_PRICE.joins}
     ), updated AS (
       UPDATE procedure_line t SET wrvu_hundredths = p.wrvu_hundredths, expected_cents = p.expected_cents, priced = p.priced
       FROM priced p
       WHERE t.encounter_key = p.encounter_key AND t.line_number = p.line_number
         AND (t.wrvu_hundredths, t.expected_cents, t.priced) IS DISTINCT FROM (p.wrvu_hundredths, p.expected_cents, p.priced)
       RETURNING t.service_date
     ), months AS (
       INSERT INTO touched SELECT DISTINCT date_trunc('month', service_date::timestamp)::date FROM updated RETURNING month
     )
     SELECT (SELECT count(*) FROM updated) AS lines, (SELECT count(*) FROM months) AS months`,
  );
  const lines = Number(changed[0]!.lines);
  if (lines > 0) for (const statement of ROLLUP_REFRESH_TOUCHED) await client.query(statement);
  for (const statement of ROLLUP_PRICE_REBUILD) await client.query(statement);
  await client.query(`INSERT INTO fee_schedule_reprice (locality, lines_changed) VALUES ($1, $2)`, [locality ?? '', lines]);
  return lines;
}
