// The Medicare Physician Fee Schedule and the pricing of one procedure line (DESIGN §3.2,
// §4 `wrvu` and `expected_payment`). CMS publishes RVUs with 2 decimals, GPCIs with 3 and
// the conversion factor with 4, so a fee is computed exactly in integers and rounded to the
// cent once, half up, which reproduces CMS's own published payment amounts.

import type { IsoDate } from './dates.js';

/** One row of CMS's RVU file (PPRRVU): a code, or a code with a pricing modifier. */
export interface RvuRow {
  year: number;
  code: string;
  /** '' for the global service; '26' (professional), 'TC' (technical), '53' (discontinued)… */
  modifier: string;
  /** CMS status code: A, R and T are paid under the schedule (PAYABLE_STATUSES). */
  status: string;
  work: number;
  peNonFacility: number;
  peFacility: number;
  mp: number;
  /** '000', '010', '090', 'XXX', 'YYY', 'ZZZ', 'MMM'. */
  globalDays: string;
  /** Professional / technical component indicator, 0–9. */
  pctcIndicator: string;
  /** CMS marks the non-facility or facility PE as not applicable in that setting. */
  nonFacilityNa: boolean;
  facilityNa: boolean;
}

/** One Medicare locality's geographic practice cost indices. */
export interface GpciRow {
  year: number;
  /** The Medicare Administrative Contractor (MAC) number, 5 digits. */
  carrier: string;
  /** The locality number within the contractor, 2 digits. */
  locality: string;
  state: string;
  name: string;
  work: number;
  pe: number;
  mp: number;
}

export interface ConversionFactor {
  year: number;
  conversionFactor: number;
}

/** The statuses CMS pays under the schedule: active, restricted, and injections (T). */
export const PAYABLE_STATUSES: readonly string[] = ['A', 'R', 'T'];

/** Why a status is not paid from RVUs, to complete "status X: …". */
const STATUS_MEANINGS: Readonly<Record<string, string>> = {
  B: 'bundled into another service',
  C: 'priced by the Medicare contractor, not by the schedule',
  D: 'deleted code',
  E: 'excluded from the schedule by regulation',
  F: 'deleted code',
  G: 'not valid for Medicare; another code is billed instead',
  H: 'deleted modifier',
  I: 'not valid for Medicare; another code is billed instead',
  J: 'anesthesia service, paid by the anesthesia conversion factor',
  M: 'measurement code, not paid',
  N: 'not covered by Medicare',
  P: 'bundled or excluded',
  X: 'excluded from Medicare payment by statute',
};

/** CMS's facility places of service (DESIGN §3.2); every other place is non-facility. */
export const FACILITY_PLACES_OF_SERVICE: readonly string[] = [
  '19', '21', '22', '23', '24', '26', '31', '34', '41', '42', '51', '52', '53', '56', '61',
];

export function isFacilityPlaceOfService(placeOfService: string | number): boolean {
  return FACILITY_PLACES_OF_SERVICE.includes(String(placeOfService).padStart(2, '0'));
}

/** `01112-05`: the contractor and locality number, as CASELOAD_LOCALITY names a locality. */
export function localityKey(carrier: string, locality: string): string {
  return `${carrier}-${locality}`;
}

export interface FeeScheduleYear {
  year: number;
  /** Null while the year's RVU file has not been loaded. */
  conversionFactor: number | null;
  /** Keyed by `rvuKey(code, modifier)`. */
  rvus: ReadonlyMap<string, RvuRow>;
  /** Keyed by `localityKey(carrier, locality)`. */
  gpcis: ReadonlyMap<string, GpciRow>;
}

export interface FeeSchedule {
  years: ReadonlyMap<number, FeeScheduleYear>;
}

export function rvuKey(code: string, modifier: string): string {
  return `${code}|${modifier}`;
}

export function buildFeeSchedule(input: {
  rvus: Iterable<RvuRow>;
  gpcis: Iterable<GpciRow>;
  conversionFactors: Iterable<ConversionFactor>;
}): FeeSchedule {
  const years = new Map<number, { year: number; conversionFactor: number | null; rvus: Map<string, RvuRow>; gpcis: Map<string, GpciRow> }>();
  const yearOf = (year: number) => {
    let found = years.get(year);
    if (found === undefined) {
      found = { year, conversionFactor: null, rvus: new Map(), gpcis: new Map() };
      years.set(year, found);
    }
    return found;
  };
  for (const cf of input.conversionFactors) yearOf(cf.year).conversionFactor = cf.conversionFactor;
  for (const row of input.rvus) yearOf(row.year).rvus.set(rvuKey(row.code, row.modifier), row);
  for (const row of input.gpcis) yearOf(row.year).gpcis.set(localityKey(row.carrier, row.locality), row);
  return { years };
}

/**
 * The year whose values apply to a service year, among `candidates`: that year, else the
 * latest earlier one, else the earliest (DESIGN §4); null when there is none.
 */
export function applicableYear(serviceYear: number, candidates: Iterable<number>): number | null {
  let earlier: number | null = null;
  let earliest: number | null = null;
  for (const year of candidates) {
    if (year === serviceYear) return year;
    if (year < serviceYear && (earlier === null || year > earlier)) earlier = year;
    if (earliest === null || year < earliest) earliest = year;
  }
  return earlier ?? earliest;
}

/** The years that can price a line: an RVU file and its conversion factor are loaded. */
export function pricedYears(schedule: FeeSchedule): number[] {
  return [...schedule.years.values()].filter((y) => y.conversionFactor !== null && y.rvus.size > 0).map((y) => y.year).sort((a, b) => a - b);
}

export interface PricingInput {
  code: string;
  /** In the order billed; the first one with its own row in the schedule chooses that row. */
  modifiers: readonly string[];
  serviceDate: IsoDate;
  placeOfService: string | number;
  units: number;
}

export interface PricedLine {
  /** units × work RVU. */
  wrvu: number;
  /** The same in hundredths of an RVU, exact for summing. */
  wrvuHundredths: number;
  /** units × the fee, in cents. */
  expectedCents: number;
  /** One unit's fee, rounded to the cent as CMS publishes it. */
  feeCents: number;
  /** The schedule year used (the service year, or the one DESIGN §4 falls back to). */
  year: number;
  /** The RVU row's modifier ('' for the global row). */
  modifier: string;
  facility: boolean;
}

export type UnpricedReason = 'no-schedule' | 'code-not-in-schedule' | 'status-not-payable' | 'locality-not-in-schedule';

export interface UnpricedLine {
  unpriced: UnpricedReason;
  /** A sentence a person can act on. */
  detail: string;
  year: number | null;
}

export type LinePrice = PricedLine | UnpricedLine;

export function isUnpriced(price: LinePrice): price is UnpricedLine {
  return 'unpriced' in price;
}

const NATIONAL = { work: 1, pe: 1, mp: 1 } as const;

/**
 * Prices one line: the RVU row of the code with the first billed modifier that has its own
 * row (26, TC, 53), else the global row; PE by the facility setting of the place of service;
 * GPCIs of `locality` (`01112-05`; null: the national average, every GPCI 1.0) from the
 * pricing year, or from the nearest year with GPCIs by the same fallback rule.
 */
export function priceLine(line: PricingInput, schedule: FeeSchedule, locality: string | null): LinePrice {
  const serviceYear = Number(line.serviceDate.slice(0, 4));
  const year = applicableYear(serviceYear, pricedYears(schedule));
  if (year === null) {
    return { unpriced: 'no-schedule', detail: 'No fee schedule is loaded: load the RVU file of a year.', year: null };
  }
  const book = schedule.years.get(year)!;
  const row = chooseRow(line.code, line.modifiers, book);
  if (row === null) {
    return { unpriced: 'code-not-in-schedule', detail: `Code ${line.code} has no row in the ${year} fee schedule.`, year };
  }
  if (!PAYABLE_STATUSES.includes(row.status)) {
    const meaning = STATUS_MEANINGS[row.status] ?? 'not paid under the schedule';
    return { unpriced: 'status-not-payable', detail: `Code ${describeRow(row)} has status ${row.status} in the ${year} fee schedule: ${meaning}.`, year };
  }
  const gpci = locality === null ? NATIONAL : gpciFor(locality, serviceYear, schedule);
  if (gpci === null) {
    return { unpriced: 'locality-not-in-schedule', detail: `Locality ${locality} has no GPCI row in the fee schedule that applies to ${serviceYear}.`, year };
  }
  const facility = isFacilityPlaceOfService(line.placeOfService);
  const feeCents = feeInCents(row, facility, gpci, book.conversionFactor!);
  const workHundredths = hundredths(row.work);
  return {
    wrvu: (line.units * workHundredths) / 100,
    wrvuHundredths: line.units * workHundredths,
    expectedCents: line.units * feeCents,
    feeCents,
    year,
    modifier: row.modifier,
    facility,
  };
}

function chooseRow(code: string, modifiers: readonly string[], book: FeeScheduleYear): RvuRow | null {
  for (const modifier of modifiers) {
    const row = modifier === '' ? undefined : book.rvus.get(rvuKey(code, modifier));
    if (row !== undefined) return row;
  }
  return book.rvus.get(rvuKey(code, '')) ?? null;
}

function gpciFor(locality: string, serviceYear: number, schedule: FeeSchedule): { work: number; pe: number; mp: number } | null {
  const withGpcis = [...schedule.years.values()].filter((y) => y.gpcis.size > 0).map((y) => y.year);
  const year = applicableYear(serviceYear, withGpcis);
  return year === null ? null : (schedule.years.get(year)!.gpcis.get(locality) ?? null);
}

function describeRow(row: RvuRow): string {
  return row.modifier === '' ? row.code : `${row.code}-${row.modifier}`;
}

// Scales at which CMS's published values are whole numbers.
const hundredths = (rvu: number) => Math.round(rvu * 100);
const thousandths = (gpci: number) => Math.round(gpci * 1000);
const tenThousandths = (cf: number) => Math.round(cf * 10_000);
/** The fee before rounding is in billionths of a dollar (1e-2 · 1e-3 · 1e-4); a cent is 1e7 of them. */
const CENT = 10_000_000n;

/**
 * [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × CF, rounded to the
 * cent half up. Computed in exact integers; CMS's published amounts match this to the cent.
 */
export function feeInCents(row: RvuRow, facility: boolean, gpci: { work: number; pe: number; mp: number }, conversionFactor: number): number {
  const pe = facility ? row.peFacility : row.peNonFacility;
  const adjusted =
    BigInt(hundredths(row.work)) * BigInt(thousandths(gpci.work)) +
    BigInt(hundredths(pe)) * BigInt(thousandths(gpci.pe)) +
    BigInt(hundredths(row.mp)) * BigInt(thousandths(gpci.mp));
  const exact = adjusted * BigInt(tenThousandths(conversionFactor));
  return Number((exact + CENT / 2n) / CENT);
}
