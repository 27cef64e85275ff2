// The fee schedule as a price table the database can join (DESIGN §4): every line is priced
// by SQL from rows that `priceLine` itself computed, so the database and the domain cannot
// disagree on a fee. The year fallback depends on the service year only through the years
// loaded, so the service years split into a few periods that each price the same way.

import { applicableYear, isUnpriced, pricedYears, priceLine, type FeeSchedule } from './fee-schedule.js';

/** Service years from..to (inclusive) are priced from the RVUs of `rvuYear` and the GPCIs of `gpciYear`. */
export interface PricePeriod {
  fromYear: number;
  toYear: number;
  rvuYear: number;
  /** 0 for the national average, which needs no GPCI row. */
  gpciYear: number;
}

/** One RVU row priced for one unit in one setting: what the SQL join reads. */
export interface PriceRow {
  rvuYear: number;
  gpciYear: number;
  code: string;
  modifier: string;
  facility: boolean;
  /** False when CMS does not pay the row under the schedule: its lines are unpriced. */
  payable: boolean;
  workHundredths: number;
  feeCents: number;
}

/** Open ends of the service-year axis (service dates have four-digit years). */
export const FIRST_SERVICE_YEAR = 0;
export const LAST_SERVICE_YEAR = 9999;

/**
 * The periods of service years, each with the schedule years that price it; empty when no
 * year can price (every line is then unpriced). A locality with no GPCI row for a period
 * leaves that period out: its lines are unpriced, as `priceLine` says.
 */
export function pricePeriods(schedule: FeeSchedule, locality: string | null): PricePeriod[] {
  const priced = pricedYears(schedule);
  if (priced.length === 0) return [];
  const gpciYears = [...schedule.years.values()].filter((y) => y.gpcis.size > 0).map((y) => y.year);
  const breaks = [...new Set([...priced, ...(locality === null ? [] : gpciYears)])].sort((a, b) => a - b);
  const starts = [FIRST_SERVICE_YEAR, ...breaks.filter((year) => year > FIRST_SERVICE_YEAR)];
  const periods: PricePeriod[] = [];
  starts.forEach((fromYear, i) => {
    const toYear = i + 1 < starts.length ? starts[i + 1]! - 1 : LAST_SERVICE_YEAR;
    const rvuYear = applicableYear(fromYear, priced)!;
    let gpciYear = 0;
    if (locality !== null) {
      const year = applicableYear(fromYear, gpciYears);
      if (year === null || schedule.years.get(year)!.gpcis.get(locality) === undefined) return;
      gpciYear = year;
    }
    const last = periods[periods.length - 1];
    if (last !== undefined && last.toYear === fromYear - 1 && last.rvuYear === rvuYear && last.gpciYear === gpciYear) last.toYear = toYear;
    else periods.push({ fromYear, toYear, rvuYear, gpciYear });
  });
  return periods;
}

/**
 * One unit of every RVU row, in both settings, for each distinct (RVU year, GPCI year) of the
 * periods, priced by `priceLine` for a service year of a period that uses that pair.
 */
export function priceRows(schedule: FeeSchedule, locality: string | null, periods: readonly PricePeriod[]): PriceRow[] {
  const rows: PriceRow[] = [];
  const done = new Set<string>();
  for (const period of periods) {
    const pair = `${period.rvuYear}|${period.gpciYear}`;
    if (done.has(pair)) continue;
    done.add(pair);
    const serviceDate = `${String(period.fromYear).padStart(4, '0')}-07-01`;
    for (const rvu of schedule.years.get(period.rvuYear)!.rvus.values()) {
      for (const facility of [false, true]) {
        const price = priceLine(
          { code: rvu.code, modifiers: rvu.modifier === '' ? [] : [rvu.modifier], serviceDate, placeOfService: facility ? '22' : '11', units: 1 },
          schedule,
          locality,
        );
        if (isUnpriced(price)) {
          if (price.unpriced !== 'status-not-payable') continue;
          rows.push({ rvuYear: period.rvuYear, gpciYear: period.gpciYear, code: rvu.code, modifier: rvu.modifier, facility, payable: false, workHundredths: 0, feeCents: 0 });
        } else {
          rows.push({ rvuYear: period.rvuYear, gpciYear: period.gpciYear, code: rvu.code, modifier: rvu.modifier, facility, payable: true, workHundredths: price.wrvuHundredths, feeCents: price.feeCents });
        }
      }
    }
  }
  return rows;
}
