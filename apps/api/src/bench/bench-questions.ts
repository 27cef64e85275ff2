import { addDays, addMonths, addYears, periodStart, type IsoDate } from '@caseload/domain';

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface BenchDates {
  yesterday: IsoDate;
  /** The last 12 whole months: the API's default range, which the Overview relies on. */
  months12: DateRange;
  /** The same months a year earlier (compare=previous_year). */
  months12Before: DateRange;
  /** 365 days up to yesterday. */
  lastYear: DateRange;
  /** Five years up to yesterday. */
  fiveYears: DateRange;
}

export function benchDates(today: IsoDate): BenchDates {
  const monthStart = periodStart(today, 'month', { fiscalYearStartMonth: 1 });
  const months12 = { from: addMonths(monthStart, -12), to: addDays(monthStart, -1) };
  const yesterday = addDays(today, -1);
  return {
    yesterday,
    months12,
    months12Before: { from: addYears(months12.from, -1), to: addYears(months12.to, -1) },
    lastYear: { from: addDays(addYears(yesterday, -1), 1), to: yesterday },
    fiveYears: { from: addDays(addYears(yesterday, -5), 1), to: yesterday },
  };
}

/**
 * dashboard: the ≤ 25 ms / ≥ 40× targets; uncovered: a filter no rollup is meant to cover
 * (≤ 1 s); patients: exact distinct patients by month over five years (≤ 25 ms); capacity:
 * the Capacity page's requests, whose forecasts are fitted ahead (as asked ≤ 25 ms; no raw
 * SQL answers a forecast, so no baseline).
 */
export type QuestionKind = 'dashboard' | 'uncovered' | 'patients' | 'capacity';

export interface Question {
  id: string;
  kind: QuestionKind;
  /** The route asked; GET /api/v1/aggregate unless said. */
  route?: '/api/v1/reimbursement/what-if' | '/api/v1/reimbursement/denial-reasons' | '/api/v1/capacity/utilization' | '/api/v1/capacity/needs' | '/api/v1/capacity/forecast';
  /** The query string of the route, as the page sends it. */
  params: Record<string, string>;
  /** The API total that the raw baseline must reproduce. */
  check: 'lines' | 'patients' | 'units' | 'deniedLines' | 'none';
}

/** The drill-down's first step; its top code feeds the second. */
export function radiologyCodesQuestion(dates: BenchDates): Question {
  const { from, to } = dates.months12;
  return { id: 'volume.radiology_codes', kind: 'dashboard', params: { measures: 'lines', groupBy: 'code', section: 'radiology', orderBy: '-lines', from, to }, check: 'lines' };
}

/** The requests the Overview and Volume pages make, in page order. */
export function benchQuestions(dates: BenchDates, radiologyCode: string): Question[] {
  const { from, to } = dates.months12;
  const lines = (id: string, params: Record<string, string>): Question => ({ id, kind: 'dashboard', params: { measures: 'lines', ...params, from, to }, check: 'lines' });
  return [
    // The Overview sends no dates: the API's default, the last 12 whole months.
    {
      id: 'overview.kpis_by_month',
      kind: 'dashboard',
      params: { measures: 'lines,encounters,patients,charges,paid,denial_rate', groupBy: 'period', grain: 'month', compare: 'previous_year' },
      check: 'lines',
    },
    lines('overview.movers_departments', { groupBy: 'department', compare: 'previous_year', orderBy: '-lines' }),
    lines('overview.movers_codes', { groupBy: 'code', compare: 'previous_year', orderBy: '-lines', limit: '50' }),
    lines('volume.trend_week', { groupBy: 'period', grain: 'week', compare: 'previous_year' }),
    lines('volume.trend_month', { groupBy: 'period', grain: 'month', compare: 'previous_year' }),
    lines('volume.sections_by_month', { groupBy: 'period,section', grain: 'month' }),
    lines('volume.department_heatmap', { groupBy: 'period,department', grain: 'month' }),
    lines('volume.top_codes', { groupBy: 'code', orderBy: '-lines', limit: '20', compare: 'previous_year' }),
    radiologyCodesQuestion(dates),
    lines('volume.code_by_department', { code: radiologyCode, groupBy: 'period,department', grain: 'month' }),
    ...reimbursementQuestions(dates),
    {
      id: 'volume.uncovered_filter_1y',
      kind: 'uncovered',
      params: { measures: 'lines', place_of_service: '11', payer_category: 'medicaid', groupBy: 'provider', ...dates.lastYear },
      check: 'lines',
    },
    {
      id: 'volume.patients_by_month_5y',
      kind: 'patients',
      params: { measures: 'patients', groupBy: 'period', grain: 'month', ...dates.fiveYears },
      check: 'patients',
    },
  ];
}

/**
 * The Reimbursement page's requests over its default range, the last 12 whole months. Each
 * aggregate asks `lines` besides the page's measures, for the check against the raw SQL.
 */
export function reimbursementQuestions(dates: BenchDates): Question[] {
  const { from, to } = dates.months12;
  const ask = (id: string, params: Record<string, string>): Question => ({ id, kind: 'dashboard', params: { ...params, from, to }, check: 'lines' });
  return [
    ask('reimb.headline', { measures: 'lines,charges,allowed,paid,denial_rate,wrvu,expected_payment', groupBy: 'period', grain: 'month' }),
    ask('reimb.payer_mix', { measures: 'lines,charges', groupBy: 'payer_category', orderBy: '-charges' }),
    // Asked when the payer mix is switched to encounters: counted from the index's encounter keys.
    ask('reimb.payer_encounters', { measures: 'lines,encounters', groupBy: 'payer_category' }),
    ask('reimb.departments', { measures: 'lines,paid,expected_payment,wrvu', groupBy: 'department' }),
    ask('reimb.codes', { measures: 'lines,paid,expected_payment', groupBy: 'code', orderBy: '-expected_payment', limit: '15' }),
    ask('reimb.providers', { measures: 'lines,wrvu', groupBy: 'provider', orderBy: '-wrvu', limit: '15' }),
    { id: 'reimb.denial_reasons', kind: 'dashboard', route: '/api/v1/reimbursement/denial-reasons', params: { from, to, limit: '10' }, check: 'deniedLines' },
    { id: 'reimb.what_if', kind: 'dashboard', route: '/api/v1/reimbursement/what-if', params: { from, to, conversion_factor: '33.4009' }, check: 'units' },
  ];
}

/** The Capacity page's requests as it opens: weekly utilization of the last 13 weeks, next quarter's needs and forecasts, and a what-if. */
export function capacityQuestions(dates: BenchDates): Question[] {
  const weeks = { from: addDays(dates.months12.to, -(13 * 7 - 1)), to: dates.months12.to };
  const ask = (id: string, route: NonNullable<Question['route']>, params: Record<string, string>): Question => ({ id, kind: 'capacity', route, params, check: 'none' });
  return [
    ask('capacity.utilization_weeks', '/api/v1/capacity/utilization', { ...weeks, grain: 'week' }),
    ask('capacity.needs', '/api/v1/capacity/needs', { horizon: '3' }),
    ask('capacity.forecast', '/api/v1/capacity/forecast', { horizon: '3', topCodes: '0' }),
    ask('capacity.needs_what_if', '/api/v1/capacity/needs', { horizon: '3', growth: '10', extraHours: '2' }),
  ];
}

export function aggregatePath(question: Question): string {
  const query = Object.entries(question.params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value).replaceAll('%2C', ',')}`)
    .join('&');
  return `${question.route ?? '/api/v1/aggregate'}?${query}`;
}
