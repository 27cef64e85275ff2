import { FACILITY_PLACES_OF_SERVICE, MAX_MODIFIERS } from '@caseload/domain';

/** SQL expressions of one line, as the table being read names them. */
export interface LineColumnsSql {
  code: string;
  /** Space-separated, in the order billed; NULL for none. */
  modifiers: string;
  serviceDate: string;
  placeOfService: string;
  units: string;
}

export interface LinePriceSql {
  /** LEFT JOINs to append after the table of the line. */
  joins: string;
  wrvuHundredths: string;
  expectedCents: string;
  priced: string;
  /** The modifier of the schedule row that priced the line ('' for the global row); NULL when unpriced. */
  priceModifier: string;
  /** Whether the line is priced in the facility setting (by place of service). */
  facility: string;
}

const FACILITY_LIST = FACILITY_PLACES_OF_SERVICE.map(Number).join(', ');

/**
 * A line's price by DESIGN §4, read from fee_schedule_price (what `priceLine` computed for one
 * unit): the period of the service year gives the schedule years; the row of the first billed
 * modifier that has one (26, TC, 53), else the global row; the setting by place of service; a
 * missing row or a status CMS does not pay leaves the line unpriced, adding 0. Plain equality
 * joins on a small table, so the database hashes it once per statement.
 */
export function linePriceSql(line: LineColumnsSql, prefix = 'lp'): LinePriceSql {
  const period = `${prefix}_y`;
  const facility = `(${line.placeOfService} IN (${FACILITY_LIST}))`;
  const rowJoin = (alias: string, modifier: string) =>
    `LEFT JOIN fee_schedule_price ${alias} ON ${alias}.rvu_year = ${period}.rvu_year AND ${alias}.gpci_year = ${period}.gpci_year` +
    ` AND ${alias}.code = ${line.code} AND ${alias}.modifier = ${modifier} AND ${alias}.facility = ${facility}`;
  const modifierAliases = Array.from({ length: MAX_MODIFIERS }, (_, i) => `${prefix}_m${i + 1}`);
  const globalAlias = `${prefix}_g`;
  const joins = [
    `LEFT JOIN fee_schedule_price_period ${period} ON extract(year FROM ${line.serviceDate})::int BETWEEN ${period}.from_year AND ${period}.to_year`,
    ...modifierAliases.map((alias, i) => rowJoin(alias, `nullif(split_part(${line.modifiers}, ' ', ${i + 1}), '')`)),
    rowJoin(globalAlias, `''`),
  ].join('\n    ');
  const chosen = (column: string) =>
    `CASE ${modifierAliases.map((alias) => `WHEN ${alias}.code IS NOT NULL THEN ${alias}.${column}`).join(' ')} ELSE ${globalAlias}.${column} END`;
  const priced = `coalesce(${chosen('payable')}, false)`;
  return {
    joins,
    priced,
    priceModifier: `CASE WHEN ${priced} THEN ${chosen('modifier')} END`,
    facility,
    wrvuHundredths: `CASE WHEN ${priced} THEN ${line.units}::int * ${chosen('work_hundredths')} ELSE 0 END`,
    expectedCents: `CASE WHEN ${priced} THEN ${line.units}::bigint * ${chosen('fee_cents')} ELSE 0 END`,
  };
}
