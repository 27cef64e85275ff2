/**
 * Recomputes rollup_month for the months that `$MONTHS_FILTER` (a condition on the month
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

/** The same for rollup_month_code: per month, code and department. */
export const ROLLUP_MONTH_CODE_REFRESH = `
  INSERT INTO rollup_month_code (month, code_id, department_id, section,
    lines, units, charge_cents, allowed_cents, paid_cents, denied_lines, adjudicated_lines)
  SELECT m, code_id, department_id, min(section),
    count(*), sum(units), sum(charge_cents), sum(allowed_cents), sum(paid_cents),
    count(*) FILTER (WHERE claim_status = 1), count(*) FILTER (WHERE claim_status IN (0, 1))
  FROM (SELECT date_trunc('month', f.service_date::timestamp)::date AS m, f.* FROM procedure_line f) f
  WHERE $MONTHS_FILTER
  GROUP BY m, code_id, department_id`;
