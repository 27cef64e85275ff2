import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { PAYER_CATEGORIES, SECTIONS } from '@caseload/domain';
import { linePriceSql } from '../modules/reimbursement/line-price-sql.js';
import type { BenchDates, Question } from './bench-questions.js';
import { percentile } from './bench-stats.js';

type Row = Record<string, unknown>;

interface RawQuery {
  text: string;
  values: unknown[];
  /** The figure the API reports as its total for the question's check measure. */
  total(rows: Row[]): number;
}

export interface BaselineResult {
  runs: number[];
  p50: number;
  total: number;
}

const sum = (rows: Row[], key: string, keep: (row: Row) => boolean = () => true) => rows.filter(keep).reduce((s, row) => s + Number(row[key]), 0);
const current = (row: Row) => row['cur'] === true;
const MONTH = `date_trunc('month', f.service_date::timestamp)`;

/** Both years at once; `cur` tells this year's lines from last year's. */
function compared(label: string, join: string, dates: BenchDates): RawQuery {
  return {
    text: `SELECT ${label} AS label, f.service_date >= $3::date AS cur, count(*) AS lines
      FROM procedure_line f ${join} WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1, 2`,
    values: [dates.months12Before.from, dates.months12.to, dates.months12.from],
    total: (rows) => sum(rows, 'lines', current),
  };
}

/** Lines by the given label columns over `values[0]..values[1]`, plus an optional condition. */
function grouped(labels: string[], join: string, where: string, values: unknown[]): RawQuery {
  return {
    text: `SELECT ${labels.join(', ')}, count(*) AS lines FROM procedure_line f ${join}
      WHERE f.service_date BETWEEN $1::date AND $2::date${where} GROUP BY ${labels.map((_, i) => i + 1).join(', ')}`,
    values,
    total: (rows) => sum(rows, 'lines'),
  };
}

const DEPARTMENT = 'JOIN department d ON d.id = f.department_id';
const FACT_PRICE = linePriceSql({ code: 'c.code', modifiers: 'f.modifiers', serviceDate: 'f.service_date', placeOfService: 'f.place_of_service', units: 'f.units' });
const CODE = 'JOIN procedure_code c ON c.id = f.code_id';

/** The same question as plain GROUP BY SQL on the fact table, written by hand. */
export function rawQuery(question: Question, dates: BenchDates, radiologyCode: string): RawQuery {
  const year = [dates.months12.from, dates.months12.to];
  switch (question.id) {
    case 'overview.kpis_by_month':
      return {
        text: `SELECT f.service_date >= $3::date AS cur, ${MONTH} AS month, count(*) AS lines,
            count(DISTINCT f.encounter_key) AS encounters, count(DISTINCT f.patient_key) AS patients,
            sum(f.charge_cents) AS charge_cents, sum(f.paid_cents) AS paid_cents,
            count(*) FILTER (WHERE f.claim_status = 1) AS denied, count(*) FILTER (WHERE f.claim_status IN (0, 1)) AS adjudicated
          FROM procedure_line f WHERE f.service_date BETWEEN $1::date AND $2::date
          GROUP BY GROUPING SETS ((1, 2), (1))`,
        values: [dates.months12Before.from, dates.months12.to, dates.months12.from],
        total: (rows) => sum(rows, 'lines', (row) => current(row) && row['month'] === null),
      };
    case 'overview.movers_departments':
      return compared('d.code', DEPARTMENT, dates);
    case 'overview.movers_codes':
    case 'volume.top_codes':
      return compared('c.code', CODE, dates);
    case 'volume.trend_week':
      return compared(`date_trunc('week', f.service_date::timestamp)`, '', dates);
    case 'volume.trend_month':
      return compared(MONTH, '', dates);
    case 'volume.sections_by_month':
      return grouped([MONTH, 'f.section'], '', '', year);
    case 'volume.department_heatmap':
      return grouped([MONTH, 'd.code'], DEPARTMENT, '', year);
    case 'volume.radiology_codes':
      return grouped(['c.code'], CODE, ' AND f.section = $3', [...year, SECTIONS.indexOf('radiology')]);
    case 'volume.code_by_department':
      return grouped([MONTH, 'd.code'], `${DEPARTMENT} ${CODE}`, ' AND c.code = $3', [...year, radiologyCode]);
    case 'reimb.headline':
      return {
        text: `SELECT ${MONTH} AS month, count(*) AS lines, sum(f.charge_cents), sum(f.allowed_cents), sum(f.paid_cents),
            count(*) FILTER (WHERE f.claim_status = 1), count(*) FILTER (WHERE f.claim_status IN (0, 1)), sum(f.wrvu_hundredths), sum(f.expected_cents)
          FROM procedure_line f WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.payer_mix':
      return {
        text: `SELECT f.payer_category, count(*) AS lines, sum(f.charge_cents)
          FROM procedure_line f WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.payer_encounters':
      return {
        text: `SELECT f.payer_category, count(*) AS lines, count(DISTINCT f.encounter_key)
          FROM procedure_line f WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.departments':
      return {
        text: `SELECT d.code, count(*) AS lines, sum(f.paid_cents), sum(f.expected_cents), sum(f.wrvu_hundredths)
          FROM procedure_line f ${DEPARTMENT} WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.codes':
      return {
        text: `SELECT c.code, count(*) AS lines, sum(f.paid_cents), sum(f.expected_cents)
          FROM procedure_line f ${CODE} WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.providers':
      return {
        text: `SELECT f.provider_npi, count(*) AS lines, sum(f.wrvu_hundredths)
          FROM procedure_line f WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.denial_reasons':
      return {
        text: `SELECT coalesce(regexp_replace(f.denial_reason, '^[A-Z]{2}-', ''), '') AS carc, count(*) AS lines
          FROM procedure_line f WHERE f.claim_status = 1 AND f.service_date BETWEEN $1::date AND $2::date GROUP BY 1`,
        values: year,
        total: (rows) => sum(rows, 'lines'),
      };
    case 'reimb.what_if':
      // The units of the priced lines by the schedule row that priced them: what a what-if reprices.
      return {
        text: `SELECT f.department_id, f.section, extract(year FROM f.service_date) AS year, f.code_id, ${FACT_PRICE.priceModifier} AS modifier,
            ${FACT_PRICE.facility} AS facility, sum(f.units) AS units
          FROM procedure_line f ${CODE} ${FACT_PRICE.joins}
          WHERE f.priced AND f.service_date BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3, 4, 5, 6`,
        values: year,
        total: (rows) => sum(rows, 'units'),
      };
    case 'volume.uncovered_filter_1y':
      return grouped(['f.provider_npi'], '', ' AND f.place_of_service = 11 AND f.payer_category = $3', [dates.lastYear.from, dates.lastYear.to, PAYER_CATEGORIES.indexOf('medicaid')]);
    case 'volume.patients_by_month_5y':
      return {
        text: `SELECT ${MONTH} AS month, count(DISTINCT f.patient_key) AS patients FROM procedure_line f
          WHERE f.service_date BETWEEN $1::date AND $2::date GROUP BY GROUPING SETS ((1), ())`,
        values: [dates.fiveYears.from, dates.fiveYears.to],
        total: (rows) => sum(rows, 'patients', (row) => row['month'] === null),
      };
    default:
      throw new Error(`no raw baseline written for ${question.id}`);
  }
}

/** A slow query is repeated fewer times: at least this many runs, then stop past the budget. */
const MIN_RUNS = 3;
const BUDGET_MS = 12_000;

/** Runs every question's raw SQL through pg directly (jit off): one warm-up, then timed runs. */
export async function runBaseline(
  databaseUrl: string,
  questions: Question[],
  dates: BenchDates,
  radiologyCode: string,
  maxRuns: number,
  onResult: (question: Question, result: BaselineResult) => void,
): Promise<Map<string, BaselineResult>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const results = new Map<string, BaselineResult>();
  try {
    await client.query('SET jit = off');
    for (const question of questions) {
      const query = rawQuery(question, dates, radiologyCode);
      const first = await client.query<Row>(query.text, query.values);
      const runs: number[] = [];
      while (runs.length < maxRuns && (runs.length < MIN_RUNS || runs.reduce((s, ms) => s + ms, 0) < BUDGET_MS)) {
        const started = performance.now();
        await client.query(query.text, query.values);
        runs.push(performance.now() - started);
      }
      const result = { runs, p50: percentile(runs, 50), total: query.total(first.rows) };
      results.set(question.id, result);
      onResult(question, result);
    }
  } finally {
    await client.end();
  }
  return results;
}
