import { linePriceSql } from '../reimbursement/line-price-sql.js';

/**
 * As the migrations that created the rollup tables ran it (they must not change): recomputes rollup_month for the months that `$MONTHS_FILTER` (a condition on the month
 * `m`) selects, from the facts. Used by the migration (every month) and by each import
 * (the months it touched), so the rollup is always exactly the GROUP BY of the facts.
 */
export const ROLLUP_MONTH_REFRESH = `
  INSERT INTO rollup_month (month, department_id, section, payer_category, place_of_service,
    lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines)
  SELECT m, department_id, section, payer_category, place_of_service,
    count(*), sum(units), sum(charge_cents), sum(allowed_cents), sum(paid_cents),
    count(*) FILTER (WHERE claim_status = 1), count(*) FILTER (WHERE claim_status IN (0, 1))
  FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.* FROM procedure_line f) f
  WHERE $MONTHS_FILTER
  GROUP BY m, department_id, section, payer_category, place_of_service`;

/** The same for rollup_month_code, as its migration ran it. */
export const ROLLUP_MONTH_CODE_REFRESH = `
  INSERT INTO rollup_month_code (month, code_id, department_id, section,
    lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines)
  SELECT m, code_id, department_id, min(section),
    count(*), sum(units), sum(charge_cents), sum(allowed_cents), sum(paid_cents),
    count(*) FILTER (WHERE claim_status = 1), count(*) FILTER (WHERE claim_status IN (0, 1))
  FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.* FROM procedure_line f) f
  WHERE $MONTHS_FILTER
  GROUP BY m, code_id, department_id`;

/**
 * The lines an import changes, signed: +1 for each line it adds (from the staging table `stg`,
 * with its dictionary ids), -1 for each line it replaced (the temp table `gone`).
 */
const STAGED_PRICE = linePriceSql({ code: 's.code', modifiers: 's.modifiers', serviceDate: 's.service_date', placeOfService: 's.pos', units: 's.units' });

const GONE_PRICE = linePriceSql({ code: 'gc.code', modifiers: 'g.modifiers', serviceDate: 'g.service_date', placeOfService: 'g.place_of_service', units: 'g.units' });

/** The CARC number of a stored denial reason (`CO-50` → `50`); '' for a denial without one. */
export const CARC_OF = (column: string) => `coalesce(regexp_replace(${column}, '^[A-Z]{2}-', ''), '')`;

const SIGNED_LINES = `
  SELECT 1 AS sign, s.service_date AS day, date_trunc('month', s.service_date::timestamp)::date AS month, d.id AS department_id, c.id AS code_id,
    s.section, s.payer_category, s.pos AS place_of_service, s.units, s.charge AS charge_cents, s.allowed AS allowed_cents,
    s.paid AS paid_cents, s.status AS claim_status, ${STAGED_PRICE.wrvuHundredths} AS wrvu_hundredths,
    ${STAGED_PRICE.expectedCents} AS expected_cents, ${STAGED_PRICE.priced} AS priced,
    ${STAGED_PRICE.priceModifier} AS price_modifier, ${STAGED_PRICE.facility} AS facility, ${CARC_OF('s.denial')} AS carc,
    coalesce(s.npi, 0) AS provider_npi
  FROM stg s JOIN department d ON d.code = s.department JOIN procedure_code c ON c.code = s.code
    ${STAGED_PRICE.joins}
  WHERE s.err_reason IS NULL
  UNION ALL
  SELECT -1, g.service_date, date_trunc('month', g.service_date::timestamp)::date, g.department_id, g.code_id, g.section, g.payer_category,
    g.place_of_service, g.units, g.charge_cents, g.allowed_cents, g.paid_cents, g.claim_status, g.wrvu_hundredths, g.expected_cents, g.priced,
    ${GONE_PRICE.priceModifier}, ${GONE_PRICE.facility}, ${CARC_OF('g.denial_reason')}, coalesce(g.provider_npi, 0)
  FROM gone g JOIN procedure_code gc ON gc.id = g.code_id
    ${GONE_PRICE.joins}`;

/** The price of a staged line (the staging table `s`), for the import's INSERT into procedure_line. */
export const STAGED_LINE_PRICE = STAGED_PRICE;

const SIGNED_SUMS = `sum(sign), sum(sign * units), sum(sign * charge_cents), sum(sign * allowed_cents), sum(sign * paid_cents),
    coalesce(sum(sign) FILTER (WHERE claim_status = 1), 0), coalesce(sum(sign) FILTER (WHERE claim_status IN (0, 1)), 0),
    sum(sign * wrvu_hundredths), sum(sign * expected_cents), coalesce(sum(sign) FILTER (WHERE NOT priced), 0)`;

const ADD_SUMS = `lines = t.lines + EXCLUDED.lines, units = t.units + EXCLUDED.units,
    charge_cents = t.charge_cents + EXCLUDED.charge_cents, allowed_cents = t.allowed_cents + EXCLUDED.allowed_cents,
    paid_cents = t.paid_cents + EXCLUDED.paid_cents, denied_lines = t.denied_lines + EXCLUDED.denied_lines,
    adjudicated_lines = t.adjudicated_lines + EXCLUDED.adjudicated_lines, wrvu_hundredths = t.wrvu_hundredths + EXCLUDED.wrvu_hundredths,
    expected_cents = t.expected_cents + EXCLUDED.expected_cents, unpriced_lines = t.unpriced_lines + EXCLUDED.unpriced_lines`;

/**
 * An import's change to the rollups, applied as a delta: its new lines' sums added and its
 * replaced lines' subtracted, so a one-day import touches a few rows, not a month of facts.
 * Groups left with no line are then removed, as a GROUP BY of the facts would not show them.
 */
export const ROLLUP_APPLY_DELTA = [
  // The signed lines (their prices joined once), read by every rollup below.
  `CREATE TEMP TABLE signed ON COMMIT DROP AS ${SIGNED_LINES}`,
  `INSERT INTO rollup_month AS t (month, department_id, section, payer_category, place_of_service,
     lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines)
   SELECT month, department_id, section, payer_category, place_of_service, ${SIGNED_SUMS}
   FROM signed x GROUP BY 1, 2, 3, 4, 5
   ON CONFLICT (month, department_id, section, payer_category, place_of_service) DO UPDATE SET ${ADD_SUMS}`,
  `INSERT INTO rollup_month_code AS t (month, code_id, department_id, section,
     lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines)
   SELECT month, code_id, department_id, min(section), ${SIGNED_SUMS}
   FROM signed x GROUP BY 1, 2, 3
   ON CONFLICT (month, code_id, department_id) DO UPDATE SET ${ADD_SUMS}`,
  `INSERT INTO rollup_day_code AS t (day, code_id, department_id, section,
     lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines)
   SELECT day, code_id, department_id, min(section), ${SIGNED_SUMS}
   FROM signed x GROUP BY 1, 2, 3
   ON CONFLICT (day, code_id, department_id) DO UPDATE SET ${ADD_SUMS}`,
  `INSERT INTO rollup_month_provider AS t (month, department_id, section, provider_npi,
     lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines)
   SELECT month, department_id, section, provider_npi, ${SIGNED_SUMS}
   FROM signed x GROUP BY 1, 2, 3, 4
   ON CONFLICT (month, department_id, section, provider_npi) DO UPDATE SET ${ADD_SUMS}`,
  `INSERT INTO rollup_month_price AS t (month, department_id, code_id, price_modifier, facility, section, lines, units)
   SELECT month, department_id, code_id, price_modifier, facility, min(section), sum(sign), sum(sign * units)
   FROM signed x WHERE priced GROUP BY 1, 2, 3, 4, 5
   ON CONFLICT (month, department_id, code_id, price_modifier, facility) DO UPDATE SET lines = t.lines + EXCLUDED.lines, units = t.units + EXCLUDED.units`,
  `INSERT INTO rollup_month_denial AS t (month, department_id, section, payer_category, carc, lines, charge_cents)
   SELECT month, department_id, section, payer_category, carc, sum(sign), sum(sign * charge_cents)
   FROM signed x WHERE claim_status = 1 GROUP BY 1, 2, 3, 4, 5
   ON CONFLICT (month, department_id, section, payer_category, carc) DO UPDATE SET lines = t.lines + EXCLUDED.lines, charge_cents = t.charge_cents + EXCLUDED.charge_cents`,
  `DELETE FROM rollup_month WHERE lines = 0 AND month IN (SELECT month FROM touched)`,
  `DELETE FROM rollup_month_code WHERE lines = 0 AND month IN (SELECT month FROM touched)`,
  `DELETE FROM rollup_month_provider WHERE lines = 0 AND month IN (SELECT month FROM touched)`,
  // An array rather than IN (subquery): the temp table has no statistics, and the planner would
  // otherwise read the whole daily rollup instead of its primary key's days.
  `DELETE FROM rollup_day_code WHERE lines = 0 AND day = ANY (ARRAY(SELECT day FROM touched_day))`,
  `DELETE FROM rollup_month_price WHERE lines = 0 AND month IN (SELECT month FROM touched)`,
  `DELETE FROM rollup_month_denial WHERE lines = 0 AND month IN (SELECT month FROM touched)`,
];

const FACT_PRICE = linePriceSql({ code: 'c.code', modifiers: 'f.modifiers', serviceDate: 'f.service_date', placeOfService: 'f.place_of_service', units: 'f.units' });

/**
 * rollup_month_price for the lines that `$LINES_FILTER` (a condition on the fact `f`) selects,
 * from the facts: the units of the priced lines by the schedule row that priced them and the
 * setting, so a what-if can price them again under another schedule, to the cent.
 */
export const ROLLUP_MONTH_PRICE_REFRESH = `
  INSERT INTO rollup_month_price (month, department_id, code_id, price_modifier, facility, section, lines, units)
  SELECT m, department_id, code_id, price_modifier, facility, min(section), count(*), sum(units)
  FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.department_id, f.code_id, f.section, f.units,
               ${FACT_PRICE.priceModifier} AS price_modifier, ${FACT_PRICE.facility} AS facility
        FROM procedure_line f JOIN procedure_code c ON c.id = f.code_id
        ${FACT_PRICE.joins}
        WHERE f.priced AND $LINES_FILTER) f
  GROUP BY 1, 2, 3, 4, 5`;

/** rollup_month_denial the same way: denied lines and their charges by CARC. */
export const ROLLUP_MONTH_DENIAL_REFRESH = `
  INSERT INTO rollup_month_denial (month, department_id, section, payer_category, carc, lines, charge_cents)
  SELECT m, department_id, section, payer_category, carc, count(*), sum(charge_cents)
  FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.*, ${CARC_OF('f.denial_reason')} AS carc
        FROM procedure_line f WHERE f.claim_status = 1 AND $LINES_FILTER) f
  GROUP BY 1, 2, 3, 4, 5`;

const FACT_SUMS = `count(*), sum(units), sum(charge_cents), sum(allowed_cents), sum(paid_cents),
    count(*) FILTER (WHERE claim_status = 1), count(*) FILTER (WHERE claim_status IN (0, 1)),
    sum(wrvu_hundredths), sum(expected_cents), count(*) FILTER (WHERE NOT priced)`;

/**
 * rollup_month_provider for the lines that `$LINES_FILTER` (a condition on the fact `f`)
 * selects, every column, from the facts: what its migration and each repricing run.
 */
export const ROLLUP_MONTH_PROVIDER_REFRESH = `
  INSERT INTO rollup_month_provider (month, department_id, section, provider_npi,
    lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines)
  SELECT date_trunc('month', f.service_date::timestamp)::date, f.department_id, f.section, coalesce(f.provider_npi, 0), ${FACT_SUMS}
  FROM procedure_line f WHERE $LINES_FILTER
  GROUP BY 1, 2, 3, 4`;

/**
 * rollup_day_code for the lines that `$LINES_FILTER` (a condition on the fact `f`) selects,
 * every column, from the facts: what its migration and each repricing run.
 */
export const ROLLUP_DAY_CODE_REFRESH = `
  INSERT INTO rollup_day_code (day, code_id, department_id, section,
    lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines)
  SELECT f.service_date, f.code_id, f.department_id, min(f.section), ${FACT_SUMS}
  FROM procedure_line f WHERE $LINES_FILTER
  GROUP BY 1, 2, 3`;

const ROLLUP_SUM_COLUMNS = 'lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines, wrvu_hundredths, expected_cents, unpriced_lines';

/**
 * The rollups of sums, for the months in the temp table `touched`, recomputed from the facts,
 * every column: what a repricing runs for the months whose lines it changed.
 */
export const ROLLUP_REFRESH_TOUCHED = [
  `DELETE FROM rollup_month WHERE month IN (SELECT month FROM touched)`,
  `DELETE FROM rollup_month_code WHERE month IN (SELECT month FROM touched)`,
  `DELETE FROM rollup_month_provider WHERE month IN (SELECT month FROM touched)`,
  `DELETE FROM rollup_day_code WHERE date_trunc('month', day::timestamp)::date IN (SELECT month FROM touched)`,
  ROLLUP_DAY_CODE_REFRESH.replace(
    '$LINES_FILTER',
    `f.service_date >= (SELECT min(month) FROM touched) AND f.service_date < (SELECT max(month) FROM touched) + interval '1 month'
     AND date_trunc('month', f.service_date::timestamp)::date IN (SELECT month FROM touched)`,
  ),
  ROLLUP_MONTH_PROVIDER_REFRESH.replace(
    '$LINES_FILTER',
    `f.service_date >= (SELECT min(month) FROM touched) AND f.service_date < (SELECT max(month) FROM touched) + interval '1 month'
     AND date_trunc('month', f.service_date::timestamp)::date IN (SELECT month FROM touched)`,
  ),
  `INSERT INTO rollup_month (month, department_id, section, payer_category, place_of_service, ${ROLLUP_SUM_COLUMNS})
   SELECT m, department_id, section, payer_category, place_of_service, ${FACT_SUMS}
   FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.* FROM procedure_line f
         WHERE f.service_date >= (SELECT min(month) FROM touched) AND f.service_date < (SELECT max(month) FROM touched) + interval '1 month') f
   WHERE m IN (SELECT month FROM touched)
   GROUP BY m, department_id, section, payer_category, place_of_service`,
  `INSERT INTO rollup_month_code (month, code_id, department_id, section, ${ROLLUP_SUM_COLUMNS})
   SELECT m, code_id, department_id, min(section), ${FACT_SUMS}
   FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.* FROM procedure_line f
         WHERE f.service_date >= (SELECT min(month) FROM touched) AND f.service_date < (SELECT max(month) FROM touched) + interval '1 month') f
   WHERE m IN (SELECT month FROM touched)
   GROUP BY m, code_id, department_id`,
];

/**
 * rollup_month_price rebuilt whole, after a repricing: a new schedule can move a line to
 * another row (a new `26` row, say) at the same price, which the repricing's change test
 * does not see.
 */
export const ROLLUP_PRICE_REBUILD = [`DELETE FROM rollup_month_price`, ROLLUP_MONTH_PRICE_REFRESH.replace('$LINES_FILTER', 'true')];
