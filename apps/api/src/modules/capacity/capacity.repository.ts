import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { CapacityHoliday, CapacityInventory, CapacityProfileRow, CapacityResourceKind, CapacityResourceType, CapacityWeeklySchedule } from '@caseload/contracts';
import { periodLabel, type IsoDate } from '@caseload/domain';
import { PG_POOL } from '../../database/database.tokens.js';
import { periodStartSql } from '../analytics/aggregate-sql.js';
import { CapacityCache } from './capacity-cache.js';
import type { CapacityList, CapacityModel, ListRow } from './capacity-model-rows.js';

/** Serialises replacements of the model, so a check and the write it allows see the same model. */
const MODEL_LOCK = 0x43415041; // "CAPA"

export interface UsedMinutesQuery {
  from: IsoDate;
  to: IsoDate;
  grain: 'week' | 'month';
  /** Department codes; null = every department. */
  departments: readonly string[] | null;
  /** Resource-type keys; null = every type. */
  resourceTypes: readonly string[] | null;
}

export interface UsedMinutesRow {
  period: string;
  department: string;
  resourceType: string;
  minutes: number;
}

const TABLES: Readonly<Record<CapacityList, string>> = {
  'resource-types': 'capacity_resource_type',
  inventories: 'capacity_inventory',
  holidays: 'capacity_holiday',
  profiles: 'capacity_profile',
};

/** How long a read of the model serves requests before it is read again (bounds what another process's edit waits for). */
const MODEL_TTL_MS = 2_000;

/** The model with the digests the caches key their answers by. */
export interface CurrentModel {
  model: CapacityModel;
  /** Of the whole model. */
  digest: string;
  /** Of what the demand forecasts depend on: the resource types and the profiles. */
  demandDigest: string;
}

/** The capacity model's tables, and the SQL that measures resource minutes on the lines. */
@Injectable()
export class CapacityRepository {
  private current: { read: Promise<CurrentModel>; at: number } | null = null;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * The model as requests read it: read once and shared for a moment (every capacity request
   * needs it, and its 1,000-odd profile rows take a while to read and digest); an edit in this
   * process drops it at once.
   */
  currentModel(): Promise<CurrentModel> {
    if (this.current === null || Date.now() - this.current.at > MODEL_TTL_MS) {
      const read = this.readModel().then((model) => ({
        model,
        digest: CapacityCache.modelDigest(model),
        demandDigest: CapacityCache.modelDigest({ ...model, inventories: [], holidays: [] }),
      }));
      this.current = { read, at: Date.now() };
      read.catch(() => (this.current = null));
    }
    return this.current.read;
  }

  /** The whole model, each list in a stable order. numeric columns arrive as text and are converted here. */
  async readModel(queryable: Pick<Pool, 'query'> | Pick<PoolClient, 'query'> = this.pool): Promise<CapacityModel> {
    const [types, inventories, holidays, profiles] = [
      await queryable.query('SELECT key, name, kind FROM capacity_resource_type ORDER BY key'),
      await queryable.query(
        `SELECT department, resource_type, count, hours_mon, hours_tue, hours_wed, hours_thu, hours_fri, hours_sat, hours_sun, productive_hours_per_fte
         FROM capacity_inventory ORDER BY department, resource_type`,
      ),
      await queryable.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, department, name FROM capacity_holiday ORDER BY date, department`),
      await queryable.query('SELECT code, resource_type, minutes FROM capacity_profile ORDER BY code, resource_type'),
    ];
    return {
      resourceTypes: types.rows.map((r: Record<string, string>): CapacityResourceType => ({ key: r['key']!, name: r['name']!, kind: r['kind'] as CapacityResourceKind })),
      inventories: inventories.rows.map(
        (r: Record<string, string | null>): CapacityInventory => ({
          department: r['department']!,
          resourceType: r['resource_type']!,
          count: Number(r['count']),
          schedule: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => Number(r[`hours_${day}`])) as CapacityWeeklySchedule,
          productiveHoursPerFte: r['productive_hours_per_fte'] === null ? null : Number(r['productive_hours_per_fte']),
        }),
      ),
      holidays: holidays.rows.map((r: Record<string, string>): CapacityHoliday => ({ date: r['date']!, department: r['department'] === '' ? null : r['department']!, name: r['name']! })),
      profiles: profiles.rows.map((r: Record<string, string>): CapacityProfileRow => ({ code: r['code']!, resourceType: r['resource_type']!, minutes: Number(r['minutes']) })),
    };
  }

  /**
   * Replaces a list in one transaction, under a lock: `check` sees the model as it is inside
   * the transaction and either returns the rows to write or refuses (nothing is written).
   */
  async replace<L extends CapacityList, R>(list: L, check: (model: CapacityModel) => { rows: ListRow<L>[] } | { refused: R }): Promise<{ rows: number } | { refused: R }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK]);
      const verdict = check(await this.readModel(client));
      if ('refused' in verdict) {
        await client.query('ROLLBACK');
        return verdict;
      }
      await client.query(`DELETE FROM ${TABLES[list]}`);
      await insertRows(client, list, verdict.rows);
      await client.query('COMMIT');
      this.current = null;
      return { rows: verdict.rows.length };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Loads a whole model into empty tables (the demo's); false, changing nothing, when any resource type exists. */
  async loadModelIfEmpty(model: CapacityModel): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK]);
      const { rowCount } = await client.query('SELECT 1 FROM capacity_resource_type LIMIT 1');
      if ((rowCount ?? 0) > 0) {
        await client.query('ROLLBACK');
        return false;
      }
      for (const list of ['inventories', 'holidays', 'profiles'] as const) await client.query(`DELETE FROM ${TABLES[list]}`);
      await insertRows(client, 'resource-types', model.resourceTypes);
      await insertRows(client, 'inventories', model.inventories);
      await insertRows(client, 'holidays', model.holidays);
      await insertRows(client, 'profiles', model.profiles);
      await client.query('COMMIT');
      this.current = null;
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * DESIGN §4 `minutes` per period × department × resource type: each line's actual minutes
   * where it recorded them, else its units × the code's profile minutes, for every resource
   * type in the code's profile. Lines are first grouped by period, department and code (a few
   * thousand groups), and only the groups are joined with the profiles.
   */
  async usedMinutes(query: UsedMinutesQuery): Promise<UsedMinutesRow[]> {
    const values: unknown[] = [query.from, query.to];
    const where = ['f.service_date BETWEEN $1::date AND $2::date'];
    if (query.departments !== null) {
      values.push(query.departments);
      where.push(`f.department_id IN (SELECT id FROM department WHERE code = ANY($${values.length}::text[]))`);
    }
    let typeFilter = '';
    if (query.resourceTypes !== null) {
      values.push(query.resourceTypes);
      typeFilter = ` AND p.resource_type = ANY($${values.length}::text[])`;
    }
    const result = await this.pool.query(
      `WITH g AS (
         SELECT ${periodStartSql(query.grain, 1)} AS period, f.department_id, f.code_id,
                sum(f.units) FILTER (WHERE f.minutes IS NULL) AS units, sum(f.minutes) AS actual
         FROM procedure_line f
         WHERE ${where.join(' AND ')}
         GROUP BY 1, 2, 3
       )
       SELECT g.period, d.code AS department, p.resource_type,
              sum(coalesce(g.actual, 0) + coalesce(g.units, 0) * p.minutes)::float8 AS minutes
       FROM g
       JOIN procedure_code c ON c.id = g.code_id
       JOIN capacity_profile p ON p.code = c.code${typeFilter}
       JOIN department d ON d.id = g.department_id
       GROUP BY 1, 2, 3`,
      values,
    );
    return result.rows.map((r: { period: string; department: string; resource_type: string; minutes: number }) => ({
      period: periodLabel(r.period, query.grain, { fiscalYearStartMonth: 1 }),
      department: r.department,
      resourceType: r.resource_type,
      minutes: r.minutes,
    }));
  }

  /** Every procedure line: the demo sizes its inventories to the volume. */
  async lineCount(): Promise<number> {
    const result = await this.pool.query('SELECT count(*)::int AS n FROM procedure_line');
    return (result.rows[0] as { n: number }).n;
  }

  /** Lines in the range (and departments) whose code has no profile row at all. */
  async unprofiledLines(query: Pick<UsedMinutesQuery, 'from' | 'to' | 'departments'>): Promise<number> {
    const values: unknown[] = [query.from, query.to];
    let departments = '';
    if (query.departments !== null) {
      values.push(query.departments);
      departments = ` AND f.department_id IN (SELECT id FROM department WHERE code = ANY($3::text[]))`;
    }
    const result = await this.pool.query(
      `SELECT count(*)::int AS n FROM procedure_line f
       WHERE f.service_date BETWEEN $1::date AND $2::date${departments}
         AND f.code_id NOT IN (SELECT c.id FROM procedure_code c JOIN capacity_profile p ON p.code = c.code)`,
      values,
    );
    return (result.rows[0] as { n: number }).n;
  }
}

/** Inserts a list's rows with one statement per list: arrays of columns, unnested. */
async function insertRows<L extends CapacityList>(client: PoolClient, list: L, rows: readonly ListRow<L>[]): Promise<void> {
  if (rows.length === 0) return;
  switch (list) {
    case 'resource-types': {
      const types = rows as readonly CapacityResourceType[];
      await client.query(`INSERT INTO capacity_resource_type (key, name, kind) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
        types.map((t) => t.key),
        types.map((t) => t.name),
        types.map((t) => t.kind),
      ]);
      return;
    }
    case 'inventories': {
      const inventories = rows as readonly CapacityInventory[];
      const day = (i: number) => inventories.map((r) => r.schedule[i]);
      await client.query(
        `INSERT INTO capacity_inventory (department, resource_type, count, hours_mon, hours_tue, hours_wed, hours_thu, hours_fri, hours_sat, hours_sun, productive_hours_per_fte)
         SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[])`,
        [
          inventories.map((r) => r.department),
          inventories.map((r) => r.resourceType),
          inventories.map((r) => r.count),
          ...[0, 1, 2, 3, 4, 5, 6].map(day),
          inventories.map((r) => r.productiveHoursPerFte),
        ],
      );
      return;
    }
    case 'holidays': {
      const holidays = rows as readonly CapacityHoliday[];
      await client.query(`INSERT INTO capacity_holiday (date, department, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`, [
        holidays.map((h) => h.date),
        holidays.map((h) => h.department ?? ''),
        holidays.map((h) => h.name),
      ]);
      return;
    }
    default: {
      const profiles = rows as readonly CapacityProfileRow[];
      await client.query(`INSERT INTO capacity_profile (code, resource_type, minutes) SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[])`, [
        profiles.map((p) => p.code),
        profiles.map((p) => p.resourceType),
        profiles.map((p) => p.minutes),
      ]);
    }
  }
}
