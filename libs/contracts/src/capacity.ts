// Capacity planning (DESIGN §3.2 resources, §4 `minutes` and `utilization`): the resource
// model that admins edit, and the answers of GET /api/v1/capacity/utilization, /forecast
// and /needs. Hours and minutes are plain numbers (not rounded); rates are 0..1 (above 1
// when demand exceeds what is available); `null` where a figure is undefined.

/** Equipment and rooms (a scanner, an OR room, a lab analyser) or a staff role. */
export type CapacityResourceKind = 'equipment' | 'staff';

/** Hours on each weekday, Monday first: [Mon, Tue, Wed, Thu, Fri, Sat, Sun], each 0..24. */
export type CapacityWeeklySchedule = [number, number, number, number, number, number, number];

/** A resource type that procedure profiles and department inventories name. */
export interface CapacityResourceType {
  /** Lower-case identifier, `[a-z][a-z0-9_]*`, at most 40 characters, e.g. `mri_scanner`, `technologist`. */
  key: string;
  /** For display, e.g. "MRI scanner". */
  name: string;
  kind: CapacityResourceKind;
}

/** What a department has of a resource type: units of equipment or FTEs of staff, and their hours. */
export interface CapacityInventory {
  /** Department code, as in the procedure lines. */
  department: string;
  /** A resource type's key. */
  resourceType: string;
  /** Units (equipment) or FTEs (staff), 0 or more; FTEs may be fractional (2.5). */
  count: number;
  /**
   * Equipment: the hours each unit is open on each weekday. Staff: the weekdays with hours
   * are the working days, over which an FTE's productive hours are spread.
   */
  schedule: CapacityWeeklySchedule;
  /**
   * Staff: productive hours of 1 FTE in a year (after leave other than the holidays);
   * null = the default, 1768. Always null for equipment.
   */
  productiveHoursPerFte: number | null;
}

/** A day on which nothing is open and nobody works: for every department, or for one. */
export interface CapacityHoliday {
  /** YYYY-MM-DD. */
  date: string;
  /** null = every department. */
  department: string | null;
  /** e.g. "Independence Day"; may be empty. */
  name: string;
}

/** The minutes one unit of a code takes of a resource type (one row of the code's profile). */
export interface CapacityProfileRow {
  /** CPT / HCPCS code. */
  code: string;
  resourceType: string;
  /** Minutes per unit, above 0 and at most 1440 (two decimals kept). */
  minutes: number;
}

/**
 * GET /api/v1/capacity/resource-types | inventories | holidays | profiles → `{rows}`
 * (`?format=csv` answers the same rows as a CSV file, in the import format). A user limited
 * to departments gets only the inventories and holidays of their departments (and the
 * holidays of every department). PUT (admins) with the same `{rows}` replaces the whole
 * list; POST …/import (admins, the CSV as `text/csv` or multipart field `file`) replaces it
 * from a file. Both check every row first and change nothing when any row is wrong.
 */
export interface CapacityListResponse<T> {
  rows: T[];
}

export type CapacityResourceTypesResponse = CapacityListResponse<CapacityResourceType>;
export type CapacityInventoriesResponse = CapacityListResponse<CapacityInventory>;
export type CapacityHolidaysResponse = CapacityListResponse<CapacityHoliday>;
export type CapacityProfilesResponse = CapacityListResponse<CapacityProfileRow>;

/** PUT body: the whole new list (a JSON body is at most 100 KB; import longer lists as CSV, up to 16 MB). */
export interface CapacityReplaceRequest<T> {
  rows: T[];
}

/** One reason a row was refused. */
export interface CapacityRowError {
  /**
   * CSV: the line's row number, the header being row 1. JSON: the position in `rows`, from
   * 1. null for a problem of the list as a whole (a missing column, a type still in use).
   */
  row: number | null;
  /** The column (CSV) or field (JSON) at fault, e.g. `minutes`, `resource_type`; null when none is. */
  column: string | null;
  reason: string;
}

/** 200 answer of a PUT or an import: the list was replaced. */
export interface CapacityReplaceResponse {
  /** Rows now in the list. */
  rows: number;
}

/**
 * 400 answer of a PUT or an import that was refused: nothing was changed. `code` is
 * `CAPACITY_REJECTED`; `errors` lists every row problem found (at most 1000).
 */
export interface CapacityRejectedResponse {
  statusCode: 400;
  code: 'CAPACITY_REJECTED';
  message: string;
  errors: CapacityRowError[];
}

// ---------------------------------------------------------------------------------------
// GET /api/v1/capacity/utilization
//   from, to      inclusive dates (default: the last 12 whole months)
//   grain         week | month (default month); the first and last periods are cut to the range
//   department    comma list of department codes (filter; a scoped user sees only theirs)
//   resourceType  comma list of resource-type keys (filter)

export interface CapacityUtilizationRow {
  /** Period label: `2025-03` or ISO week `2025-W10`. */
  period: string;
  /** The part of the period inside the range. */
  from: string;
  to: string;
  department: string;
  resourceType: string;
  kind: CapacityResourceKind;
  /** DESIGN §4 `minutes`: Σ actual minutes where recorded, else units × profile minutes. */
  usedMinutes: number;
  /** Units or FTEs in the inventory; 0 where the department uses the type without having any. */
  count: number;
  /** Hours the department's units / FTEs give in the period (holidays taken out). */
  availableHours: number;
  /** usedMinutes ÷ (availableHours × 60); null when nothing is available. */
  utilization: number | null;
}

/**
 * A resource type pooled across departments: the minutes of every department (in the scope
 * and filters) against the hours of all their units. This is the figure for a resource
 * shared across departments, e.g. CT scanners that Radiology owns and the ED also uses.
 */
export interface CapacityPooledRow {
  period: string;
  from: string;
  to: string;
  resourceType: string;
  kind: CapacityResourceKind;
  /** Departments that used or have the resource type in the period's answer. */
  departments: string[];
  usedMinutes: number;
  count: number;
  availableHours: number;
  utilization: number | null;
}

export interface CapacityUtilizationResponse {
  rows: CapacityUtilizationRow[];
  pooled: CapacityPooledRow[];
  meta: {
    grain: 'week' | 'month';
    from: string;
    to: string;
    rowCount: number;
    /** Lines in the range and filters whose code has no profile: their resource use is unknown. */
    unprofiledLines: number;
  };
}

// ---------------------------------------------------------------------------------------
// GET /api/v1/capacity/forecast
//   horizon        months ahead, 1..18 (default 12)
//   historyEnd     last month of history, YYYY-MM (default: the last whole month)
//   historyMonths  months of history, 6..120 (default 36)
//   measure        units | lines (default units)
//   department, section  comma lists (filters; a scoped user sees only theirs)
//   topCodes       per department, how many of its largest codes also get a forecast, 0..20 (default 5)

export interface CapacityForecastPoint {
  /** `2026-01`. */
  period: string;
  value: number;
  /** Bounds of the prediction interval (80% by default); never below 0. */
  low: number;
  high: number;
}

export interface CapacityBacktest {
  /** Months held out at the end of the history and forecast from the rest (12). */
  holdout: number;
  /** Mean absolute percentage error, as a fraction (0.05 = 5%); null when every held-out actual is 0. */
  mape: number | null;
  /** Mean absolute scaled error (below 1: better than the seasonal-naive forecast); null when undefined. */
  mase: number | null;
  /** Share of held-out actuals that fell inside the interval. */
  coverage: number;
}

export interface CapacityForecastSeries {
  department: string;
  /** Section id (DESIGN §3.3); for a code series, the code's section. */
  section: string;
  /** Set for the per-code series of a department's top codes; null for a department × section series. */
  code: string | null;
  /** `ok`, or `too_little_history` (no points then: see `message`). */
  status: 'ok' | 'too_little_history';
  /** Why there is no forecast, or what was simplified (e.g. too short for seasonality); null when nothing. */
  message: string | null;
  /** Months from the series' first month with volume to historyEnd. */
  history: { period: string; value: number }[];
  points: CapacityForecastPoint[];
  /** e.g. "Holt-Winters, additive seasonality, damped trend"; null without a forecast. */
  method: string | null;
  /** ETS notation, e.g. "ETS(A,Ad,A)"; null for the naive and zero forecasts. */
  model: string | null;
  /** Scores on the last 12 months held out; null when the history is shorter than 24 months (see `backtestNote`). */
  backtest: CapacityBacktest | null;
  backtestNote: string | null;
}

export interface CapacityForecastResponse {
  series: CapacityForecastSeries[];
  meta: {
    measure: 'units' | 'lines';
    horizon: number;
    /** Coverage of the prediction interval, 0.8. */
    level: number;
    historyFrom: string;
    historyTo: string;
    /** First and last forecast month. */
    forecastFrom: string;
    forecastTo: string;
    /** Months of history below which a series answers `too_little_history`. */
    minHistoryMonths: number;
  };
}

// ---------------------------------------------------------------------------------------
// GET /api/v1/capacity/needs
//   horizon        months ahead, 1..18 (default 3: the next quarter)
//   historyEnd, historyMonths  as for /forecast
//   department, resourceType   comma lists (filters)
//   target         target utilization, above 0 and at most 1 (default 0.8)
//   growth         what-if: volume change in percent, above −100 and at most 1000 (default 0)
//   add            what-if: units / FTEs added (negative: removed), a comma list of
//                  `resourceType:n` (every department's) or `DEPT/resourceType:n`
//   extraHours     what-if: hours added to each open day of equipment, 0..24 (default 0)

/** Expected value and the bounds carried from the forecast's interval. */
export interface CapacityBand {
  expected: number;
  low: number;
  high: number;
}

export interface CapacityNullableBand {
  expected: number | null;
  low: number | null;
  high: number | null;
}

/** A department's need of a resource type over a stretch of time (a month, or the horizon). */
export interface CapacityNeed {
  /** Units / FTEs after the what-if. */
  count: number;
  /** Hours one unit / FTE gives in the stretch (holidays out, longer opening in). */
  hoursPerUnit: number;
  availableHours: number;
  /** Forecast demand, in hours of the resource (after the growth what-if). */
  demandHours: CapacityBand;
  /** Demand ÷ available. */
  utilization: CapacityNullableBand;
  /** Hours that must be available for demand to use only the target share. */
  requiredHours: CapacityBand;
  /** Required ÷ hours per unit. */
  unitsNeeded: CapacityNullableBand;
  /** Units needed, rounded up. */
  wholeUnitsNeeded: CapacityNullableBand;
  /** unitsNeeded − count: above 0 a shortfall, below 0 a surplus. */
  gap: CapacityNullableBand;
  /** What-ifs that do not apply here (e.g. longer opening for staff). */
  notes: string[];
}

export interface CapacityNeedsMonth extends CapacityNeed {
  period: string;
}

export interface CapacityNeedsRow {
  department: string;
  resourceType: string;
  kind: CapacityResourceKind;
  /** Units / FTEs in the inventory, before the what-if. */
  currentCount: number;
  /** The whole horizon (e.g. the next quarter) as one stretch: answers "is it above target, and by how much". */
  horizon: CapacityNeed;
  /** Additional whole units / FTEs that bring the horizon's expected utilization to the target (0 when none). */
  additionalUnitsNeeded: number | null;
  /** True when the horizon's expected utilization is above the target. */
  aboveTarget: boolean;
  months: CapacityNeedsMonth[];
  /** How the demand was forecast: method and backtest on the department × resource's monthly minutes. */
  forecast: { method: string; model: string | null; message: string | null; backtest: CapacityBacktest | null };
}

export interface CapacityNeedsResponse {
  rows: CapacityNeedsRow[];
  meta: {
    horizon: number;
    forecastFrom: string;
    forecastTo: string;
    historyFrom: string;
    historyTo: string;
    targetUtilization: number;
    level: number;
    whatIf: {
      volumeGrowthPercent: number;
      extraOpeningHoursPerDay: number;
      /** As parsed: department null = every department's inventory of the type. */
      add: { department: string | null; resourceType: string; units: number }[];
    };
    /** Department × resource types with demand but no inventory: no units to plan with. */
    uninventoried: { department: string; resourceType: string; demandHours: number }[];
  };
}
