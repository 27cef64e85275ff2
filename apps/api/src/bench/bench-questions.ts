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
 * (≤ 1 s); patients: exact distinct patients by month over five years (≤ 25 ms).
 */
export type QuestionKind = 'dashboard' | 'uncovered' | 'patients';

export interface Question {
  id: string;
  kind: QuestionKind;
  /** The query string of GET /api/v1/aggregate, as the page sends it. */
  params: Record<string, string>;
  /** The API total that the raw baseline must reproduce. */
  check: 'lines' | 'patients';
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

export function aggregatePath(question: Question): string {
  const query = Object.entries(question.params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value).replaceAll('%2C', ',')}`)
    .join('&');
  return `/api/v1/aggregate?${query}`;
}
