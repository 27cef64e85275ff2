import { isValidCode, SECTION_LABELS, sectionOf } from '@caseload/domain';
import type { SectionId } from '@caseload/domain';
import type { AggregateRow } from '../../../api/aggregate';
import { toMeasureValue } from '../../../ui/measure-value';
import { percentChange } from './change';

export interface TopCode {
  code: string;
  section: SectionId | null;
  sectionName: string;
  lines: number;
  /** Lines in the same range a year earlier. */
  previous: number;
  change: number;
  /** change ÷ previous; null when there were none a year earlier. */
  percent: number | null;
  /** Lines per period, in the order of `periods`, for the sparkline; empty until loaded. */
  trend: number[];
}

/** The codes the API ranked by lines, in its order. */
export function buildTopCodes(rows: readonly AggregateRow[]): TopCode[] {
  return rows
    .filter((row) => typeof row['code'] === 'string')
    .map((row) => {
      const code = String(row['code']);
      const section = isValidCode(code) ? sectionOf(code) : null;
      const lines = toMeasureValue(row['lines']) ?? 0;
      const previous = toMeasureValue(row['lines_compare']) ?? 0;
      return { code, section, sectionName: section ? SECTION_LABELS[section] : '', lines, previous, change: lines - previous, percent: percentChange(lines, previous), trend: [] };
    });
}

export interface CodeTrends {
  periods: string[];
  byCode: ReadonlyMap<string, number[]>;
}

/** Rows of lines by period and code → one series per code over every period of the answer. */
export function buildCodeTrends(rows: readonly AggregateRow[]): CodeTrends {
  const periods = [...new Set(rows.map((row) => row['period']).filter((period): period is string => typeof period === 'string'))].sort();
  const index = new Map(periods.map((period, position) => [period, position]));
  const byCode = new Map<string, number[]>();
  for (const row of rows) {
    const code = row['code'];
    const position = index.get(String(row['period']));
    if (typeof code !== 'string' || position === undefined) continue;
    const series = byCode.get(code) ?? periods.map(() => 0);
    series[position] = (series[position] ?? 0) + (toMeasureValue(row['lines']) ?? 0);
    byCode.set(code, series);
  }
  return { periods, byCode };
}

export function withTrends(codes: readonly TopCode[], trends: CodeTrends): TopCode[] {
  return codes.map((code) => ({ ...code, trend: trends.byCode.get(code.code) ?? trends.periods.map(() => 0) }));
}

export type TopCodeSortKey = 'code' | 'lines' | 'previous' | 'change' | 'percent';
export interface TopCodeSort {
  key: TopCodeSortKey;
  direction: 'ascending' | 'descending';
}

export const DEFAULT_TOP_CODE_SORT: TopCodeSort = { key: 'lines', direction: 'descending' };

/**
 * Sorted copy. Codes without a percentage (new this year) sort after every figure in either
 * direction; ties keep the busier code first, then the code, so the order is stable.
 */
export function sortTopCodes(codes: readonly TopCode[], sort: TopCodeSort): TopCode[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...codes].sort((a, b) => {
    let order: number;
    if (sort.key === 'code') order = sign * a.code.localeCompare(b.code);
    else if (sort.key === 'percent') {
      if (a.percent === null || b.percent === null) order = a.percent === b.percent ? 0 : a.percent === null ? 1 : -1;
      else order = sign * (a.percent - b.percent);
    } else order = sign * (a[sort.key] - b[sort.key]);
    return order || b.lines - a.lines || a.code.localeCompare(b.code);
  });
}

/** Clicking a header: the same column flips; a new column starts with the biggest (or A–Z for codes). */
export function nextTopCodeSort(current: TopCodeSort, key: TopCodeSortKey): TopCodeSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'code' ? 'ascending' : 'descending' };
}
